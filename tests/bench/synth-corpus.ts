/**
 * Deterministic synthetic corpora for the scale benchmark: N sentences of
 * reporting on AI investment, summits and infrastructure, spread over many
 * Markdown documents with front matter, plus figures.yaml (quotes verbatim
 * from their documents), entities.yaml, the bundled lexicon, and ~200
 * questions that use the corpus's own names. Seeded, so every run and every
 * machine measures the same text.
 *
 *   npx tsx tests/bench/synth-corpus.ts 10000      # prints the directory
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as V from './synth-vocabulary.js';
import { synthQuestions } from './synth-questions.js';

export interface SynthOptions {
  /** Sentences to generate (headings not counted). */
  sentences: number;
  /** Default 2025. */
  seed?: number;
  /** Where corpora are cached. Default: <os tmpdir>/summit-qa-bench. */
  root?: string;
}

export interface SynthManifest {
  dir: string;
  key: string;
  sentences: number;
  seed: number;
  documents: number;
  figures: number;
  entities: number;
  questions: string[];
  /** True when this call wrote the corpus, false when it reused one. */
  generated?: boolean;
}

const MANIFEST = '.bench-manifest.json'; // a dotfile: the corpus loader skips it
const HERE = dirname(fileURLToPath(import.meta.url));
const LEXICON = join(HERE, '../../corpus/lexicon.yaml');

/** The corpus for these options, generated once and reused while the generator and lexicon are unchanged. */
export function ensureSynthCorpus(options: SynthOptions): SynthManifest {
  const seed = options.seed ?? 2025;
  const lexicon = readFileSync(LEXICON, 'utf8');
  // Keyed by the generator's own source, so editing it never reuses a stale corpus.
  const sources = ['synth-corpus.ts', 'synth-vocabulary.ts', 'synth-questions.ts'].map((f) => readFileSync(join(HERE, f), 'utf8'));
  const key = `n${options.sentences}-s${seed}-${V.hash32([...sources, lexicon].join('\0')).toString(16)}`;
  const dir = join(options.root ?? join(tmpdir(), 'summit-qa-bench'), `corpus-${key}`);
  const reuse = (): SynthManifest | undefined =>
    existsSync(join(dir, MANIFEST)) ? { ...(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as SynthManifest), dir, generated: false } : undefined;
  const existing = reuse();
  if (existing) return existing;

  const { files, manifest } = generate(options.sentences, seed);
  // Written beside, then renamed: an interrupted run never leaves a half corpus that looks complete.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(partial, path)), { recursive: true });
    writeFileSync(join(partial, path), text);
  }
  writeFileSync(join(partial, 'lexicon.yaml'), lexicon);
  const result: SynthManifest = { ...manifest, dir, key };
  writeFileSync(join(partial, MANIFEST), JSON.stringify(result));
  // Another run may have finished the same corpus meanwhile: keep its copy, which it may be reading.
  const finished = reuse();
  if (finished) {
    rmSync(partial, { recursive: true, force: true });
    return finished;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  pruneStale(dirname(dir), `corpus-n${options.sentences}-s${seed}-`, basename(dir));
  return { ...result, generated: true };
}

/** Corpora of the same size and seed from an older generator or lexicon are never read again. */
function pruneStale(root: string, prefix: string, keep: string): void {
  for (const name of readdirSync(root)) {
    if (name.startsWith(prefix) && name !== keep && !name.includes('.partial-')) rmSync(join(root, name), { recursive: true, force: true });
  }
}

interface Person { id: string; name: string; surname: string; role: string; org: number }
interface Org { id: string; name: string; short: string }
interface Programme { id: string; name: string; acronym?: string }
interface Place { id: string; name: string; adjective?: string }
interface SummitEvent { id: string; name: string; place: number }
interface SynthPools { people: Person[]; orgs: Org[]; programmes: Programme[]; places: Place[]; events: SummitEvent[] }

