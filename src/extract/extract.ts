/**
 * Figures and entities from documents nobody curated, in the shapes of
 * figures.yaml and entities.yaml records, computed at index time. Every pass
 * walks the documents once; nothing compares a sentence with the whole corpus.
 */
import type { CorpusDocument } from '../corpus/document.js';
import { slug } from '../corpus/document.js';
import type { LoadedEntity, LoadedFigure, Located } from '../corpus/types.js';
import type { Sentence } from '../text/segment.js';
import { findFigures, type FigureKind, type FoundAmount } from './amounts.js';
import { speakerInSentence, speakerLabel } from './attribution.js';
import { corpusReference, datelineDate, ownDates, type DocumentDates } from './document-date.js';
import { DATELINE, describeFigure, describeFigureWords } from './describe.js';
import { buildEntities, type EntityDraft, type EntityIndex, type SentenceRecord } from './entities.js';
import { collectLowercaseWords, collectMidSentenceCapitals, findMentions, findRoleMentions, titleCase, type Mention } from './mentions.js';
import { entityQuestions, keywordsOf } from './questions.js';
import { quoteWindow } from './quote.js';
import { extractionSentences } from './units.js';

export interface ExtractOptions {
  /** Kinds of figures to extract. Default: all (money, percent, count, duration, date). */
  kinds?: readonly FigureKind[];
  /** Most figures kept per document, in reading order. Default 20,000: bounds the output of a huge document. */
  maxFiguresPerDocument?: number;
}

/** A correction notice's figure and the earlier figures (in any document) it corrects. */
export interface Correction {
  figure: string;
  replaces: string[];
}

export interface ExtractedKnowledge {
  entities: LoadedEntity[];
  figures: LoadedFigure[];
  corrections: Correction[];
}

