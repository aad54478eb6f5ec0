/**
 * Builds Answers: from figures (amounts, dates, comparisons, sums), from
 * passages, and the honest ones: not found, help, unusable question.
 * Every quote is an exact slice of its document.
 */
import { MAX_QUOTE_CHARS, MAX_QUOTES, type Answer, type Figure, type Quote } from '../answer.js';
import { formatAmount, type Currency } from '../text/quantities.js';
import type { LoadedEntity } from '../corpus/load.js';
import { NAMED_PLACE, passageAt, signatureOf, stemsOf, VENUE, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { quotePassage, quoteSpan, sourceOf } from './quotes.js';
import { wantedNameKinds } from '../understand/names-asked.js';
import { NUMBER_WORDS_SOURCE, readNumber } from '../text/number-words.js';
import { capitalise, longDate, WEEKDAY_NAME, weekdayOf } from '../text/wording.js';

export function figureOf(entry: FigureEntry): Figure {
  const f = entry.figure;
  return {
    id: f.id,
    kind: f.kind,
    what: f.what,
    display: f.display,
    ...(f.amount !== undefined ? { amount: f.amount } : {}),
    ...(f.currency ? { currency: f.currency } : {}),
    ...(f.who ? { who: f.who } : {}),
    ...(f.when ? { when: f.when } : {}),
    source: sourceOf(entry.doc, f.at.start, f.at.end),
  };
}

function figureQuotes(entry: FigureEntry, k: Knowledge): Quote[] {
  // The speaker of the passage that holds the figure's quote, if the document names one.
  const holder = passageAt(k, entry.doc, entry.figure.at.start);
  const speaker = holder?.speaker ? k.matcher.get(holder.speaker)?.name : undefined;
  return [entry.figure.at, ...entry.figure.alsoAt].map((at) => quoteSpan(entry.doc, at.start, at.end, { speaker }));
}

/** The quote of a figure's own sentence. */
export function figureQuote(entry: FigureEntry, k: Knowledge): Quote {
  return figureQuotes(entry, k)[0]!;
}

export function dedupeQuotes(quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const overlaps = out.some((o) => o.source.documentId === q.source.documentId && q.source.start < o.source.end && o.source.start < q.source.end);
    if (!overlaps) out.push(q);
  }
  return out.slice(0, MAX_QUOTES);
}


function base(kind: Answer['kind'], answered: boolean, answer: string, extra: Partial<Answer> = {}): Answer {
  return { answered, answer, quotes: [], figures: [], confidence: 0, kind, suggestions: [], ...extra };
}

/** "€200 billion: what InvestAI aims to mobilise for AI investment in Europe." */
export function answerFromFigure(entry: FigureEntry, k: Knowledge, confidence: number, moreQuotes: Quote[] = []): Answer {
  const f = entry.figure;
  // A full date says its weekday too, unless it already does ("Monday, 10 February").
  const weekday = f.kind === 'date' && /^\d{4}-\d\d-\d\d$/.test(f.when ?? '') && !WEEKDAY_NAME.test(f.display) ? weekdayOf(f.when!) : undefined;
  // "February 11, 2025 (a Tuesday)"; "Today (2 June 2023, a Friday)" when the date is already in brackets.
  const shown = !weekday ? f.display : f.display.endsWith(')') ? `${f.display.slice(0, -1)}, a ${weekday})` : `${f.display} (a ${weekday})`;
  const text = `${capitalise(shown)}: ${f.what}.`;
  return base('answer', true, text, { quotes: dedupeQuotes([...figureQuotes(entry, k), ...moreQuotes]), figures: [figureOf(entry)], confidence });
}

/** What an entity is: its description from the corpus data, its defining sentences (or passages naming it) as evidence. */
export function answerDefinition(entity: LoadedEntity, k: Knowledge, confidence: number, naming: Passage[] = []): Answer {
  const byId = new Map(k.corpus.documents.map((d) => [d.id, d]));
  const defining = entity.definitionAt.map((at) => quoteSpan(byId.get(at.documentId)!, at.start, at.end));
  const quotes = dedupeQuotes(defining.length ? defining : naming.map((p) => quotePassage(p, k.passages, new Set(), p.speaker ? k.matcher.get(p.speaker)?.name : undefined)));
  const summary = entity.description ? `${entity.description.replace(/\.$/, '')}.` : clip(quotes[0]!.text, 200);
  const figures = k.figures.filter((f) => f.figure.subjects[0] === entity.id && f.figure.kind === 'money').slice(0, 1);
  return base('answer', true, `${capitalise(entity.name)}: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`, {
    quotes,
    figures: figures.map(figureOf),
    confidence,
  });
}