/** Pool sizes grow with the square root of the corpus: more documents name more people, but not one new name per sentence. */
function makePools(sentences: number, rng: V.Prng): SynthPools {
  const s = Math.sqrt(sentences / 1000);
  const count = (base: number, per: number, max: number) => Math.min(max, Math.round(base + per * s));
  const orgs: Org[] = shuffled(V.ORGANISATION_COUNT, rng).slice(0, count(12, 8, V.ORGANISATION_COUNT)).map((i) => {
    const o = V.organisation(i);
    return { id: slug(o.name), ...o };
  });
  const people: Person[] = shuffled(V.SURNAME_COUNT, rng).slice(0, count(12, 8, V.SURNAME_COUNT)).map((i) => {
    const surname = V.surname(i);
    const name = `${rng.pick(V.FIRST_NAMES)} ${surname}`;
    return { id: slug(name), name, surname, role: rng.pick(V.ROLES), org: rng.int(0, orgs.length - 1) };
  });
  const names = shuffled(V.PROGRAMME_COUNT, rng).slice(0, count(8, 6, V.PROGRAMME_COUNT)).map(V.programme);
  const acronym = (n: string) => n.split(' ').map((w) => w[0]).join('');
  const programmes: Programme[] = names.map((name) => ({
    id: slug(name),
    name,
    // Only acronyms no other programme shares, as a newsroom would.
    ...(names.filter((n) => acronym(n) === acronym(name)).length === 1 ? { acronym: acronym(name) } : {}),
  }));
  const places: Place[] = V.PLACES.slice(0, count(12, 4, V.PLACES.length)).map((p) => ({ id: slug(p.name), ...p }));
  const cities = places.map((_, i) => i).filter((i) => !places[i]!.adjective);
  const events: SummitEvent[] = [];
  for (const i of shuffled(cities.length * V.EVENT_KINDS.length, rng).slice(0, count(4, 2, 40))) {
    const place = cities[i % cities.length]!;
    const name = `${places[place]!.name} ${V.EVENT_KINDS[Math.floor(i / cities.length)]!}`;
    events.push({ id: slug(name), name, place });
  }
  return { people, orgs, programmes, places, events };
}

interface Context {
  rng: V.Prng;
  p: SynthPools;
  prog: Programme;
  org: Org;
  person: Person;
  place: Place;
  event: SummitEvent;
  year: number;
  month: number;
  day: number;
}

const money = (rng: V.Prng) => {
  const billions = rng.pick([0.5, 1.2, 2, 3.5, 5, 8, 10, 12, 20, 25, 40, 50, 75, 100, 150, 200]);
  const usd = rng.chance(0.3);
  const written = usd
    ? rng.pick([`$${billions} billion`, `${billions} billion dollars`, `$${billions}bn`])
    : rng.pick([`€${billions} billion`, `${billions} billion euros`, `€${billions}bn`]);
  return { written, amount: Math.round(billions * 1e9), currency: usd ? ('USD' as const) : ('EUR' as const), display: `${usd ? '$' : '€'}${billions} billion` };
};

const progName = (c: Context) => (c.prog.acronym && c.rng.chance(0.2) ? `the ${c.prog.acronym}` : `the ${c.prog.name}`);
const date = (c: Context) => `${c.day} ${V.MONTHS[c.month]!} ${c.year}`;
const other = <T>(c: Context, items: readonly T[], not: T) => (items.length > 1 ? c.rng.pick(items.filter((x) => x !== not)) : not);

