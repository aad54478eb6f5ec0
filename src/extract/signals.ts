/**
 * What a mention's surroundings say about what it names: a title or a role
 * makes a person, "Inc." or "Alliance" an organisation, "programme" after it a
 * programme, "in X" a place, a dateline a city. Each clue is a vote; the
 * entity's kind is the one with most votes over all its mentions.
 */
import type { Mention } from './mentions.js';

export type Kind = 'person' | 'organisation' | 'programme' | 'place' | 'event' | 'group';
export type PlaceKind = 'city' | 'region' | 'country' | 'continent';

export interface Signals {
  kinds: Partial<Record<Kind, number>>;
  place: Partial<Record<PlaceKind, number>>;
  /** A description written beside the mention ("executive director of the LCA"). */
  description?: string;
  /** Another name for it written beside the mention ("Harbour programme", "@handle"). */
  aliases: string[];
}

const ORG_SUFFIX = /\b(?:Inc|Ltd|LLC|PLC|GmbH|SA|AG|Corp|Corporation|Company|Co|Group|Groups|Alliance|Fund|Council|Ministry|Department|Semiconductors|Commission|Union|Secretariat|Service|Services|Partners|Bank|Agency|Institute|University|Foundation|Association|Committee|Authority|Press|Media|Network|Grid|Labs?|Holdings|Capital|Ventures|Technologies|Systems|Government|Parliament|Office|Board|Centre|Center|Society|Organisation|Organization|Federation|Party|Court|News|Times|Post|Communications)\.?$/;
const PROGRAMME_SUFFIX = /\b(?:Programme|Program|Initiative|Project|Plan|Scheme|Strategy|Declaration|Agreement|Pact|Treaty|Act|Charter|Accord|Mission|Facility)$/;
const PLACE_SUFFIX = /\b(?:States|Kingdom|Emirates|Republic|Islands|Province|County|Region|Valley|Coast|Bay|Sea|Ocean|River|Mountains)$/;
const EVENT_SUFFIX = /\b(?:Forum|Summit|Conference|Congress|Festival|Expo|Games|Olympics|Week|Convention|Symposium|Assembly|Meeting|Championship)$/;
/** Nouns written after a name that say what the name is ("the Harbour programme", "the Stargate project"). */
const PROGRAMME_NOUNS = new Set(['programme', 'program', 'initiative', 'project', 'plan', 'scheme', 'strategy', 'mission', 'facility']);
const ORG_NOUNS = new Set(['group', 'company', 'firm', 'ministry', 'agency', 'fund', 'consortium', 'alliance', 'coalition', 'bank', 'startup']);
const EVENT_NOUNS = new Set(['summit', 'forum', 'conference', 'meeting', 'festival']);
/** Words that name a person's role in an apposition ("X, chief executive of Y"). */
const ROLE_WORDS = /\b(?:executive|director|chief|minister|president|ceo|cfo|cto|founder|co-founder|chair|chairman|chairwoman|chairperson|head|spokesperson|spokesman|spokeswoman|secretary|commissioner|mayor|professor|researcher|scientist|analyst|editor|reporter|correspondent|officer|manager|partner|adviser|advisor|ambassador|governor|senator|leader|economist|engineer|member|lawyer|author|vice|deputy|prime|envoy|delegate|official)\b/i;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'around', 'to', 'towards', 'via']);
const SAY_VERBS = /^\s*(?:[,)]\s*)?(?:said|says|told|added|wrote|posted|tweeted|explained|argued|noted|announced)\b/;

/** The kind a name's own words give it, whatever its surroundings. */
export function kindFromName(name: string): Kind | undefined {
  // The head of "Lisbon Declaration on Shared Compute" is "Declaration".
  for (const part of [name, name.split(/\s+(?:of|for|on|de)\s+/)[0]!]) {
    if (PROGRAMME_SUFFIX.test(part)) return 'programme';
    if (PLACE_SUFFIX.test(part)) return 'place';
    if (EVENT_SUFFIX.test(part)) return 'event';
    if (ORG_SUFFIX.test(part)) return 'organisation';
  }
  return undefined;
}