/** Two figures side by side; which is larger only when they share a currency. */
export function answerComparison(a: FigureEntry, b: FigureEntry, k: Knowledge, confidence: number): Answer {
  const fa = a.figure;
  const fb = b.figure;
  let verdict = '';
  if (fa.currency && fb.currency && fa.amount !== undefined && fb.amount !== undefined) {
    if (fa.currency === fb.currency) {
      const ratio = Math.max(fa.amount, fb.amount) / Math.min(fa.amount, fb.amount);
      const times = ratio.toFixed(1).replace(/\.0$/, '');
      verdict = ratio === 1 ? ' They are the same size.' : fa.amount > fb.amount ? ` The first is ${times} times the second.` : ` The second is ${times} times the first.`;
    } else {
      verdict = ` They are in different currencies (${fa.currency} and ${fb.currency}), so the sources give no direct comparison.`;
    }
  }
  const text = `${capitalise(fa.display)} (${fa.what}) against ${fb.display} (${fb.what}).${verdict}`;
  const [qa, qb] = [figureQuotes(a, k), figureQuotes(b, k)];
  const quotes = dedupeQuotes([qa[0]!, qb[0]!, ...qa.slice(1), ...qb.slice(1)]);
  return base('answer', true, text, { quotes, figures: [figureOf(a), figureOf(b)], confidence });
}

/** A sum of cited amounts, with its parts shown; refuses to add different currencies. */
export function answerSum(entries: FigureEntry[], k: Knowledge, confidence: number): Answer {
  const figures = entries.map(figureOf);
  const quotes = dedupeQuotes(entries.map((e) => figureQuotes(e, k)[0]!));
  const currencies = [...new Set(entries.map((e) => e.figure.currency))];
  const parts = entries.map((e) => `${e.figure.display} (${e.figure.what})`);
  if (currencies.length !== 1 || currencies[0] === undefined) {
    const text = `These can't be added up directly: ${parts.join(' and ')} are in different currencies (${currencies.filter(Boolean).join(' and ')}), and the sources give no exchange rate.`;
    return base('answer', true, text, { quotes, figures, confidence: confidence * 0.8 });
  }
  const total = entries.reduce((sum, e) => sum + (e.figure.amount ?? 0), 0);
  const approximate = entries.some((e) => e.figure.approximate || /up to|about|around/.test(e.figure.display));
  const stated = k.figures.find((f) => f.figure.parts.length === entries.length && entries.every((e) => f.figure.parts.includes(e.figure.id)));
  const totalText = `${approximate ? 'about ' : ''}${formatAmount(total, currencies[0] as Currency)}`;
  const text = stated
    ? `${capitalise(totalText)}: ${parts.join(' plus ')}, which the source gives as ${stated.figure.display}, ${stated.figure.what}.`
    : `${capitalise(totalText)} in all, adding ${parts.join(' and ')} (a sum of the cited figures, not a figure the sources state).`;
  const allQuotes = stated ? dedupeQuotes([...quotes, figureQuotes(stated, k)[0]!]) : quotes;
  return base('answer', true, text, { quotes: allQuotes, figures: stated ? [...figures, figureOf(stated)] : figures, confidence });
}

/** An answer from retrieved passages, led by the fact the question type asks for. */
export function answerFromPassages(q: AnalyzedQuestion, given: Passage[], k: Knowledge, confidence: number, extraFigures: FigureEntry[] = []): Answer {
  // A post that says when only in its signature line: that line is quoted next.
  const signature = q.type === 'when' && !given[0]!.hasTime ? signatureOf(k, given[0]!) : undefined;
  const passages = signature ? [given[0]!, signature, ...given.slice(1).filter((p) => p !== signature)] : given;
  const focus = new Set(q.terms.map((t) => t.word.toLowerCase().slice(0, 5)));
  // A reason often follows what it explains; "X doesn't need A. It needs B." puts the point second.
  const top0 = passages[0]!;
  const withNext = q.type === 'why' || /\b(?:not|never|no)\b|n['’]t\b/i.test(top0.sentence.text);
  const quotes = dedupeQuotes(passages.map((p, i) => quotePassage(p, k.passages, focus, p.speaker ? k.matcher.get(p.speaker)?.name : undefined, { withNext: withNext && i === 0 })));
  const top = passages[0]!;
  const lead = leadFor(q, top, k);
  return base('answer', true, lead, { quotes, figures: extraFigures.map(figureOf), confidence });
}

/** Words asking who wrote a post. */
const POSTED = /\b(?:post(?:s|ed)?|tweet(?:s|ed)?|wrote|shared)\b/i;

const TIME_PHRASE = /\b(?:(?:on|in|over|by|since|until)\s+)?(?:(?:the\s+)?eve of [^,.]+|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|weeks?|days?)|(?:19|20)\d\d|today|tomorrow|yesterday)\b/;

