/**
 * Suggestion questions an entity's own figures and definition answer
 * ("What is the Harbour Renewal Fund?", "How much will Northport spend on
 * a new container terminal?"), and search keywords for a figure.
 */
import type { LoadedFigure } from '../corpus/types.js';
import type { EntityDraft } from './entities.js';
import type { FigureKind } from './amounts.js';
import { entryOf } from '../text/wording.js';

const IRREGULAR: Record<string, string> = {
  put: 'put', spent: 'spend', got: 'get', won: 'win', made: 'make', paid: 'pay', lent: 'lend', brought: 'bring', set: 'set',
  // Regular verbs whose base form ends in "e", which stripping "-d"/"-ed" alone gets wrong.
  pledged: 'pledge', announced: 'announce', promised: 'promise', raised: 'raise', received: 'receive', allocated: 'allocate',
  provided: 'provide', contributed: 'contribute', secured: 'secure', mobilised: 'mobilise', mobilized: 'mobilize', valued: 'value',
  pledges: 'pledge', announces: 'announce', promises: 'promise', raises: 'raise', receives: 'receive', provides: 'provide',
  contributes: 'contribute', mobilises: 'mobilise', mobilizes: 'mobilize', supplies: 'supply', pays: 'pay',
};
const STOP = new Set('what when the a an of for to in on by at from with and or that which who is was were will would be been its their this these those how much many number share period date amount it they he she as into over'.split(' '));

/** The base form of a verb as written ("pledged" -> "pledge", "gets" -> "get"). */
export function baseVerb(verb: string): string {
  const v = verb.toLowerCase();
  const irregular = entryOf(IRREGULAR, v);
  if (irregular) return irregular;
  if (/ied$/.test(v)) return v.replace(/ied$/, 'y');
  if (/([^aeiou])\1ed$/.test(v)) return v.slice(0, -3);
  if (/(?:ss|sh|ch|x|z)es$/.test(v)) return v.slice(0, -2);
  if (/[aeiou][^aeiouwy]ed$/.test(v) && !/(?:eed|ied)$/.test(v)) return v.slice(0, -1);
  if (/ed$/.test(v)) return /(?:at|iz|is|bl|us|ng|ct|rv|ag)ed$/.test(v) && !/ted$/.test(v) ? v.slice(0, -1) : v.slice(0, -2);
  if (/[^s]s$/.test(v)) return v.slice(0, -1);
  return v;
}

const TAKES_THE = /\b(?:Alliance|Fund|Forum|Summit|Council|Commission|Union|Secretariat|Programme|Program|Initiative|Project|Declaration|Agreement|Centre|Center|Grid|Network|Institute|Group|Ministry|Agency|Committee|Bank|Conference|Partnership|Coalition|Association|Foundation|Authority|Board|Office|Service|Plan|Strategy|Pact|Treaty)\b/;

function withThe(d: EntityDraft): string {
  return d.kind !== 'person' && TAKES_THE.test(d.name) && !/^the\b/i.test(d.name) ? `the ${d.name}` : d.name;
}

/** A question a money figure's description answers, when it is "what X (will) VERB ...". */
function moneyQuestion(what: string): string | undefined {
  const m = /^what (.+?) ((?:will|would|can|could|should|shall|must) (?:be able to )?)?(spend|spends|spent|pledged?|pledges|promised?|promises|put|puts|invest(?:s|ed)?|mobili[sz]e[sd]?|raised?|raises|receives?|received|gets?|got|allocated?|committed|commits?|provides?|provided|contributes?|contributed|replenish|earmarked|wins?|secured?|brings?|supply|supplies|costs?|pays?|paid|offered|offers?|granted|funds?|funded|announced?|announces|unveiled|adds?|added|backed)\b(.*)$/i.exec(what);
  if (!m) return undefined;
  const [, written, aux, verb, rest] = m;
  if (/^(?:was|were|is)\b/i.test(written!) || /^(?:we|i|you|they|it|he|she)\b/i.test(written!)) return undefined;
  const subject = written!.replace(/^(?:our|their|its|my|your)\s+/i, 'the ');
  const tail = rest!.trim() ? ` ${rest!.trim()}` : '';
  if (aux) {
    const [modal, ...restAux] = aux.trim().split(' ');
    return `How much ${modal} ${subject} ${[...restAux, baseVerb(verb!)].join(' ')}${tail}?`;
  }
  const past = /(?:ed|put|spent|got|paid)$/i.test(verb!) && !/^(?:put|puts)$/i.test(verb!) || /^put$/i.test(verb!);
  const third = /[^s]s$/i.test(verb!) && !past;
  return `How much ${past ? 'did' : third ? 'does' : 'do'} ${subject} ${baseVerb(verb!)}${tail}?`;
}

export function entityQuestions(d: EntityDraft, id: string, figuresBySubject: ReadonlyMap<string, LoadedFigure[]>): string[] {
  const out: string[] = [];
  if (d.description || d.definitions.length) out.push(d.kind === 'person' ? `Who is ${d.name}?` : `What is ${withThe(d)}?`);
  for (const f of figuresBySubject.get(id) ?? []) {
    if (out.length >= 2) break;
    let q: string | undefined;
    if (f.kind === 'money') q = moneyQuestion(f.what) ?? (/^the (?:budget|size|value|cost|target|total) of /.test(f.what) ? `What is ${f.what}?` : undefined);
    // A question about this entity must name it.
    if (q && ![d.name, ...d.aliases].some((n) => q!.toLowerCase().includes(n.toLowerCase()))) q = undefined;
    if (q && q.length <= 140 && !out.includes(q)) out.push(q);
  }
  return out.map((q) => q.replace(/\s+/g, ' '));
}

/** Content words of a figure's description, for search. */
export function keywordsOf(what: string, kind: FigureKind): string[] {
  const words = what.toLowerCase().match(/[\p{L}][\p{L}\-]+/gu) ?? [];
  const out = new Set<string>();
  for (const w of words) if (!STOP.has(w) && w.length > 2) out.add(w);
  if (kind === 'percent') out.add('percent').add('share');
  if (kind === 'count') out.add('number');
  if (kind === 'duration') out.add('long');
  return [...out].slice(0, 10);
}