/** A name shaped like a person's: two to four capitalised words, no digits, no organisation word. */
export function personShaped(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[\p{Lu}][\p{Ll}’'\-]+$/u.test(w) || /^(?:de|da|van|von|der|del|di|du|le|la)$/.test(w)) && kindFromName(name) === undefined;
}

/**
 * Clues for one mention. `sentence` is the sentence text, `offset` the
 * sentence's start in the document body (mentions carry body offsets).
 */
export function signalsOf(m: Mention, sentence: string, offset: number, paragraphStart: boolean): Signals {
  const s: Signals = { kinds: {}, place: {}, aliases: [] };
  const vote = (k: Kind, n: number) => (s.kinds[k] = (s.kinds[k] ?? 0) + n);
  // Clues sit close to the name: bounded windows keep the work per mention constant.
  const after = sentence.slice(m.end - offset, m.end - offset + 320);
  const before = sentence.slice(Math.max(0, m.start - offset - 160), m.start - offset);
  const own = kindFromName(m.text);
  if (own) vote(own, 3);
  if (m.role) vote(m.role, 3);
  if (m.title) vote('person', 3);
  // "French President Emmanuel Macron": the title describes the person.
  if (m.title && /\s/.test(m.title)) s.description = m.title;
  // "investment firm Brookfield", "U.S. chipmaker Quillon": the noun before names the kind.
  if (/\b(?:firm|company|group|startup|start-up|fund|bank|investor|chipmaker|maker|lab|agency|operator|manufacturer|developer|insurer|lender|broadcaster|publisher|newspaper|carmaker|retailer|conglomerate)\s+$/.test(before)) vote('organisation', 2);
  if (m.nounAfter && PROGRAMME_NOUNS.has(m.nounAfter)) {
    vote('programme', 2);
    s.aliases.push(`${m.text} ${m.nounAfter}`);
  } else if (m.nounAfter && ORG_NOUNS.has(m.nounAfter)) vote('organisation', 1);
  else if (m.nounAfter && EVENT_NOUNS.has(m.nounAfter)) vote('event', 1);
  const shaped = personShaped(m.text);
  // "By Tomás Reiner" opening a paragraph: a byline.
  if (shaped && m.before === 'by' && /^\s*By\s+$/u.test(before)) vote('person', 3);
  // "(Reporting by Tomás Reiner; Editing by Ana Pryce)", "Media contact: Dana Whitcombe"
  else if (shaped && (/\b(?:[Rr]eporting|[Ee]diting|[Ww]ritten|[Pp]hotos?|[Ii]nterview(?:ed)?|[Ss]igned|[Pp]osted)\s+by\s+$/.test(before) || /\b[Cc]ontact:\s*$/.test(before))) vote('person', 2);
  if (shaped && (SAY_VERBS.test(after) || /\b(?:said|says|told|according to)\s*$/.test(before))) vote('person', 2);
  // "RUTH KELLER (RK): ..." opening a paragraph: a speaker label in a transcript.
  if (paragraphStart && /^[\p{Lu} .'-]+$/u.test(m.text) && /^\s*(?:\([^)]{1,12}\))?:/.test(after) && personShaped(m.text.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase()))) vote('person', 4);
  const handle = /^\s*\((@[A-Za-z0-9_]{2,})\)/.exec(after);
  if (handle) {
    s.aliases.push(handle[1]!);
    if (shaped) vote('person', 2);
  }
  // "Noor Castellan, executive director of the LCA," / "Quillon Semiconductors, a U.S.-based chipmaker,"
  const appo = /^(?:,\s+(?:Inc|Ltd|LLC|Corp|PLC)\.?)?(?:\s*\([^)]{1,40}\))?,\s+(?!(?:Inc|Ltd|LLC|Corp)\b)((?:the|a|an|its|their|his|her|\p{Lu}[\p{L}.\-]*['’]s)\s+)?([^,;:()"“”]{3,160})/u.exec(after);
  if (appo) {
    const body = extendApposition(appo[2]!, after.slice(appo[0].length));
    const text = ((appo[1] ?? '') + body).trim();
    const isRole = ROLE_WORDS.test(body) && !/^\p{Lu}[\p{Ll}]+\s+(?:and|or)\s/u.test(body);
    if (isRole && shaped) vote('person', 3);
    const describes = isRole || !!appo[1];
    // The head of the apposition says what the name is: "a French startup", "a port town".
    if (appo[1] && /^(?:a|an|the)\s/i.test(appo[1])) {
      const headWords = body.split(/\s+(?:of|for|in|at|on|with|that|which|valued|based|headquartered|founded)\b/)[0]!;
      if (/\b(?:startup|start-up|company|firm|chipmaker|maker|group|bank|fund|agency|organi[sz]ation|body|partnership|alliance|coalition|network|consortium|union|ministry|lab|laboratory|university|institute|broadcaster|newspaper|publisher|operator|manufacturer|developer|designer|vehicle|association|foundation)$/i.test(headWords)) vote('organisation', 2);
      else if (/\b(?:town|city|village|port|region|province|country|state|capital|island|district)$/i.test(headWords)) vote('place', 2);
      else if (shaped && /\b(?:scientist|economist|engineer|researcher|lawyer|politician|official|entrepreneur|investor|diplomat|journalist|academic|professor|banker|activist)$/i.test(headWords)) vote('person', 2);
    }
    if (describes && text.split(/\s+/).length <= 20 && !/^(?:and|or|but|with|while|which|who|in|on|at|not)\b/.test(text)) s.description = text;
  }
  const as = /^\s+as\s+((?:the|a|an|its|\p{Lu}[\p{L}.\-]*['’]s)\s+[^,;:()"“”]{3,100}?)(?=[,;.]|$|\s+(?:and|with|to)\s)/u.exec(after);
  if (as && !s.description) s.description = as[1]!.trim();
  // "the host, Portugal," / "Its chief executive, Desmond Achterburg,"
  const roleBefore = /(?:^|[\s(])((?:its|the|their|his|her)\s+)?([\p{Ll}\- ]{3,60}),\s*$/u.exec(before);
  if (roleBefore && shaped && ROLE_WORDS.test(roleBefore[2]!)) {
    vote('person', 2);
    s.description ??= roleBefore[2]!.trim();
  }
  // "X was named / appointed executive director of Y", "X is the new executive director"
  const named = /^\s+(?:was|is|has been|had been)\s+(?:named|appointed|elected|chosen as|made)?\s*((?:the\s+)?(?:\p{Lu}[\p{L}'’]*\s+)?(?:new\s+|first\s+|interim\s+)?[\p{L}\- ]{2,60}?(?:\s+(?:of|for|at)\s+(?:the\s+)?[\p{Lu}][\p{L}\- ]{1,60}?)?)(?=[.,;]|\s+(?:this|last|on|in|until|since|who|and)\b|$)/u.exec(after);
  if (named && shaped && ROLE_WORDS.test(named[1]!)) {
    vote('person', 2);
    s.description ??= named[1]!.trim();
  }
  // Places: "in Lisbon", "at Sines, Portugal", "LISBON, March 3" (a dateline), "Government of Portugal".
  const single = !/\s/.test(m.text) || m.text.split(/\s+/).length <= 2;
  if (single && !own && !shaped && (PLACE_PREPOSITIONS.has(m.before) || /\b(?:in|at|from|to|across)\s+the\s+$/i.test(before))) vote('place', 1);
  if (paragraphStart && /^\p{Lu}[\p{Lu} .'-]+$/u.test(m.text) && /^\s*(?:,|—|–|-)\s*(?:\p{Lu}[\p{L}.]*\s+\d|\()/u.test(after)) {
    vote('place', 3);
    s.place.city = (s.place.city ?? 0) + 3;
  }
  const cityOf = /^,\s+(\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?|(?:\p{Lu}\.){2,})(?=[,.;)]|\s+(?:and|on|in|for|with)\b|$)/u.exec(after);
  if (cityOf && single && !own && !shaped && (PLACE_PREPOSITIONS.has(m.before) || m.before === '(' || m.before === 'headquartered')) {
    vote('place', 2);
    s.place.city = (s.place.city ?? 0) + 2;
  }
  if (/\b(?:government|people|capital|president|prime minister|embassy|republic|kingdom) of\s+$/i.test(before) && single) {
    vote('place', 2);
    s.place.country = (s.place.country ?? 0) + 2;
  }
  if (/\b(?:city|town|port|village|capital) of\s+$/i.test(before) && single) {
    vote('place', 2);
    s.place.city = (s.place.city ?? 0) + 2;
  }
  if (single && /^,\s+(?:a|the)\s+(?:[\p{Ll}\-]+\s+)*?(?:port|town|city|village|capital)\b/u.test(after)) {
    vote('place', 2);
    s.place.city = (s.place.city ?? 0) + 2;
  }
  return s;
}


const APPOSITION_STOP = /^(?:for|to|in|on|at|by|with|from|under|over|after|before|since|until|while|when|where|which|who|whose|said|says|told|today|yesterday|and|but|or|as|had|has|have|was|is|will|would)\b/;

/** An apposition runs on across commas while it lists words ("to plan, finance and share ..."), and stops at a clause. */
function extendApposition(first: string, rest: string): string {
  let text = first.replace(/\s+(?:said|says|told|who|which)\b.*$/s, '');
  if (text !== first) return text.trim().replace(/\.$/, '');
  for (const part of rest.split(/(?=,)/)) {
    const next = /^,\s+([\p{Ll}][^,;:()"“”]*)/u.exec(part);
    if (!next || APPOSITION_STOP.test(next[1]!) || (text + part).split(/\s+/).length > 20) break;
    text += part;
    if (/[;:]/.test(part)) break;
  }
  return text.split(/[;:]/)[0]!.trim().replace(/\.$/, '');
}