/** Sentences about a document's subject; each is one sentence to Intl.Segmenter (no abbreviations with full stops). */
const TEMPLATES: ((c: Context) => string)[] = [
  (c) => `${c.org.name} ${c.rng.pick(V.MONEY_VERBS)[0]} ${money(c.rng).written} over ${c.rng.int(2, 10)} years to build ${c.rng.pick(V.FACILITIES)} in ${c.place.name}.`,
  (c) => `“${cap(c.rng.pick(V.CLAIMS))},” ${c.person.name}, ${c.person.role} of ${c.p.orgs[c.person.org]!.short}, said at the ${c.event.name}.`,
  (c) => `Speaking in ${c.p.places[c.event.place]!.name} on ${c.rng.pick(V.WEEKDAYS)}, ${c.person.surname} said that ${progName(c)} would open ${c.rng.int(2, 30)} ${c.rng.pick(V.FACILITIES)} by ${c.year + c.rng.int(1, 5)}.`,
  (c) => `${cap(progName(c))} aims to reach ${c.rng.int(50, 2000)} megawatts of computing capacity by ${c.year + c.rng.int(2, 8)}.`,
  (c) => `According to ${c.org.short}, demand for ${c.rng.pick(V.TOPICS)} grew by ${c.rng.int(5, 90)} per cent in ${c.year - 1}.`,
  (c) => `The first ${c.rng.pick(V.FACILITIES)} under ${progName(c)} are expected to open in ${V.MONTHS[c.rng.int(0, 11)]!} ${c.year + c.rng.int(1, 3)} in ${other(c, c.p.places, c.place).name}.`,
  (c) => `${c.org.short} said it would hire ${c.rng.int(1, 25)},000 engineers and researchers across ${c.place.name} and ${other(c, c.p.places, c.place).name}.`,
  (c) => `Of the total, ${money(c.rng).written} will come from public budgets and the rest from private investors.`,
  (c) => `${c.person.surname} compared the plan with the US Stargate project, which promised up to $500 billion over four years.`,
  (c) => `The ${c.event.name} brought together ${c.rng.int(12, 80)} delegations from governments and industry on ${date(c)}.`,
  (c) => `${c.org.short} and ${other(c, c.p.orgs, c.org).short} signed a partnership worth ${money(c.rng).written} to supply ${c.rng.pick(V.FACILITIES)} with ${c.rng.int(2, 90)},000 GPUs.`,
  (c) => `In ${V.MONTHS[c.rng.int(0, 11)]!} ${c.year}, ${c.place.adjective ? `the ${c.place.adjective} government` : `the city of ${c.place.name}`} ${c.rng.pick(V.MONEY_VERBS)[0]} ${money(c.rng).written} for ${c.rng.pick(V.TOPICS)}.`,
  (c) => `${other(c, c.p.people, c.person).name} of ${c.rng.pick(c.p.orgs).name} warned that ${c.rng.pick(V.TOPICS)} would decide who leads in AI by ${c.year + 5}.`,
  (c) => c.rng.pick(V.FILLER),
  (c) => c.rng.pick(V.FILLER),
];

const SUBHEADINGS = ['## Background', '## Reactions', '## What happens next', '## The money', '## Infrastructure'];

function generate(total: number, seed: number): { files: Map<string, string>; manifest: Omit<SynthManifest, 'dir' | 'key'> } {
  const rng = new V.Prng(seed ^ V.hash32(`summit-qa-${total}`));
  const p = makePools(total, rng);
  const files = new Map<string, string>();
  const figures: string[] = [];
  let written = 0;
  let docs = 0;
  while (written < total) {
    const n = Math.min(total - written, rng.int(10, 50));
    const c: Context = {
      rng, p, prog: rng.pick(p.programmes), org: rng.pick(p.orgs), person: rng.pick(p.people), place: rng.pick(p.places),
      event: rng.pick(p.events), year: rng.int(2024, 2026), month: rng.int(0, 11), day: rng.int(1, 28),
    };
    const id = `d${String(docs + 1).padStart(5, '0')}-${c.prog.id}`;
    const m = money(rng);
    const verb = rng.pick(V.MONEY_VERBS);
    const headline = `${cap(progName(c))} will ${verb[1]} ${m.written} for ${rng.pick(V.TOPICS)} in ${c.place.name}, ${c.person.name} announced on ${date(c)}.`;
    const sentences = [headline];
    while (sentences.length < n) {
      // A few tries for a sentence the document does not have yet: reports rarely repeat themselves word for word.
      let s = rng.pick(TEMPLATES)(c);
      for (let tries = 0; tries < 3 && sentences.includes(s); tries++) s = rng.pick(TEMPLATES)(c);
      sentences.push(s);
    }
    const title = rng.pick([`${c.org.short} backs ${c.prog.name} with ${m.display}`, `${c.event.name}: ${c.person.name} on ${rng.pick(V.TOPICS)}`, `${c.prog.name} ${verb[0]} ${m.display}`]);
    files.set(`${c.year}/${id}.md`, documentText(id, title, c, sentences));
    if (docs % 3 === 0) figures.push(figureYaml(id, c, m, verb[1], headline));
    written += n;
    docs++;
  }
  files.set('figures.yaml', `# Synthetic figures: each quote is a sentence of its document.\n${figures.join('\n')}`);
  files.set('entities.yaml', entitiesYaml(p));
  const entities = p.people.length + p.orgs.length + p.programmes.length + p.places.length + p.events.length;
  return { files, manifest: { sentences: total, seed, documents: docs, figures: figures.length, entities, questions: synthQuestions(p, new V.Prng(seed + 1)) } };
}

