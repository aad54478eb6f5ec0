/**
 * Yes/no questions and claims put up for checking ("is the French package
 * 500 billion?", "was the summit in Brussels?", "X was announced on Monday,
 * right?"): the asked values (amount, day, month, place, person) are compared
 * with what the best evidence about the subject says. "No" comes with the
 * contradicting quote and the value the sources give; "Yes" only when the
 * evidence states the asked value; otherwise the answer says the sources
 * don't say so, and shows what they do say.
 */
import type { Answer } from '../answer.js';
import { findAmounts, formatAmount, type Amount } from '../text/quantities.js';
import * as compose from '../compose/compose.js';
import { answerWithSources, type Related } from '../compose/sources.js';
import { passageAt, stemsOf, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { ALTERNATIVES, type AnalyzedQuestion } from '../understand/question.js';
import type { Candidate } from './retrieve.js';
import { capitalise, escapeRegExp, joinWords, WEEKDAY_NAME, weekdayOf } from '../text/wording.js';

const MONTHS = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY_RE = new RegExp(WEEKDAY_NAME.source, 'gi');
const MONTH_RE = new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'gi');
/** "was it in Brussels", "held at Davos": a place the question puts forward (not "adoption in Europe", a scope). */
const PLACE_AFTER = /\b(?:is|was|were|are|be|been|held|based|located|hosted|happen(?:ed|ing)?|take place|took place|it|summit|speech|pitch|event|meeting|conference)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:in|at)\s+([\p{L}][\p{L}'’-]+)/giu;
const CURRENCY_OF: Record<string, string> = { euro: 'EUR', '€': 'EUR', dollar: 'USD', $: 'USD', pound: 'GBP', '£': 'GBP' };
const CURRENCY_NAME: Record<string, string> = { EUR: 'euros', USD: 'dollars', GBP: 'pounds' };
const CLEFT_PERSON = /^(?:is|was|were|are)\s+(?:it|that|this)\b/i;

export interface Claim {
  amounts: Amount[];
  days: string[];
  months: string[];
  /** Words the question puts forward as a place ("brussels"). */
  places: string[];
  /** People the question names as the one who did it. */
  people: string[];
  /** Currencies the question puts forward ("in euros or dollars?"). */
  currencies: string[];
}

/** What a yes/no question asserts, slot by slot. */
export function claimOf(q: AnalyzedQuestion, k: Knowledge): Claim {
  const text = q.text;
  const places: string[] = [];
  for (const m of text.matchAll(PLACE_AFTER)) {
    const word = m[1]!.toLowerCase();
    const entity = q.entities.find((e) => text.slice(e.start, e.end).toLowerCase().startsWith(word));
    if (entity ? entity.entity.kind === 'place' && !entity.adjective : q.terms.some((t) => t.word.toLowerCase() === word && !t.known)) places.push(word);
  }
  return {
    amounts: q.amounts.length ? q.amounts : findAmounts(text).filter((a) => a.value >= 1000),
    days: [...new Set((text.match(DAY_RE) ?? []).map((d) => d.toLowerCase()))],
    months: [...new Set((text.match(MONTH_RE) ?? []).map((d) => d.toLowerCase()))],
    places,
    // A person is a claimed value ("was it the mayor who…", "did the council announce the warehouse?") when the
    // question also names the thing done; otherwise the person is its subject.
    currencies: [...new Set((text.match(/\b(?:euros?|dollars?|pounds?)\b|[€$£]/gi) ?? []).map((c) => CURRENCY_OF[c.toLowerCase().replace(/s$/, '')]!).filter(Boolean))].filter(() => !q.amounts.length),
    people: q.entities.some((e) => ['programme', 'organisation'].includes(k.matcher.get(e.entity.id)?.kind ?? '')) || CLEFT_PERSON.test(text)
      ? [...new Set(q.entities.filter((e) => k.matcher.get(e.entity.id)?.kind === 'person').map((e) => e.entity.id))]
      : [],
  };
}

/** Words of the question that state the claim's values: they are checked, not searched for. */
export function claimWords(c: Claim): Set<string> {
  return new Set([...c.days, ...c.months, ...c.places]);
}

export type Verdict = { verdict: 'yes' | 'no' | 'unsaid'; because?: string };

/** The names of the places a passage gives, the one it puts the event in ("at the forum in Lisbon") before one it merely mentions ("the region"). */
function placesStated(p: Passage, k: Knowledge): string[] {
  const named = (n: string) => (new RegExp(`\\b(?:in|at|near)\\s+(?:the\\s+)?${escapeRegExp(n)}\\b`, 'i').test(p.sentence.text) ? 0 : 1);
  return [...p.places].map((id) => k.matcher.get(id)?.name).filter((n): n is string => !!n).sort((a, b) => named(a) - named(b));
}

/** Compares a claim with one passage about its subject. */
export function judgeClaim(c: Claim, p: Passage, k: Knowledge, q: AnalyzedQuestion, subjects: readonly string[] = []): Verdict {
  const text = p.sentence.text;
  if (c.amounts.length) {
    const given = p.money.length ? p.money : findAmounts(text).filter((a) => a.value >= 1000);
    if (given.length) {
      const same = c.amounts.some((a) => given.some((g) => Math.abs(g.value - a.value) <= 0.01 * a.value));
      if (!same) {
        const shown = text.slice(given[0]!.start, given[0]!.end).trim();
        return { verdict: 'no', because: `the sources give ${shown}, not ${formatAmount(c.amounts[0]!.value, c.amounts[0]!.currency)}` };
      }
    }
  }
  for (const [asked, re, what] of [[c.days, DAY_RE, 'day'], [c.months, MONTH_RE, 'month']] as const) {
    if (!asked.length) continue;
    const given = [...new Set((text.match(re) ?? []).map((d) => d.toLowerCase()))];
    if (given.length && !given.some((d) => asked.includes(d))) return { verdict: 'no', because: `the sources say ${capitalise(given[0]!)}, not ${capitalise(asked[0]!)}` };
    if (given.length) return { verdict: 'yes' };
    void what;
  }
  if (c.places.length) {
    const given = placesStated(p, k);
    if (given.length && !given.some((n) => c.places.some((pl) => n.toLowerCase().includes(pl)))) return { verdict: 'no', because: `the sources say ${given[0]}, not ${capitalise(c.places[0]!)}` };
    if (given.length) return { verdict: 'yes' };
  }
  // Who did it is only read off a sentence that names what was done to.
  if (c.people.length && subjects.every((id) => p.entities.has(id))) {
    const actors = [p.speaker, ...[...p.entities].filter((id) => k.matcher.get(id)?.kind === 'person')].filter((id): id is string => !!id);
    if (actors.length && !actors.some((id) => c.people.includes(id))) return { verdict: 'no', because: `according to the sources it was ${k.matcher.get(actors[0]!)?.name ?? actors[0]}` };
    if (actors.some((id) => c.people.includes(id))) return { verdict: 'yes' };
  }
  // A nationality or place the question ties to its subject ("a European project") against another in the sentence ("US-based").
  const askedPlaces = q.entities.filter((e) => e.adjective && ['place', 'organisation', 'group'].includes(e.entity.kind) && !p.entities.has(e.entity.id));
  const otherPlaces = [...p.entities].filter((id) => k.matcher.get(id)?.kind === 'place' && !q.entities.some((e) => e.entity.id === id));
  if (askedPlaces.length && otherPlaces.length) return { verdict: 'no', because: `the sources tie it to ${k.matcher.get(otherPlaces[0]!)?.name}, not ${askedPlaces[0]!.entity.name}` };
  return { verdict: 'unsaid' };
}

/** The answer to a yes/no question from its best evidence (already chosen as about its subject). */
export function answerClaim(q: AnalyzedQuestion, claim: Claim, evidence: Candidate[], k: Knowledge, confidence: number, unverifiable: string[] = [], subjects: readonly string[] = []): Answer {
  const dated = checkAgainstDate(claim, subjects, k);
  if (dated) return dated;
  const passages = evidence.map((c) => c.passage).filter((p): p is Passage => !!p);
  // "Open or closed?", "Paris or London?": the evidence that states one of the two answers with it.
  const offered = ALTERNATIVES.exec(q.text);
  if (offered && passages[0]) {
    const p = passages[0];
    const stated = [offered[1]!, offered[2]!].filter((w) => new RegExp(`\\b${escapeRegExp(w)}`, 'i').test(p.sentence.text));
    if (stated.length === 1) return compose.answerFromPassagesWithLead(`${capitalise(stated[0]!.toLowerCase())}, according to the source: ${compose.clip(p.sentence.text, 200)}`, [p], k, q, confidence);
  }
  // Evidence that states a value of the asked kind (an amount, a day, a place) is checked first.
  const states = (p: Passage) =>
    (claim.amounts.length > 0 && p.money.length > 0) || ((claim.days.length > 0 || claim.months.length > 0) && p.hasTime) || (claim.places.length > 0 && p.places.size > 0);
  // (Of evidence giving different places, the place most of it gives goes first: "the forum was in Lisbon"
  // over a line that it "will meet again in Accra".)
  const votes = new Map<string, number>();
  if (claim.places.length) for (const p of passages) for (const n of placesStated(p, k).slice(0, 1)) votes.set(n, (votes.get(n) ?? 0) + 1);
  const support = (p: Passage) => votes.get(placesStated(p, k)[0] ?? '') ?? 0;
  const ordered = [...passages.filter(states).sort((a, b) => support(b) - support(a)), ...passages.filter((p) => !states(p))];
  for (const p of ordered) {
    const v = judgeClaim(claim, p, k, q, subjects);
    if (v.verdict === 'no') return compose.answerFromPassagesWithLead(`No: ${v.because}.`, [p, ...passages.filter((x) => x !== p)].slice(0, 2), k, q, confidence);
    if (v.verdict === 'yes') {
      // "In Paris or London?" is not answered "Yes": the alternative the sentence states is.
      const m = ALTERNATIVES.exec(q.text);
      const stated = m ? [m[1]!, m[2]!].find((w) => new RegExp(`\\b${escapeRegExp(w)}\\b`, 'i').test(p.sentence.text)) : undefined;
      return compose.answerFromPassagesWithLead(`${stated ? capitalise(stated.toLowerCase()) : 'Yes'}, according to the source: ${compose.clip(p.sentence.text, 200)}`, [p], k, q, confidence);
    }
  }
  // "Will one be built in Germany?": the sources never name the asked place, so they cannot say.
  if (unverifiable.length) return compose.notFound(`The sources don't mention ${joinWords(unverifiable, 'or')}.`, []);
  // Nothing to compare: the closest evidence is shown, and the verdict left to the reader.
  const top = passages[0]!;
  const lead = `The sources don't say so in those words. What they say: ${compose.clip(top.sentence.text, 200)}`;
  return compose.answerFromPassagesWithLead(lead, passages.slice(0, 2), k, q, confidence * 0.6);
}

/**
 * "X was announced on Monday": a dated figure about the subject tells the
 * weekday and month of the day it gives, so the claim can be checked even
 * where no sentence names the day.
 */
function checkAgainstDate(c: Claim, subjects: readonly string[], k: Knowledge): Answer | undefined {
  if ((!c.days.length && !c.months.length) || !subjects.length) return undefined;
  const entry = k.figures.find((f) => f.figure.kind === 'date' && /^\d{4}-\d\d-\d\d$/.test(f.figure.when ?? '') && subjects.every((id) => f.entities.has(id)));
  if (!entry) return undefined;
  const date = new Date(`${entry.figure.when}T12:00:00Z`);
  const weekday = weekdayOf(entry.figure.when!);
  const month = date.toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  const dayOk = !c.days.length || c.days.includes(weekday.toLowerCase());
  const monthOk = !c.months.length || c.months.includes(month.toLowerCase());
  const asked = c.days.length ? capitalise(c.days[0]!) : capitalise(c.months[0]!);
  const text = dayOk && monthOk
    ? `Yes: ${entry.figure.display}, ${entry.figure.what.replace(/\.$/, '')}, was a ${weekday}.`
    : `No: the sources give ${entry.figure.display} (${entry.figure.what.replace(/\.$/, '')}), a ${weekday}, not ${asked}.`;
  const answer = compose.answerFromFigure(entry, k, 0.85);
  return { ...answer, answer: text };
}

/** "Is X €12 billion?" against X's figure: its value as corrected, and what the other sources say. */
export function answerAmountClaim(c: Claim, r: Related, k: Knowledge, confidence: number): Answer {
  const lead = r.lead.figure;
  const asked = c.amounts[0]!;
  const same = lead.amount !== undefined && Math.abs(lead.amount - asked.value) <= 0.01 * asked.value && (!asked.currency || !lead.currency || asked.currency === lead.currency);
  const base = answerWithSources(r.lead, k, confidence);
  const askedText = formatAmount(asked.value, asked.currency);
  const earlier = r.corrected && r.corrected.figure.amount !== undefined && Math.abs(r.corrected.figure.amount - asked.value) <= 0.01 * asked.value ? ` ${askedText} was an earlier figure, since corrected.` : '';
  const text = same
    ? `Yes: ${lead.display}, ${lead.what.replace(/\.$/, '')}.`
    : `No: the sources give ${lead.display} (${lead.what.replace(/\.$/, '')}), not ${askedText}.${earlier}`;
  return { ...base, answer: `${text}${base.answer.includes('The sources differ') ? ` ${base.answer.slice(base.answer.indexOf('The sources differ'))}` : ''}` };
}

/** "Was it in euros or dollars?": the currency the subject's figure is given in. */
export function answerCurrencyClaim(c: Claim, r: Related, k: Knowledge, confidence: number): Answer {
  const lead = r.lead.figure;
  const base = answerWithSources(r.lead, k, confidence);
  const given = lead.currency ? CURRENCY_NAME[lead.currency] ?? lead.currency : undefined;
  if (!given) return base;
  const verdict = c.currencies.length > 1 ? `In ${given}` : c.currencies.includes(lead.currency!) ? `Yes, in ${given}` : `No, in ${given}`;
  return { ...base, answer: `${verdict}: the sources give ${lead.display} (${lead.what.replace(/\.$/, '')}).` };
}

/** "So X announced the $112bn package?": who the sources say gave the figure of that amount. */
export function answerWhoGaveClaim(q: AnalyzedQuestion, entry: FigureEntry, k: Knowledge): Answer {
  const base = answerWithSources(entry, k, 0.8);
  const asked = q.entities.filter((e) => !e.adjective && ['person', 'organisation'].includes(k.matcher.get(e.entity.id)?.kind ?? '')).map((e) => e.entity.id);
  const holder = passageAt(k, entry.doc, entry.figure.at.start);
  const actors = [entry.figure.who, holder?.speaker, ...[...(holder?.entities ?? [])].filter((id) => k.matcher.get(id)?.kind === 'person')].filter((id): id is string => !!id);
  const what = `${entry.figure.display} (${entry.figure.what.replace(/\.$/, '')})`;
  if (!actors.length) return { ...base, answer: `The sources don't say who gave ${what}.` };
  const name = (id: string) => k.matcher.get(id)?.name ?? id;
  if (actors.some((id) => asked.includes(id))) return { ...base, answer: `Yes: ${what}, according to the sources from ${name(actors.find((id) => asked.includes(id))!)}.` };
  // What the one asked about did give, when the sources say.
  const own = k.figures.find((f) => f !== entry && f.figure.kind === 'money' && asked.some((id) => f.entities.has(id) || f.figure.who === id));
  const text = own
    ? `No: the sources give ${own.figure.display} for ${name(asked.find((id) => own.entities.has(id) || own.figure.who === id)!)} (${own.figure.what.replace(/\.$/, '')}); ${what} came from ${name(actors[0]!)}.`
    : `No: ${what} came from ${name(actors[0]!)}, not ${asked.map(name).join(' or ')}.`;
  return { ...base, answer: text, quotes: own ? compose.dedupeQuotes([compose.figureQuote(own, k), ...base.quotes]) : base.quotes };
}

/** The best passage for an alternative must hold this share (by weight) of the question's other words. */
const MIN_ALTERNATIVE_FIT = 0.3;

/**
 * "Is the approach closed or collaborative?": the alternative the evidence
 * about the rest of the question states. Of the passages found, those
 * holding each alternative (or a stand-in for it) are weighed by how much of
 * the question's other words they hold; the alternative whose passage holds
 * clearly more answers, with that passage.
 */
export function answerAlternative(q: AnalyzedQuestion, found: Candidate[], k: Knowledge): Answer | undefined {
  const m = ALTERNATIVES.exec(q.text);
  if (!m) return undefined;
  const alternatives = [m[1]!, m[2]!].map((word) => ({ word, term: q.terms.find((t) => t.word.toLowerCase() === word.toLowerCase()) }));
  // An alternative the corpus never uses is simply not found; both unknown, there is nothing to weigh.
  if (alternatives.some((a) => !a.term) || alternatives.every((a) => !a.term!.known)) return undefined;
  const altStems = new Set(alternatives.map((a) => a.term!.stem));
  const others = q.terms.filter((t) => t.known && !altStems.has(t.stem) && !k.lexicon.isFrame(t.stem));
  const total = others.reduce((n, t) => n + k.weight(t.stem), 0);
  if (total === 0) return undefined;
  const best = alternatives.map(({ word, term }) => {
    const wanted = new Set(term!.known ? [term!.stem, ...k.lexicon.expand(term!.stem)] : []);
    let top: { passage: Passage; fit: number } | undefined;
    for (const c of found) {
      if (!c.passage) continue;
      const stems = stemsOf(c.passage);
      if (![...wanted].some((s) => stems.has(s))) continue;
      const fit = others.reduce((n, t) => n + (stems.has(t.stem) || c.passage!.entities.has(t.stem) ? k.weight(t.stem) : 0), 0) / total + (c.entityFit >= 0.5 ? 0.1 : 0);
      if (!top || fit > top.fit) top = { passage: c.passage, fit };
    }
    return { word, top };
  });
  const [winner, loser] = best.sort((x, y) => (y.top?.fit ?? -1) - (x.top?.fit ?? -1)) as [(typeof best)[number], (typeof best)[number]];
  if (!winner.top || winner.top.fit < MIN_ALTERNATIVE_FIT || (loser.top && loser.top.fit >= winner.top.fit)) return undefined;
  return compose.answerFromPassagesWithLead(`${capitalise(winner.word.toLowerCase())}, according to the source: ${compose.clip(winner.top.passage.sentence.text, 200)}`, [winner.top.passage], k, q, 0.7);
}