function leadFor(q: AnalyzedQuestion, p: Passage, k: Knowledge): string {
  // The whole sentence, or for a very long one its clauses that bear on the question: never a cut-off fragment.
  const focus = new Set(q.terms.map((t) => t.word.toLowerCase().slice(0, 5)));
  const sentence = clip(p.sentence.text.length <= MAX_QUOTE_CHARS ? p.sentence.text : quoteSpan(p.doc, p.sentence.start, p.sentence.end, { focus }).text, MAX_QUOTE_CHARS);
  const speaker = p.speaker ? k.matcher.get(p.speaker)?.name : undefined;
  const asked = new Set(q.entities.map((e) => e.entity.id));
  // "What is it called?": the name first, from the sentence or just before it.
  if (/\bname of\b|\bcalled\b/i.test(q.text)) {
    // The sentence's own names, then those of the sentences before it in the paragraph, nearest first.
    const nearby: string[] = [...p.entities];
    for (let i = p.id - 1; i >= 0 && k.passages[i]!.doc === p.doc && k.passages[i]!.sentence.paragraph === p.sentence.paragraph; i--) nearby.push(...k.passages[i]!.entities);
    const kinds = wantedNameKinds(q);
    const named = nearby.map((id) => k.matcher.get(id)).find((e) => e && !asked.has(e.id) && kinds.includes(e.kind));
    if (named) return `${capitalise(named.name)}, according to the source: ${sentence}`;
  }
  switch (q.type) {
    case 'who': {
      // A post's signature line names who posted it; so does a post asked about as one ("who tweeted…").
      if (p.post && speaker && !asked.has(p.speaker!) && (p.signature || POSTED.test(q.text))) return `${speaker}, who signed the post: ${sentence}`;
      const kinds = ['person', 'organisation', 'group', 'programme'];
      // Someone the sentence itself names; the speaker of a quotation is not its answer.
      const ids = [...p.entities].filter((id) => !asked.has(id) && id !== p.speaker && kinds.includes(k.matcher.get(id)?.kind ?? ''));
      const named = ids.map((id) => k.matcher.get(id)!).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind))[0];
      if (named) return `${capitalise(named.name)}, according to the source: ${sentence}`;
      break;
    }
    case 'where': {
      const place = [...p.places].map((id) => k.matcher.get(id)!).find((e) => !asked.has(e.id)) ?? [...p.places].map((id) => k.matcher.get(id)!)[0];
      if (place) return `${place.name}: ${sentence}`;
      const venue = VENUE.exec(p.sentence.text) ?? NAMED_PLACE.exec(p.sentence.text);
      if (venue) return `${capitalise(venue[0])}: ${sentence}`;
      break;
    }
    case 'when': {
      const signature = p.hasTime ? undefined : signatureOf(k, p);
      const m = TIME_PHRASE.exec(p.sentence.text) ?? (signature && TIME_PHRASE.exec(signature.sentence.text));
      // "today" means the day the document was published, when it says.
      const published = p.doc.meta.published;
      const day = published instanceof Date ? published.toISOString().slice(0, 10) : typeof published === 'string' && /^\d{4}-\d\d-\d\d/.test(published) ? published.slice(0, 10) : undefined;
      if (m && /^(?:today|this morning|tonight)$/i.test(m[0].trim()) && day) return `${capitalise(m[0].trim())} (${weekdayOf(day)} ${longDate(day)}, the day of publication): ${sentence}`;
      if (m) return `${capitalise(m[0])}: ${sentence}`;
      break;
    }
    case 'how_much': {
      const money = p.money[0];
      if (money) return `${capitalise(p.sentence.text.slice(money.start, money.end).trim())}: ${sentence}`;
      break;
    }
    case 'how_many': {
      // The count the sentence states, in digits ("Fifty-eight countries" answers "58").
      const count = k.figures.find((f) => f.doc === p.doc && f.figure.kind === 'count' && f.figure.at.start < p.sentence.end && p.sentence.start < f.figure.at.end);
      const value = count ? countValue(count.figure.display) : undefined;
      if (value !== undefined) return `${value.toLocaleString('en')}: ${sentence}`;
      break;
    }
    case 'yes_no': {
      const allCovered = q.terms.filter((t) => !t.inEntity && !k.lexicon.isFrame(t.stem)).every((t) => stemsOf(p).has(t.stem) || k.lexicon.expand(t.stem).some((s) => stemsOf(p).has(s)));
      if (allCovered && !/\b(?:not|no|never|n't)\b/i.test(p.sentence.text)) return `Yes, according to ${speaker ?? 'the source'}: ${sentence}`;
      break;
    }
  }
  if (p.signature && speaker) return `Signed by ${speaker}: ${sentence}`;
  return speaker ? `${speaker} said: ${sentence}` : `The source says: ${sentence}`;
}

