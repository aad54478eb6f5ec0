/**
 * A yes/no question: the asked values (an amount, a currency, a day, a place,
 * who did it, one of two alternatives) are checked against the best evidence
 * about its subject (verify.ts compares them).
 */
import type { Answer } from '../answer.js';
import type { Knowledge, Passage } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { retrieve, type Candidate, type RetrieveOptions } from './retrieve.js';
import { NO_RANKS } from './measure.js';
import { answerAlternative, answerAmountClaim, answerClaim, answerCurrencyClaim, answerWhoGaveClaim, claimWords, type Claim } from './verify.js';
import type { Proposal } from './proposal.js';
import { correctionOf, relatedFigures } from '../compose/sources.js';
import { occasionPassages, SPEAKING, spokenSubjects } from './occasion.js';

/** Share of the passages naming a place from which it is the corpus's setting. */
const SETTING_SHARE = 0.25;
/** Share of a claim's words evidence must hold when the claim names only the corpus's setting. */
const CLAIM_SETTING_COVERAGE = 0.6;
/** Passages about a claim's subject looked at for a value to check it against. */
const CLAIM_EVIDENCE = 5;

/**
 * A yes/no question: the asked values checked against the best evidence
 * about its subject, as proposals (an amount or currency against the
 * subject's figure; who gave a figure; one of two alternatives; the claim
 * against the passages about its subject). Each says in its signals whether
 * the evidence states the asked value, contradicts it, or says nothing of it.
 */
export function claimProposals(q: AnalyzedQuestion, k: Knowledge, claim: Claim, retrieveOptions?: RetrieveOptions): Proposal[] {
  const checked = claimWords(claim);
  // The subject is searched for; the asked values are what the evidence is checked against.
  // (A place put forward as the claim's value is checked, not searched for: "the pitch was in Hull".)
  const claimedPlace = (e: AnalyzedQuestion['entities'][number]) => claim.places.some((pl) => q.text.slice(e.start, e.end).toLowerCase().startsWith(pl));
  const subjectEntities = q.entities.filter((e) => !claim.people.includes(e.entity.id) && !claimedPlace(e));
  const subject: AnalyzedQuestion = {
    ...q,
    type: 'what',
    amounts: [],
    entities: subjectEntities.length ? subjectEntities : q.entities,
    terms: q.terms.filter((t) => !checked.has(t.word.toLowerCase()) && !/^\d/.test(t.stem) && !(t.inEntity && claim.people.length && subjectEntities.length && !subjectEntities.some((e) => q.text.slice(e.start, e.end).toLowerCase().includes(t.word.toLowerCase())))),
  };
  const found = retrieve(subject, k, retrieveOptions);
  const out: Proposal[] = [];
  const made = (answer: Answer, evidence: Candidate | undefined, signals: Proposal['signals'], ref: string): Proposal => ({
    kind: 'claim',
    evidence,
    signals: { ...signals, ...verdictOf(answer) },
    ref,
    text: answer.answer,
    compose: (confidence) => ({ ...answer, confidence }),
  });
  // "So vdl announced the $112bn package?": a figure of the very amount says what the claim is about; who gave it
  // is then checked, when the question names someone that figure is not about. (A corrected figure is no subject.)
  const sameAmount = claim.amounts.length
    ? k.figures.find((f) => f.figure.kind === 'money' && !correctionOf(f, k) && f.figure.amount !== undefined && claim.amounts.some((a) => Math.abs(a.value - f.figure.amount!) <= 0.01 * a.value))
    : undefined;
  const actorsAsked = q.entities.filter((e) => !e.adjective && ['person', 'organisation'].includes(k.matcher.get(e.entity.id)?.kind ?? ''));
  if (sameAmount && actorsAsked.length && actorsAsked.every((e) => !sameAmount.entities.has(e.entity.id))) {
    out.push(made(answerWhoGaveClaim(q, sameAmount, k), found.find((c) => c.figure === sameAmount), { claim_figure: 1 }, `claim: who gave ${sameAmount.figure.id}`));
  }
  // An amount or a currency is checked against the subject's figure, as corrected where a correction replaced it.
  const figure = claim.amounts.length || claim.currencies.length ? found.find((c) => c.kind === 'figure' && c.figure!.figure.kind === 'money' && c.entityFit >= 0.5 && c.namesHeld) : undefined;
  if (figure) {
    const answer = claim.amounts.length ? answerAmountClaim(claim, relatedFigures(figure.figure!, k), k, 0.8) : answerCurrencyClaim(claim, relatedFigures(figure.figure!, k), k, 0.8);
    out.push(made(answer, figure, { claim_figure: 1 }, `claim against figure ${figure.figure!.figure.id}`));
  }
  // "Is it closed or collaborative?": the alternative the evidence states.
  const alternative = answerAlternative(q, found, k);
  if (alternative) out.push(made(alternative, found.find((c) => c.passage && alternative.quotes[0]?.source.start === c.passage.sentence.start), { claim_alternative: 1 }, 'claim: the alternative stated'));
  // "…adoption in Europe", "Europe already has…": a place the corpus names throughout is its setting, and
  // a claim about it is about the rest of its words; evidence need not name the place again.
  const setting = new Set(q.entities.filter((e) => k.matcher.get(e.entity.id)?.kind === 'place' && k.frequency(e.entity.id) >= SETTING_SHARE * k.passages.length).map((e) => e.entity.id));
  const onlySetting = setting.size > 0 && setting.size === new Set(q.entities.map((e) => e.entity.id)).size;
  const aboutSubject = (c: Candidate) => c.entityFit >= 0.5 || (onlySetting && c.wordCoverage >= CLAIM_SETTING_COVERAGE);
  const candidates = found.filter((c) => c.kind === 'sentence' && aboutSubject(c));
  // Evidence naming more of the subject first ("the UK" and "the declaration" over "the declaration" alone).
  // (Scoped only to the setting, the claim's own words tell its evidence.)
  const fit = (c: Candidate) => (onlySetting ? c.wordCoverage : c.entityFit);
  // "Does she think…": what a person says is her view; quoted words go before unattributed ones.
  const asksAPerson = /\b(?:she|he)\b/i.test(q.text);
  const spoken = (c: Candidate) => (asksAPerson && c.passage?.speaker ? 1 : 0);
  // "Was the bridge speech on Tuesday / in Leeds?": where the document says the speaker spoke goes first.
  const occasions = claim.days.length || claim.months.length || claim.places.length ? occasionEvidence(q, k, found, (p) => (claim.places.length ? p.places.size > 0 : p.hasTime)) : [];
  // (A place is checked against what most of the evidence says, so more of it is read.)
  const wanted = claim.places.length ? CLAIM_EVIDENCE * 3 : CLAIM_EVIDENCE;
  const evidence = [...occasions, ...candidates.slice(0, wanted * 2).sort((a, b) => fit(b) - fit(a) || spoken(b) - spoken(a))].slice(0, wanted);
  if (evidence.length) {
    const unverifiable = q.unknown.filter((u) => checked.has(u.toLowerCase()));
    const answer = answerClaim(q, claim, evidence, k, 0.8, unverifiable, [...new Set(subject.entities.filter((e) => !e.adjective).map((e) => e.entity.id))]);
    if (answer.answered) out.push(made(answer, evidence.find((c) => c.passage && answer.quotes[0]?.source.start === c.passage.sentence.start && answer.quotes[0]?.source.documentId === c.passage.doc.id) ?? evidence[0], {}, `claim against ¶${evidence.map((c) => c.passage!.sentence.paragraph).join(', ¶')}`));
  }
  return out;
}