const ALL_KINDS: readonly FigureKind[] = ['money', 'percent', 'count', 'duration', 'date'];
const CORRECTION_SENTENCE = /\b(?:earlier|previous|original|incorrect)\s+(?:version|story|report|figure)\b|\bcorrect(?:ed)?\s+(?:figure|amount|number|total)\b|\bshould\s+have\s+(?:said|read)\b/i;
const SUPERSEDED_CLAUSE = /\b(?:earlier|previous|original|incorrect(?:ly)?|wrong(?:ly)?|misstated)\b/i;
const CORRECTED_THING = /\b(?:misstated|misreported|misquoted|got\s+wrong|understated|overstated|incorrectly\s+(?:stated|reported|gave))\s+(the\s+[^.;,]{3,80})/i;
const SAID_BY_PRONOUN = /(?:^|[,”"]\s*)(?:she|he)\s+(?:said|says|told|added|announced|explained|noted)\b|\b(?:said|says|added)\s+(?:she|he)\b/i;
const PRONOUN_START = /^(?:It|Its|This|He|She)\b/;

export function extractKnowledge(documents: CorpusDocument[], options: ExtractOptions = {}): ExtractedKnowledge {
  const kinds = new Set(options.kinds ?? ALL_KINDS);
  const maxPerDoc = options.maxFiguresPerDocument ?? 20_000;

  // Dates each document is anchored to; a document without one borrows the corpus's middle date.
  const dates = new Map<CorpusDocument, DocumentDates>();
  for (const doc of documents) dates.set(doc, ownDates(doc));
  const corpusRef = corpusReference([...dates.values()].map((d) => d.reference));
  for (const doc of documents) {
    const own = dates.get(doc)!;
    if (own.reference) continue;
    const dateline = datelineDate(doc, corpusRef);
    dates.set(doc, { ...ownDates(doc, corpusRef), ...(dateline ? { reference: dateline } : {}) });
  }

  const commonWords = new Set<string>();
  const capsTokens = new Set<string>();
  const midCaps = new Set<string>();
  for (const doc of documents) {
    collectLowercaseWords(doc.body, commonWords);
    collectMidSentenceCapitals(doc.body, midCaps);
    for (const m of doc.body.matchAll(/(?:^|[^\p{L}\p{N}@])(\p{Lu}{2,5})(?![\p{L}\p{N}])/gu)) capsTokens.add(m[1]!);
  }

  const records: SentenceRecord[] = [];
  const byDoc = new Map<CorpusDocument, SentenceRecord[]>();
  for (const doc of documents) {
    const list: SentenceRecord[] = [];
    let prev: Sentence | undefined;
    for (const sentence of extractionSentences(doc)) {
      const sameParagraph = prev?.paragraph === sentence.paragraph;
      // "Dr." cut off from its name by the sentence splitter still makes a title.
      const leadingTitle = sameParagraph ? /\b(Mr|Mrs|Ms|Dr|Prof)\.$/.exec(prev!.text)?.[1] : undefined;
      const mentions = findMentions(sentence.text, sentence.start, commonWords, leadingTitle, midCaps);
      const roles = findRoleMentions(sentence.text, sentence.start);
      if (roles.length) {
        mentions.push(...roles);
        mentions.sort((a, b) => a.start - b.start);
      }
      const rec: SentenceRecord = { doc, sentence, mentions, paragraphStart: sentence.indexInParagraph === 0 };
      records.push(rec);
      list.push(rec);
      prev = sentence;
    }
    byDoc.set(doc, list);
  }

  const index = buildEntities(records, capsTokens);
  const ids = assignIds(index.drafts);

  const figures: LoadedFigure[] = [];
  const corrections: { figure: LoadedFigure; superseded: LoadedFigure[] }[] = [];
  const usedFigureIds = new Set<string>();
  const correctionOf = new Map<LoadedFigure, 'corrected' | 'superseded'>();
  for (const doc of documents) {
    const ctx = { reference: dates.get(doc)!.reference, order: dates.get(doc)!.order, corpusReference: corpusRef };
    const recs = byDoc.get(doc)!;
    const signed = signatures(recs, index, ids);
    let kept = 0;
    let antecedent: { name: string; id: string } | undefined;
    let person: { name: string; id: string } | undefined;
    let paragraphSpeaker: string | undefined;
    let paragraphAttribution: Map<number, string | undefined> | undefined;
    for (let i = 0; i < recs.length && kept < maxPerDoc; i++) {
      const rec = recs[i]!;
      const { sentence } = rec;
      const resolved = rec.mentions.map((m) => ({ mention: m, draft: index.resolve(m) })).filter((r): r is { mention: Mention; draft: EntityDraft } => !!r.draft);
      if (rec.paragraphStart) {
        const paragraph = doc.paragraphs[sentence.paragraph - 1];
        const label = paragraph ? speakerLabel(doc.body.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 80))) : undefined;
        const who = label ? (index.lookup(label) ?? index.lookup(titleCase(label))) : undefined;
        paragraphSpeaker = who ? ids.get(who) : undefined;
        paragraphAttribution = undefined;
        // A thing is taken up again within its paragraph; a person ("she said") often in the next ones too.
        antecedent = undefined;
      }
      // A question asserts nothing ("What would failure look like in three years?"); the statement before it does.
      const asks = /\?["”]?$/.test(sentence.text) ? questionStart(sentence.text) : sentence.text.length;
      const found = findFigures(sentence.text, ctx).filter((f) => kinds.has(f.kind) && f.end <= asks);
      if (found.length) {
        paragraphAttribution ??= attributionsOf(recs, i, index, ids, person?.id);
        const speakers = resolved.filter((r) => r.draft.kind !== 'place').map((r) => ({ mention: r.mention, id: ids.get(r.draft)! }));
        const correction = CORRECTION_SENTENCE.test(sentence.text) ? correctionContext(recs, i, index, ids) : undefined;
        // "..., she said": the person last named.
        const saidByPronoun = SAID_BY_PRONOUN.test(sentence.text);
        const local: LoadedFigure[] = [];
        let moneyWhat: string | undefined;
        let lastMoney: { end: number; what: string } | undefined;
        // Money first: its description also tells what a period in the same sentence is the period of.
        const ordered = [...found.filter((f) => f.kind === 'money'), ...found.filter((f) => f.kind !== 'money')];
        for (const f of ordered) {
          const who = speakerInSentence(sentence.text, sentence.start, speakers, f.start) ?? (saidByPronoun && person ? person.id : undefined) ?? paragraphSpeaker ?? paragraphAttribution.get(sentence.paragraph) ?? signed.get(sentence.paragraph);
          const personal = /^(?:He|She|His|Her)\b/.test(sentence.text.replace(/^[\s*"“]+/, ''));
          const figure = buildFigure(doc, sentence, f, found, resolved, { who, antecedent: personal ? person : antecedent, correction, ids, usedFigureIds, moneyWhat, correctionOf });
          // "109 billion euros ($112.5 billion)": the amount in brackets is the same money in another currency.
          if (figure?.kind === 'money' && lastMoney && /^\s*\(\s*(?:about|around|approx\.|roughly|some)?\s*$/.test(sentence.text.slice(lastMoney.end, f.start))) {
            figure.what = `${lastMoney.what} (the same amount in ${figure.currency})`;
            figure.keywords = [...figure.keywords.filter((w) => w !== 'conversion'), 'conversion'];
          }
          if (figure?.kind === 'money') {
            moneyWhat ??= figure.what;
            lastMoney = { end: f.end, what: figure.what };
          }
          if (!figure) continue;
          local.push(figure);
          figures.push(figure);
          kept++;
        }
        if (correction) {
          const fixed = local.filter((f) => correctionOf.get(f) === 'corrected');
          const old = local.filter((f) => correctionOf.get(f) === 'superseded');
          for (const f of fixed) corrections.push({ figure: f, superseded: old });
        }
      }
      const lead = resolved.find((r) => r.draft.kind !== 'place' && r.draft.kind !== 'person');
      if (lead) antecedent = { name: writtenName(lead.mention, lead.draft), id: ids.get(lead.draft)! };
      const someone = [...resolved].reverse().find((r) => r.draft.kind === 'person');
      if (someone) person = { name: someone.draft.name, id: ids.get(someone.draft)! };
    }
  }

  // Figures by the entity they are mainly about or come from, for the entities' suggested questions.
  const bySubject = new Map<string, LoadedFigure[]>();
  for (const f of figures) {
    for (const id of new Set([f.subjects[0], f.who].filter((x): x is string => !!x))) {
      const list = bySubject.get(id);
      if (list) list.push(f);
      else bySubject.set(id, [f]);
    }
  }
  const entities = index.drafts.map((d) => toEntity(d, ids.get(d)!, bySubject));
  return { entities, figures, corrections: linkCorrections(corrections, figures) };
}

/**
 * An embedded post signed on the line after it ("— Ursula von der Leyen
 * (@vonderleyen) February 11, 2025"): the signer is who says the two
 * paragraphs before the signature.
 */
function signatures(recs: SentenceRecord[], index: EntityIndex, ids: Map<EntityDraft, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const rec of recs) {
    if (!rec.paragraphStart || !/^[—–]\s*\p{Lu}/u.test(rec.sentence.text)) continue;
    const signer = rec.mentions.map((m) => index.resolve(m)).find((d) => d && d.kind !== 'place');
    if (!signer) continue;
    for (let p = rec.sentence.paragraph - 1; p >= Math.max(1, rec.sentence.paragraph - 2); p--) if (!out.has(p)) out.set(p, ids.get(signer)!);
  }
  return out;
}

/** Where the question ending a sentence starts: after its last ":", ";" or dash, else the sentence start. */
function questionStart(text: string): number {
  let at = 0;
  for (const m of text.matchAll(/[:;]\s|\s[—–]\s/g)) at = m.index;
  return at;
}

function assignIds(drafts: EntityDraft[]): Map<EntityDraft, string> {
  const ids = new Map<EntityDraft, string>();
  const used = new Set<string>();
  for (const d of drafts) ids.set(d, uniqueId(slug(d.name).slice(0, 60).replace(/-+$/, '') || 'entity', used));
  return ids;
}

/** `base`, or `base-2`, `base-3`...: the next free number is remembered per base, so repeats cost nothing. */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  let n = (nextSuffix.get(used)?.get(base) ?? 1);
  while (used.has(id)) id = `${base}-${++n}`;
  let bases = nextSuffix.get(used);
  if (!bases) nextSuffix.set(used, (bases = new Map()));
  bases.set(base, n);
  used.add(id);
  return id;
}
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** "the Harbour programme" as the sentence writes it around the mention. */
function writtenName(m: Mention, draft?: EntityDraft): string {
  // "the ACF" reads better in a description as the name it stands for.
  if (m.acronym && draft && draft.name !== m.text) return /\b(?:Alliance|Fund|Forum|Union|Council|Commission|Programme|Agency|Bank|Group)\b/.test(draft.name) ? `the ${draft.name}` : draft.name;
  // A short form ("Acme", "Castellan") reads better as the full name, unless a noun follows it ("the Harbour programme").
  const noun = m.nounAfter && /^(?:programme|program|initiative|project|plan|scheme|fund|alliance|summit|forum)$/.test(m.nounAfter) ? ` ${m.nounAfter}` : '';
  if (draft && !noun && draft.name !== m.text && draft.name.includes(m.text) && draft.kind !== 'place') return draft.name;
  const the = m.before === 'the' || noun ? 'the ' : '';
  return `${the}${m.text}${noun}`;
}

/** Per paragraph, the speaker a quoted paragraph names once ("… ," said X) for its other sentences. */
function attributionsOf(recs: SentenceRecord[], at: number, index: EntityIndex, ids: Map<EntityDraft, string>, lastPerson?: string): Map<number, string | undefined> {
  const paragraph = recs[at]!.sentence.paragraph;
  let from = at;
  while (from > 0 && recs[from - 1]!.sentence.paragraph === paragraph) from--;
  let speaker: string | undefined;
  for (let i = from; i < recs.length && recs[i]!.sentence.paragraph === paragraph; i++) {
    const rec = recs[i]!;
    if (!/[“”"]/.test(rec.sentence.text)) continue;
    const cands = rec.mentions.map((m) => ({ mention: m, draft: index.resolve(m) })).filter((r) => r.draft && (r.draft.kind === 'person' || r.draft.kind === 'organisation'));
    speaker = speakerInSentence(rec.sentence.text, rec.sentence.start, cands.map((c) => ({ mention: c.mention, id: ids.get(c.draft!)! })));
    // “...,” she told delegates: the person named last before the quote.
    if (!speaker && lastPerson && SAID_BY_PRONOUN.test(rec.sentence.text)) speaker = lastPerson;
    if (speaker) break;
  }
  return new Map([[paragraph, speaker]]);
}

interface CorrectionContext {
  thing?: string;
  subject?: string;
}

function correctionContext(recs: SentenceRecord[], at: number, index: EntityIndex, ids: Map<EntityDraft, string>): CorrectionContext {
  for (let i = at; i >= Math.max(0, at - 3); i--) {
    const m = CORRECTED_THING.exec(recs[i]!.sentence.text);
    if (!m) continue;
    const thing = m[1]!.trim();
    const start = recs[i]!.sentence.start + m.index + m[0].length - m[1]!.length;
    const mention = recs[i]!.mentions.find((x) => x.start >= start && x.end <= start + thing.length);
    const draft = mention ? index.resolve(mention) : undefined;
    return { thing, ...(draft ? { subject: ids.get(draft)! } : {}) };
  }
  return {};
}

interface BuildContext {
  who?: string;
  antecedent?: { name: string; id: string };
  correction?: CorrectionContext;
  ids: Map<EntityDraft, string>;
  usedFigureIds: Set<string>;
  moneyWhat?: string;
  correctionOf: Map<LoadedFigure, 'corrected' | 'superseded'>;
}

function buildFigure(doc: CorpusDocument, sentence: Sentence, f: FoundAmount, all: FoundAmount[], resolved: { mention: Mention; draft: EntityDraft }[], ctx: BuildContext): LoadedFigure | undefined {
  const rel = (m: Mention) => m.start - sentence.start;
  const dateline = DATELINE.exec(sentence.text)?.[0].length ?? 0;
  const inBody = resolved.filter((r) => rel(r.mention) >= dateline);
  const before = inBody.filter((r) => rel(r.mention) < f.start && r.draft.kind !== 'place');
  const nearestBefore = before[before.length - 1];
  const firstAfter = inBody.find((r) => rel(r.mention) >= f.end && r.draft.kind !== 'place');
  const pronoun = PRONOUN_START.test(sentence.text.replace(/^[\s*"“]+/, ''));
  const clauseText = sentence.text.slice(0, f.start);
  const superseded = ctx.correction && SUPERSEDED_CLAUSE.test(clauseText.split(/;/).pop()!);
  const correction = ctx.correction?.thing ? (superseded ? 'superseded' : 'corrected') : undefined;
  const context: Parameters<typeof describeFigure>[0] = {
    text: sentence.text,
    figure: f,
    ...(pronoun && ctx.antecedent ? { antecedent: ctx.antecedent.name } : {}),
    ...(nearestBefore ? { subjectBefore: writtenName(nearestBefore.mention, nearestBefore.draft) } : {}),
    ...(firstAfter ? { subjectAfter: writtenName(firstAfter.mention, firstAfter.draft) } : {}),
    ...(ctx.moneyWhat && f.kind === 'duration' ? { moneyWhat: ctx.moneyWhat } : {}),
    ...(correction ? { correction, correctedThing: ctx.correction!.thing } : {}),
  };
  const filed = f.kind === 'date' && f.start < dateline;
  const what = filed ? 'the date the story was filed' : describeFigure(context);
  // Found and matched by the words of its context, even where the answer says the plain default instead.
  const words = filed ? what : describeFigureWords(context);
  // Nearest first, places after everything else: "in Lisbon" is rarely what a figure is about.
  const byDistance = [...inBody].sort((a, b) => Number(a.draft.kind === 'place') - Number(b.draft.kind === 'place') || Math.abs(rel(a.mention) - f.start) - Math.abs(rel(b.mention) - f.start));
  const subjects: string[] = [];
  if (ctx.correction?.subject) subjects.push(ctx.correction.subject);
  if (pronoun && ctx.antecedent) subjects.push(ctx.antecedent.id);
  for (const r of byDistance) {
    const id = ctx.ids.get(r.draft)!;
    if (!subjects.includes(id)) subjects.push(id);
  }
  if (!subjects.length && ctx.antecedent) subjects.push(ctx.antecedent.id);
  const dateNear = f.kind === 'date' ? f : all.filter((x) => x.kind === 'date').sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0];
  const quote = quoteWindow(doc.body, sentence, sentence.start + f.start, sentence.start + f.end);
  if (!quote) return undefined;
  const at: Located = { documentId: doc.id, paragraph: sentence.paragraph, start: quote.start, end: quote.end };
  const kindWord = f.kind === 'money' ? '' : `${f.kind}-`;
  const base = `${subjects[0] ?? doc.id}`.slice(0, 40).replace(/-+$/, '');
  const id = uniqueId(`${base}-${kindWord}${slug(f.display).slice(0, 30)}`.replace(/-+$/, ''), ctx.usedFigureIds);
  const keywords = keywordsOf(words, f.kind);
  if (correction) keywords.push(correction);
  if (f.high !== undefined) keywords.push('range');
  const figure: LoadedFigure = {
    id,
    kind: f.kind,
    what,
    display: f.display,
    ...(f.amount !== undefined ? { amount: f.amount } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    parts: [],
    ...(f.approximate ? { approximate: true } : {}),
    ...(ctx.who ? { who: ctx.who } : {}),
    subjects: subjects.slice(0, 4),
    ...(dateNear?.when ? { when: dateNear.when } : {}),
    keywords,
    document: doc.id,
    quote: doc.body.slice(quote.start, quote.end),
    also: [],
    at,
    alsoAt: [],
  };
  if (correction) ctx.correctionOf.set(figure, correction);
  return figure;
}

/** Earlier figures a correction replaces: same amount and currency as the superseded figure, about the same thing, in other documents. */
function linkCorrections(found: { figure: LoadedFigure; superseded: LoadedFigure[] }[], figures: LoadedFigure[]): Correction[] {
  if (!found.length) return [];
  const byAmount = new Map<string, LoadedFigure[]>();
  for (const f of figures) {
    if (f.amount === undefined) continue;
    const key = `${f.kind}:${f.amount}:${f.currency ?? ''}`;
    const list = byAmount.get(key);
    if (list) list.push(f);
    else byAmount.set(key, [f]);
  }
  return found.map(({ figure, superseded }) => {
    const replaces = new Set<string>(superseded.map((s) => s.id));
    for (const old of superseded) {
      for (const f of byAmount.get(`${old.kind}:${old.amount}:${old.currency ?? ''}`) ?? []) {
        if (f.document !== figure.document && f.subjects.some((s) => figure.subjects.includes(s))) replaces.add(f.id);
      }
    }
    return { figure: figure.id, replaces: [...replaces] };
  });
}

function toEntity(d: EntityDraft, id: string, figures: ReadonlyMap<string, LoadedFigure[]>): LoadedEntity {
  const firstDoc = d.definitions[0]?.doc;
  const defs = firstDoc ? d.definitions.filter((x) => x.doc === firstDoc).slice(0, 2) : [];
  return {
    id,
    name: d.name,
    kind: d.kind,
    aliases: [...d.aliases].filter((a) => a !== d.name),
    ...(d.place ? { place: d.place } : {}),
    adjectives: [...d.adjectives],
    pronouns: [],
    ...(d.description ? { description: d.description } : {}),
    definition: defs.map((x) => x.sentence.text),
    ...(firstDoc && defs.length ? { document: firstDoc.id } : {}),
    questions: entityQuestions(d, id, figures),
    definitionAt: defs.map((x) => ({ documentId: x.doc.id, paragraph: x.sentence.paragraph, start: x.sentence.start, end: x.sentence.end })),
  };
}