/** Digits with optional thousands separators and decimals ('1,214', '3.5'), or a number in words. */
const COUNT_NUMBER = new RegExp(`\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMBER_WORDS_SOURCE}`, 'i');

/** The number a count is written with: "Fifty-eight countries" -> 58, "about 100,000 chips" -> 100000. */
export function countValue(display: string): number | undefined {
  const m = COUNT_NUMBER.exec(display);
  return m ? readNumber(m[0]) : undefined;
}

/** A count as digits ("Fifty-eight countries" -> "58 countries"); other figures as the source writes them. */
function inDigits(e: FigureEntry): string {
  const display = e.figure.display;
  // "€900m" reads as "€900 million".
  if (e.figure.kind === 'money' && e.figure.amount !== undefined && /\d\s*(?:m|bn|b|k|tn)\b/i.test(display)) return formatAmount(e.figure.amount, e.figure.currency as Currency);
  if (e.figure.kind !== 'count') return display;
  const m = COUNT_NUMBER.exec(display);
  const value = m ? readNumber(m[0]) : undefined;
  return m && value !== undefined ? `${display.slice(0, m.index)}${value.toLocaleString('en')}${display.slice(m.index + m[0].length)}` : display;
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  const clean = text.replace(/^[“"]+|[”"]+$/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function notFound(message: string, suggestions: string[], confidence = 0.8): Answer {
  return base('not_found', false, message, { suggestions, confidence });
}

export function help(message: string, suggestions: string[]): Answer {
  return base('help', false, message, { suggestions, confidence: 1 });
}

export function invalid(message: string, suggestions: string[] = []): Answer {
  return base('invalid', false, message, { suggestions, confidence: 1 });
}

/** A reply built from the previous answer ("source?", "who said that?"): its quotes again, nothing searched anew. */
export function fromEarlier(text: string, last: Answer): Answer {
  return base('answer', true, text, { quotes: last.quotes, figures: last.figures, confidence: last.confidence });
}

/** One Answer for a message that asked several questions: each part's answer in turn, quotes taken in turns. */
export function combine(parts: Answer[]): Answer {
  const answered = parts.filter((p) => p.answered);
  if (answered.length === 0) return { ...parts[0]!, answer: parts.map((p) => p.answer).join(' ') };
  const quotes: Quote[] = [];
  for (let i = 0; quotes.length < MAX_QUOTES * 2 && answered.some((p) => p.quotes[i]); i++) for (const p of answered) if (p.quotes[i]) quotes.push(p.quotes[i]!);
  const figures = [...new Map(answered.flatMap((p) => p.figures).map((f) => [f.id, f])).values()];
  return base('answer', true, parts.map((p) => p.answer).join(' '), {
    quotes: dedupeQuotes(quotes),
    figures,
    confidence: Math.min(...answered.map((p) => p.confidence)),
    suggestions: parts.flatMap((p) => p.suggestions ?? []).slice(0, 3),
  });
}

/** Passages as evidence under a lead already written (a yes/no verdict, a digest). */
export function answerFromPassagesWithLead(lead: string, passages: Passage[], k: Knowledge, q: AnalyzedQuestion, confidence: number): Answer {
  const focus = new Set(q.terms.map((t) => t.word.toLowerCase().slice(0, 5)));
  const quotes = dedupeQuotes(passages.map((p) => quotePassage(p, k.passages, focus, p.speaker ? k.matcher.get(p.speaker)?.name : undefined)));
  return base('answer', true, lead, { quotes, confidence });
}

/** Most figures named in a digest's answer text. */
const DIGEST_FIGURES = 6;

/**
 * "tl;dr", "key numbers", "what happened": the main figures, most important
 * first, each quoted; without figures, the opening sentence of each document.
 */
export function answerDigest(entries: FigureEntry[], k: Knowledge, announcing: Passage[] = []): Answer {
  if (entries.length === 0) {
    const leads = k.corpus.documents.map((d) => k.passages[k.firstPassage.get(d) ?? -1]).filter((p): p is Passage => !!p && p.sentence.text.length >= 40);
    const quotes = dedupeQuotes(leads.map((p) => quotePassage(p, k.passages, new Set())));
    if (quotes.length === 0) return notFound("The sources have no figures or summary to give.", []);
    return base('answer', true, `In short, from ${k.corpus.documents.length === 1 ? 'the source' : `${k.corpus.documents.length} sources`}: ${clip(quotes[0]!.text, 200)}`, { quotes, confidence: 0.6 });
  }
  const shown = entries.slice(0, DIGEST_FIGURES);
  const text = `The main figures: ${shown.map((e) => `${inDigits(e)} (${e.figure.what.replace(/\.$/, '')})`).join('; ')}.`;
  // Announcements that are not amounts ("…the next step is to launch AI GigaFactories") get a quote of their own.
  const figureQuotesShown = shown.map((e) => figureQuotes(e, k)[0]!);
  const said = announcing.map((p) => quotePassage(p, k.passages, new Set(), p.speaker ? k.matcher.get(p.speaker)?.name : undefined));
  const quotes = dedupeQuotes([...figureQuotesShown.slice(0, MAX_QUOTES - Math.min(1, said.length)), ...said, ...figureQuotesShown.slice(MAX_QUOTES - 1)]);
  return base('answer', true, text, { quotes, figures: shown.map(figureOf), confidence: 0.8 });
}

/**
 * Every amount in scope added up, one sum per currency (the sources give no
 * exchange rate), with each part shown.
 */
export function answerGrandTotal(entries: FigureEntry[], k: Knowledge, confidence: number): Answer {
  const byCurrency = new Map<string, FigureEntry[]>();
  for (const e of entries) byCurrency.set(e.figure.currency ?? '', [...(byCurrency.get(e.figure.currency ?? '') ?? []), e]);
  const sums = [...byCurrency].map(([currency, parts]) => {
    const total = parts.reduce((n, e) => n + e.figure.amount!, 0);
    const approximate = parts.some((e) => e.figure.approximate || /up to|about|around|roughly|approx/i.test(e.figure.display));
    const shown = parts.length === 1 ? parts[0]!.figure.display : `${approximate ? 'about ' : ''}${formatAmount(total, (currency || undefined) as Currency)}`;
    return `${shown} (${parts.map((e) => `${e.figure.display}: ${e.figure.what.replace(/\.$/, '')}`).join('; ')})`;
  });
  const note = byCurrency.size > 1 ? ' Each currency is added up apart: the sources give no exchange rate.' : '';
  const text = `In all, the sources' amounts come to ${sums.join(', and ')}. This is a sum of the cited figures, not a figure the sources state.${note}`;
  const quotes = dedupeQuotes(entries.map((e) => figureQuote(e, k)));
  return base('answer', true, text, { quotes, figures: entries.map(figureOf), confidence });
}

/** A part of a stated total, with the share it is: "€50 billion, a quarter (25%) of the €200 billion". */
export function answerShare(part: FigureEntry, total: FigureEntry, k: Knowledge, confidence: number): Answer {
  const ratio = part.figure.amount! / total.figure.amount!;
  const named = SHARE_NAMES.find(([value]) => Math.abs(value - ratio) < 0.005)?.[1];
  const percent = `${Math.round(ratio * 1000) / 10}%`;
  const text = `${capitalise(part.figure.display)} (${part.figure.what.replace(/\.$/, '')}): ${named ? `${named} (${percent})` : percent} of the ${total.figure.display} (${total.figure.what.replace(/\.$/, '')}). The share is worked out from the two cited figures.`;
  const quotes = dedupeQuotes([figureQuote(part, k), figureQuote(total, k)]);
  return base('answer', true, text, { quotes, figures: [figureOf(part), figureOf(total)], confidence });
}

const SHARE_NAMES: readonly (readonly [number, string])[] = [[0.25, 'a quarter'], [0.5, 'half'], [0.75, 'three quarters'], [1 / 3, 'a third'], [2 / 3, 'two thirds']];