/** What a claim answer's lead says of the claim: Yes / No / the sources don't say so. */
function verdictOf(answer: Answer): Proposal['signals'] {
  if (/^(?:yes|in\b)/i.test(answer.answer)) return { claim_yes: 1 };
  if (/^no\b/i.test(answer.answer)) return { claim_no: 1 };
  return { claim_unsaid: 1 };
}

/** "Her bridge pitch": asking the occasion of words the sources attribute, the word for the speaking is no missing subject. */
export function occasionWord(q: AnalyzedQuestion, k: Knowledge, word: string): boolean {
  return SPEAKING.test(word) && spokenSubjects(q, k).size > 0;
}

/** Candidates of the passages introducing a speaking the claim is about (occasion.ts), as judged in the search for its subject. */
function occasionEvidence(q: AnalyzedQuestion, k: Knowledge, found: Candidate[], wanted: (p: Passage) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const s of spokenSubjects(q, k).values()) {
    for (const p of occasionPassages(k, s, wanted).slice(0, 1)) {
      if (!out.some((c) => c.passage === p)) out.push(found.find((c) => c.passage === p) ?? passageCandidate(p));
    }
  }
  return out;
}

/** A passage as a candidate that no search found: evidence brought in for what it is, not for its words. */
function passageCandidate(passage: Passage): Candidate {
  return { kind: 'sentence', passage, searchScore: 0, coverage: 0, entityFit: 0, wordCoverage: 0, typeFit: true, namesHeld: true, everySubject: true, score: 0, fused: 0, ranks: NO_RANKS, pool: 0, reasons: [] };
}
