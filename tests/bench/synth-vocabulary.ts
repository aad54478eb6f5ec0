/**
 * Word pools for the synthetic benchmark corpus: the kind of names, places,
 * programmes and phrasing found in reporting on AI investment, summits and
 * infrastructure. Names are built from parts so that large corpora get many
 * distinct people and companies without a huge list, and none is a real one.
 */

/** A seeded pseudo-random source (mulberry32): same seed, same corpus, on every machine. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A stable 32-bit hash (FNV-1a) of a string, to derive seeds and cache keys. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const FIRST_NAMES = [
  'Anna', 'Lukas', 'Sofia', 'Matteo', 'Elena', 'Jonas', 'Camille', 'Mateusz', 'Ingrid', 'Pablo', 'Chiara', 'Tomas',
  'Amelie', 'Henrik', 'Lucia', 'Nikos', 'Marta', 'Emil', 'Claire', 'Dario', 'Petra', 'Oskar', 'Ines', 'Viktor',
  'Helena', 'Rafael', 'Astrid', 'Bruno', 'Zofia', 'Julien', 'Greta', 'Marco', 'Leila', 'Stefan', 'Noor', 'Adrien',
  'Priya', 'Daniel', 'Mei', 'Samuel', 'Aisha', 'Kenji', 'Laura', 'Felix', 'Carmen', 'Anton', 'Maren', 'Luca',
];

const SURNAME_HEADS = ['Berg', 'Lind', 'Kowal', 'Moreau', 'Rossi', 'Sand', 'Holm', 'Weiss', 'Dupont', 'Novak', 'Fischer', 'Bianchi', 'Varga', 'Jansen', 'Costa', 'Laurent', 'Nowak', 'Eriks', 'Marin', 'Kessler'];
const SURNAME_TAILS = ['mann', 'qvist', 'ski', 'lli', 'berg', 'stedt', 'ova', 'ard', 'ini', 'sen', 'ovic', 'ez', 'ier', 'hoff', 'eau'];

/** A surname made of two parts: 300 distinct ones. */
export function surname(i: number): string {
  const head = SURNAME_HEADS[i % SURNAME_HEADS.length]!;
  const tail = SURNAME_TAILS[Math.floor(i / SURNAME_HEADS.length) % SURNAME_TAILS.length]!;
  return head + tail;
}
export const SURNAME_COUNT = SURNAME_HEADS.length * SURNAME_TAILS.length;

export const ROLES = [
  'chief executive', 'minister for digital affairs', 'head of research', 'chief technology officer', 'commissioner for technology',
  'managing partner', 'secretary of state for AI', 'director of infrastructure', 'chair of the board', 'chief economist',
];

const ORG_HEADS = ['Helio', 'Nordi', 'Astra', 'Lumi', 'Veri', 'Quanta', 'Orbi', 'Cogni', 'Vecto', 'Strato', 'Neuro', 'Silico', 'Ferro', 'Alpi', 'Balti'];
const ORG_TAILS = ['grid', 'scale', 'nova', 'core', 'mind', 'works', 'gen', 'cloud', 'labs', 'tec'];
const ORG_KINDS = ['Capital', 'Systems', 'Cloud', 'Semiconductors', 'Partners', 'Robotics', 'Energy', 'Group'];

/** A company: short name (its alias) and full name. 150 distinct short names. */
export function organisation(i: number): { short: string; name: string } {
  const head = ORG_HEADS[i % ORG_HEADS.length]!;
  const tail = ORG_TAILS[Math.floor(i / ORG_HEADS.length) % ORG_TAILS.length]!;
  const short = head + tail;
  return { short, name: `${short} ${ORG_KINDS[i % ORG_KINDS.length]!}` };
}
export const ORGANISATION_COUNT = ORG_HEADS.length * ORG_TAILS.length;

const PROGRAMME_HEADS = ['Sovereign', 'Open', 'Frontier', 'Green', 'Digital', 'Nordic', 'Atlantic', 'Alpine', 'Mediterranean', 'Baltic', 'Continental', 'Danube'];
const PROGRAMME_TAILS = ['Compute Fund', 'GigaFactory', 'AI Initiative', 'Cloud Programme', 'Data Alliance', 'Chip Programme', 'Talent Pact', 'AI Corridor', 'Model Lab', 'Grid Compact'];