/** Front matter, a heading, then paragraphs of 2-5 sentences with an occasional subheading. */
function documentText(id: string, title: string, c: Context, sentences: string[]): string {
  const mm = String(c.month + 1).padStart(2, '0');
  const dd = String(c.day).padStart(2, '0');
  const front = [
    '---', `id: ${id}`, `title: ${JSON.stringify(title)}`, `published: ${c.year}-${mm}-${dd}`,
    `url: https://news.example.org/${c.year}/${mm}/${id}`, `publisher: ${c.rng.pick(V.PUBLISHERS)}`, `kind: ${c.rng.pick(V.DOCUMENT_KINDS)}`, '---',
  ];
  const blocks = [`# ${title}`];
  for (let i = 0; i < sentences.length; ) {
    const size = c.rng.int(2, 5);
    if (i > 0 && c.rng.chance(0.15)) blocks.push(c.rng.pick(SUBHEADINGS));
    blocks.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  return `${front.join('\n')}\n${blocks.join('\n\n')}\n`;
}

function figureYaml(doc: string, c: Context, m: ReturnType<typeof money>, verb: string, quote: string): string {
  const when = `${c.year}-${String(c.month + 1).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  return [
    `- id: fig-${doc}`, '  kind: money', `  what: ${JSON.stringify(`what the ${c.prog.name} will ${verb}`)}`, `  display: ${JSON.stringify(m.display)}`,
    `  amount: ${m.amount}`, `  currency: ${m.currency}`, `  who: ${c.person.id}`, `  subjects: [${c.prog.id}]`, `  when: "${when}"`,
    `  keywords: [${verb}, total, budget]`, `  document: ${doc}`, `  quote: ${JSON.stringify(quote)}`, '',
  ].join('\n');
}

function entitiesYaml(p: SynthPools): string {
  const entry = (e: { id: string; name: string; kind: string; aliases?: string[]; adjectives?: string[]; description?: string; questions?: string[] }) =>
    [
      `- id: ${e.id}`, `  name: ${JSON.stringify(e.name)}`, `  kind: ${e.kind}`,
      ...(e.description ? [`  description: ${JSON.stringify(e.description)}`] : []),
      ...(['aliases', 'adjectives', 'questions'] as const).filter((k) => e[k]?.length).map((k) => `  ${k}: [${e[k]!.map((v) => JSON.stringify(v)).join(', ')}]`),
      '',
    ].join('\n');
  return [
    '# Synthetic entities: people, companies, programmes, places and events of the benchmark corpus.',
    ...p.people.map((x) => entry({ id: x.id, name: x.name, kind: 'person', aliases: [x.surname], description: `${cap(x.role)} of ${p.orgs[x.org]!.name}`, questions: [`What did ${x.name} announce?`] })),
    ...p.orgs.map((x) => entry({ id: x.id, name: x.name, kind: 'organisation', aliases: [x.short] })),
    ...p.programmes.map((x) => entry({ id: x.id, name: x.name, kind: 'programme', aliases: x.acronym ? [x.acronym] : [], questions: [`How much will the ${x.name} mobilise?`] })),
    ...p.places.map((x) => entry({ id: x.id, name: x.name, kind: 'place', adjectives: x.adjective ? [x.adjective] : [] })),
    ...p.events.map((x) => entry({ id: x.id, name: x.name, kind: 'event' })),
  ].join('\n');
}

function shuffled(n: number, rng: V.Prng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const m = ensureSynthCorpus({ sentences: Number(process.argv[2] ?? 1000) });
  console.log(`${m.dir} (${m.documents} documents, ${m.figures} figures, ${m.entities} entities, ${m.generated ? 'generated' : 'reused'})`);
}