/** A programme or initiative: 120 distinct names. */
export function programme(i: number): string {
  const head = PROGRAMME_HEADS[i % PROGRAMME_HEADS.length]!;
  const tail = PROGRAMME_TAILS[Math.floor(i / PROGRAMME_HEADS.length) % PROGRAMME_TAILS.length]!;
  return `${head} ${tail}`;
}
export const PROGRAMME_COUNT = PROGRAMME_HEADS.length * PROGRAMME_TAILS.length;

export const PLACES: readonly { name: string; adjective?: string }[] = [
  { name: 'Paris' }, { name: 'Berlin' }, { name: 'Milan' }, { name: 'Warsaw' }, { name: 'Stockholm' }, { name: 'Lisbon' },
  { name: 'Madrid' }, { name: 'Vienna' }, { name: 'Helsinki' }, { name: 'Dublin' }, { name: 'Prague' }, { name: 'Athens' },
  { name: 'Tallinn' }, { name: 'Copenhagen' }, { name: 'Rotterdam' }, { name: 'Lyon' }, { name: 'Munich' }, { name: 'Barcelona' },
  { name: 'Gdansk' }, { name: 'Oslo' }, { name: 'Zurich' }, { name: 'Brussels' }, { name: 'Luxembourg' }, { name: 'Bilbao' },
  { name: 'Finland', adjective: 'Finnish' }, { name: 'Poland', adjective: 'Polish' }, { name: 'Spain', adjective: 'Spanish' },
  { name: 'Italy', adjective: 'Italian' }, { name: 'Sweden', adjective: 'Swedish' }, { name: 'Portugal', adjective: 'Portuguese' },
  { name: 'Greece', adjective: 'Greek' }, { name: 'Austria', adjective: 'Austrian' }, { name: 'Ireland', adjective: 'Irish' },
  { name: 'Estonia', adjective: 'Estonian' }, { name: 'Denmark', adjective: 'Danish' }, { name: 'Norway', adjective: 'Norwegian' },
];

export const EVENT_KINDS = ['AI Summit', 'Compute Forum', 'Digital Infrastructure Conference', 'AI Investment Forum', 'Data Centre Congress'];
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export const TOPICS = [
  'AI infrastructure', 'computing power', 'sovereign cloud capacity', 'semiconductor supply', 'model training', 'AI adoption in industry',
  'research talent', 'energy for data centres', 'open-source models', 'AI safety research', 'climate modelling', 'public-private partnership',
  'quantum computing', 'robotics in manufacturing', 'health data platforms', 'startup financing',
];

export const FACILITIES = ['AI gigafactories', 'data centres', 'supercomputers', 'AI factories', 'chip plants', 'computing hubs', 'research campuses', 'training clusters'];

/** Verbs for money, in the past tense and as an infinitive. */
export const MONEY_VERBS: readonly [past: string, infinitive: string][] = [
  ['mobilised', 'mobilise'], ['invested', 'invest'], ['pledged', 'pledge'], ['committed', 'commit'],
  ['raised', 'raise'], ['allocated', 'allocate'], ['earmarked', 'earmark'], ['promised', 'promise'],
];

export const PUBLISHERS = ['Tech Policy Daily', 'Euro Business Wire', 'The Compute Review', 'Digital Europe Monitor', 'Capital & Code', 'Infrastructure Weekly'];
export const DOCUMENT_KINDS = ['news article', 'press release', 'speech', 'blog post', 'interview', 'policy brief'];

/** Claims a speaker may make, quoted in a sentence. */
export const CLAIMS = [
  'Europe needs its own computing power to train frontier models',
  'we cannot leave the next generation of infrastructure to a few players',
  'every researcher and every startup should be able to access these machines',
  'the money is there, what we need now is speed',
  'energy is the bottleneck, not chips',
  'this is the largest public-private partnership we have ever signed',
  'our startups need the resources to scale up',
  'open models will keep the market competitive',
  'talent follows infrastructure, and infrastructure follows capital',
  'we will measure success in jobs, not in press releases',
];

/** Sentences that carry no figure: the filler every report has. */
export const FILLER = [
  'The announcement was welcomed by industry groups, although some questioned the timetable.',
  'Critics warned that the energy demand of the new sites has not yet been assessed.',
  'Details of the governance structure are expected in the coming months.',
  'The initiative builds on earlier national programmes for high-performance computing.',
  'Several delegations asked for clearer rules on who may use the shared infrastructure.',
  'Observers noted that the timeline depends on permits and grid connections.',
  'The plan still needs the approval of the national parliaments involved.',
  'Smaller companies hope the programme will lower the cost of training their models.',
];
