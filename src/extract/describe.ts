/**
 * What a figure is, in a few plain words taken from its sentence: the
 * subject and verb around the amount ("what Northport will spend on a new
 * container terminal"), the noun it measures ("the budget of the Harbour
 * programme"), the table row or list label it sits in ("Harbour programme").
 */
import type { FoundAmount } from './amounts.js';

export interface DescribeContext {
  /** The sentence text. */
  text: string;
  figure: FoundAmount;
  /** The entity the sentence is about, when the sentence says only "It"/"They" (from the sentence before). */
  antecedent?: string;
  /** Name of the nearest entity written before the amount in the sentence. */
  subjectBefore?: string;
  /** Name of the first entity written after it. */
  subjectAfter?: string;
  /** What the sentence before says was wrong or corrected ("the size of the renewal fund"). */
  correctedThing?: string;
  correction?: 'corrected' | 'superseded';
  /** The description of the money figure in the same sentence, for its period ("over five years"). */
  moneyWhat?: string;
}

const MONEY_VERBS = /\b(?:spend|spends|spent|spending|pledge|pledged|pledges|pledging|promise|promised|promises|put|puts|putting|invest|invests|invested|investing|mobilise|mobilize|mobilising|mobilizing|raise|raised|raises|receive|receives|received|get|gets|got|allocate|allocated|allocates|commit|committed|commits|provide|provides|provided|contribute|contributes|contributed|replenish|earmark|earmarked|win|secure|secured|bring|brings|supply|supplies|cost|costs|owe|owes|pay|pays|paid|offer|offers|offered|grant|granted|lend|lent|borrow|borrowed|fund|funds|funded|announce|announced|announces|unveil|unveiled|add|adds|added|make|makes|made|back|backed|valued\s+at|worth|totaling|totalling|totals|amounting\s+to|reaching|reach|reached|set\s+aside)\b/gi;
/** Nouns a figure measures when written "a NOUN of AMOUNT". */
const MEASURE_NOUN = /\b(?:(?:annual|total|overall|operating|initial|combined|planned|proposed)\s+)*(?:budget|cost|size|value|target|fund|funding|investment|package|deal|contribution|pledge|commitment|grant|loan|price|revenue|turnover|fee|sum|total|share|stake|mandate|term|period|deadline|capacity|goal)\s+of\s*$/i;
// "They" is left alone: names are rarely plural, so "they" is seldom the entity named before.
const PRONOUN_SUBJECT = /^(?:it|this|he|she|its)$/i;
const LEADING_ADVERBIAL = /^(?:(?:separately|meanwhile|however|also|additionally|moreover|in addition|together|today|yesterday|on \w+|in \w+(?: \d{4})?|by \w+),?\s+)+/i;
/** "LISBON, March 3 (CPS) - " or "LISBON — " opening a story. */
export const DATELINE = /^[\p{Lu}][\p{Lu}\s.'-]{2,40}(?:,[^-–—]{0,60}?)?\s+(?:-|–|—|--)\s+/u;
const CUT_TAIL = /\s+(?:with the aim|in order|so that|which|who|because|although|though|while|after|before|as part)\b.*$/i;

/** Words of `s` up to `max`, without a trailing comma or stop word. */
function words(s: string, max: number): string {
  const w = s.trim().split(/\s+/).filter(Boolean).slice(0, max);
  while (w.length && /^(?:and|or|of|to|the|a|an|with|for|in|on|by|at|from|that|which|its|their)$/i.test(w[w.length - 1]!)) w.pop();
  return w.join(' ').replace(/[,;:.]+$/, '');
}

/** The clause of the sentence that holds [start, end): cut at semicolons, dashes, colons and opening list markers. */
export function clauseAround(text: string, start: number, end: number): { clause: string; offset: number } {
  let left = 0;
  for (const m of text.slice(0, start).matchAll(/;\s|:\s|\s[—–·]\s|\s--?\s|\||[.!?]\s+(?=\S)/g)) left = m.index + m[0].length;
  let right = text.length;
  const after = /;|\s[—–]\s|\s--?\s|\||[.!?]\s/.exec(text.slice(end));
  if (after) right = end + after.index;
  return { clause: text.slice(left, right), offset: left };
}

/** Lower-case the first letter unless it starts a name. */
/**
 * A clause as it reads inside a description: a leading "and" or "but"
 * dropped; a first word that only began the sentence (a determiner, a
 * pronoun, a participle opening a phrase: "Speaking at…") in lower case.
 * Names keep their capitals.
 */
function lowerFirst(s: string): string {
  const t = s.replace(/^(?:And|But|Or|So|Yet)\s+(?=\S)/, '');
  return /^(?:The|A|An|This|That|These|Those|Its|Our|Their|Each|Every|Some|All|We|It|They|He|She)\b|^\p{Lu}\p{Ll}+(?:ing|ed)\s+(?:at|in|on|to|about|with|by|for|from)\b/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

function subjectPhrase(raw: string, ctx: DescribeContext): string | undefined {
  let s = raw.replace(LEADING_ADVERBIAL, '').replace(/^.*\b(?:said|says|announced|told \w+)\s+(?:that\s+)?/i, '').replace(/^.*\bthat\s+/i, '');
  // "Acme Robotics, Inc. ("Acme"), ..., today announced": no brackets, company suffix or time word in the subject.
  s = s.replace(/\s*\([^)]*\)/g, '').replace(/,\s+(?:Inc|Ltd|LLC|Corp|PLC|AG|SA|GmbH)\.?(?=,|\s|$)/g, '').replace(/\s*\b(?:today|yesterday|also|jointly|on\s+\w+day|this\s+week|last\s+week)\s*$/i, '');
  // "By my count, the 12 lead donors": the subject is the last part that is not an aside ("including ...").
  const parts = s.split(/,\s+/).filter((p, i) => p.trim() && !/^(?:including|such|with|who|which|whose|like|notably|especially|excluding)\b/i.test(p.trim()) && !(i > 0 && /^(?:a|an)\b/i.test(p.trim())));
  if (parts.length) s = parts[parts.length - 1]!;
  s = s.replace(/^[-*•\d.)\s]+/, '').replace(/\*\*/g, '').trim();
  const first = s.split(/\s+/)[0] ?? '';
  if (PRONOUN_SUBJECT.test(first) && ctx.antecedent) s = ctx.antecedent + s.slice(first.length);
  if (!s || s.split(/\s+/).length > 10) return ctx.subjectBefore;
  return lowerFirst(s);
}

/** "what X pledged to the ACF": the subject, the verb group and what follows the amount. */
function verbalPhrase(clause: string, start: number, end: number, ctx: DescribeContext): string | undefined {
  const before = clause.slice(0, start);
  let verb: RegExpExecArray | undefined;
  for (const m of before.matchAll(MONEY_VERBS)) verb = m as RegExpExecArray;
  if (!verb) return undefined;
  // Auxiliaries and particles right before the verb belong to it ("will spend", "is valued at").
  const aux = /((?:\b(?:will|would|shall|can|could|should|may|might|must|is|are|was|were|has|have|had|be|been|able|to|also|jointly|further|not)\s+)*)$/i.exec(before.slice(0, verb.index))![1]!;
  const subject = subjectPhrase(before.slice(0, verb.index - aux.length), ctx);
  const between = words(before.slice(verb.index + verb[0].length).replace(/\b(?:a\s+combined|a\s+further|an\s+additional|a\s+total\s+of|about|around|approx\.|approximately|up\s+to|some|roughly)\s*$/i, ''), 5);
  const tail = words(clause.slice(end).replace(CUT_TAIL, '').replace(/^[\s,]+/, '').split(/[,;.]/)[0]!, 7);
  const tailText = /^(?:on|for|to|into|in|towards|from|over|by|across)\b/i.test(tail) ? ` ${tail}` : '';
  if (!subject) return `what was ${verb[0].toLowerCase()}${between ? ` ${between}` : ''}${tailText}`;
  return `what ${subject} ${(aux + verb[0]).toLowerCase().trim()}${between ? ` ${between}` : ''}${tailText}`;
}

/** A table row's first cell or a list item's label names what the figure in it is. */
function labelOf(text: string, start: number): string | undefined {
  // "**Harbour.** The access programme: €900m": the label and the run-in heading it belongs to.
  const runIn = /^\s*\*\*([^*]{1,60}?)\.?\*\*\s+([\p{L}][^:]{2,80}?):\s/u.exec(text);
  if (runIn && runIn[0].length <= start) return `${lowerFirst(runIn[2]!.trim())} (${runIn[1]!.trim()})`;
  if (/^\s*\|/.test(text)) {
    const cells = text.split('|').map((c) => c.trim()).filter(Boolean);
    const first = cells[0];
    if (first && !text.slice(0, start).endsWith(first)) return first.replace(/\*\*/g, '');
  }
  const label = /^\s*(?:[-*•]\s+)?(?:\*\*)?([\p{L}][^:]{2,80}?)(?:\*\*)?:\s/u.exec(text);
  // "About Acme: ..." heads a boilerplate paragraph; it labels nothing.
  if (label && label.index + label[0].length <= start && !/^About\b/.test(label[1]!)) return label[1]!.replace(/\*\*/g, '').trim();
  return undefined;
}

/** A short plain description of the figure, at least three characters long. */
export function describeFigure(ctx: DescribeContext): string {
  return plainOr(describeFrom(ctx), ctx.figure.kind);
}

/**
 * The description as the figure's context gives it, before plainOr: what the
 * figure is found by and matched with other sources' figures on, even where
 * an answer would not quote it.
 */
export function describeFigureWords(ctx: DescribeContext): string {
  return describeFrom(ctx);
}

/** What a figure of each kind is when its context gives no plain description. */
const PLAIN_DEFAULT: Record<string, string> = {
  money: 'the amount the source gives',
  percent: 'the percentage the source gives',
  count: 'the number the source gives',
  duration: 'the period the source gives',
  date: 'the date the source gives',
};

/** Words a description must not end on: it would be a cut clause ("what the deal was signed by"). */
const DANGLING = /\b(?:the|a|an|of|to|and|or|but|that|which|for|with|by|as|at|in|on|from|is|are|was|were|has|have|had|will|would|originally|also)$/i;

/**
 * The description, if it reads as a plain phrase; else the plain default of
 * its kind. An answer says "€40 million: the amount the source gives" rather
 * than a clause cut out of its sentence ("what in a fund expected to
 * raise"), and the quote beside it says the rest.
 */
export function plainOr(description: string, kind: string): string {
  const text = description.trim();
  const words = text.split(/\s+/);
  const body = text.replace(/\s\([^()]+\)$/, '');
  const cut =
    words.length > 14 ||
    // Quotation marks, colons, brackets inside: a piece of the sentence, not a phrase about it.
    /["“”:;()]/.test(body) ||
    // A phrase begins in lower case ("the budget of…", "what the fund raised"); a capitalised start is a short label or a sentence.
    (/^\p{Lu}/u.test(text) && words.length > 8) ||
    /^(?:I|you|your|they|it|nor|and|but|so)\b/i.test(text) ||
    DANGLING.test(text) ||
    // "when LISBON, (CPS)", "when Following approval…": a dateline or a clause whose subject is missing.
    /^(?:when|what)\s+(?:\p{Lu}{2,}\b|\p{Lu}\p{Ll}+(?:ing|ed)\b)/u.test(text) ||
    /\b(?:has|have|had)\s+(?:informed|told|said|been|made|given)\b/i.test(text) ||
    // "when to the range", "when the CLV Aurelia Spirit": a "when" with no clause after it.
    /^when\s+(?:to|of|in|on|at|for|by|from|with)\b/i.test(text) ||
    (/^when\s/i.test(text) && !/\b[\p{Ll}-]{2,}(?:ed|en|ht)\b(?<!\b(?:then|even|seven|ten|often|between|women|children))|\b(?:is|was|were|are|will|would|began|begins?|starts?|took|takes?|made|makes?|held|holds?|met|meets?|did|does|do|had|has|have|got|gets?|went|goes|came|comes|opened|opens?|closed|closes?|ran|runs?|won|wins?|left|leaves?|sold|sells?|bought|buys?|spoke|speaks?|said|says?|rose|fell|grew|should|could|can|may|might|must|be|been|being|[\p{Ll}]{3,}ing|[\p{Ll}]{3,}s)\b/u.test(text.slice(5)));
  return cut ? (PLAIN_DEFAULT[kind] ?? 'the figure the source gives') : text;
}

function describeFrom(ctx: DescribeContext): string {
  const { text, figure } = ctx;
  if (ctx.correction && ctx.correctedThing) {
    return ctx.correction === 'corrected' ? `the corrected figure for ${ctx.correctedThing}` : `an earlier figure for ${ctx.correctedThing}, since corrected`;
  }
  const label = labelOf(text, figure.start);
  const { clause, offset } = clauseAround(text, figure.start, figure.end);
  const start = figure.start - offset;
  const end = figure.end - offset;
  // What says what the figure is sits just before it: a bounded window keeps the patterns cheap.
  const before = start > 160 ? clause.slice(start - 160, start).replace(/^\S*\s/, '') : clause.slice(0, start);
  const measured = MEASURE_NOUN.exec(before);
  const owner = ctx.subjectBefore ?? ctx.antecedent;
  switch (figure.kind) {
    case 'money': {
      if (label) return label.length > 2 ? lowerFirst(label) : `${label} amount`;
      if (measured && owner) return `the ${measured[0].replace(/\s+of\s*$/i, '').toLowerCase()} of ${owner}`;
      // "a Harbour Renewal Fund (HRF) of €12 million": the size of what is named just before.
      if (ctx.subjectBefore && /\b(?:[\p{Lu}][\p{L}\-]*|\))\s+of\s*$/u.test(before)) return `the size of ${ctx.subjectBefore}`;
      // "a supply deal worth roughly €3.2 billion", "100,000 accelerators, worth $3.5bn"
      const worth = /((?:[\p{L}\p{N},\-]+\s+){0,5}[\p{L}\-]+),?\s+(?:(?:is|are|was|were|being|been|be)\s+)?(?:worth|valued\s+at|totall?ing|amounting\s+to|costing)\s*$/iu.exec(before);
      if (worth) {
        const np = worth[1]!.replace(/\s+(?:is|are|was|were|being|been|be)$/i, '').replace(/^.*\b(?:a|an|the|its|their|under|for|of|with|in)\s+/i, '').replace(/^(?:about|around|approx\.?|some)\s+/i, '').replace(/^\d[\d,.]*\s+/, '');
        return `the value of the ${lowerFirst(np.replace(/,$/, ''))}`;
      }
      // "a €900 million access scheme": the amount qualifies the noun after it.
      const qualifies = /^\s+((?:[\p{L}\-]+\s+){0,2}[\p{Ll}\-]+)(?=[,.;]|$|\s+(?:for|to|in|on|at|with|that|which|led|by|from)\b)/u.exec(clause.slice(end));
      // ...but "The €8 billion pledged by ..." is a participle, not a noun.
      if (qualifies && /\b(?:a|an|the|its|their)\s*$/i.test(before) && !/^(?:of|for|to|in|on|at|and|or|over|by|from)\b/i.test(qualifies[1]!) && !/(?:ed|ing|en)$|^(?:is|was|were|are|will|would|has|had)\b/.test(qualifies[1]!)) {
        return `the ${qualifies[1]}${ctx.subjectBefore && /^\p{Lu}/u.test(ctx.subjectBefore) ? ` (${ctx.subjectBefore})` : ''}`;
      }
      // "between 30 and 50 billion euros of investment in shared computing": the noun after "of".
      const ofNoun = /^\s+of\s+([\p{Ll}][^,;.]{2,80})/u.exec(clause.slice(end));
      if (ofNoun) return `the ${words(ofNoun[1]!.replace(/\s+by\s+\d{4}.*$/, '').replace(CUT_TAIL, ''), 8)}`;
      // "20 billion euros to accelerate AI adoption": money for a purpose.
      const purpose = /^\s+((?:to|for)\s+[^,;.]{3,80})/.exec(clause.slice(end));
      if (purpose && !before.trim()) return `the money ${words(purpose[1]!, 8)}`;
      // "20 billion euros from Canadian investment firm Brookfield": money from someone.
      const from = /^\s+from\s+([^,;.()]+?)(?=\s+and\s|[,;.()]|$)/.exec(clause.slice(end));
      if (from && !/\b(?:spend|pledge|put|invest|raise|receive|get|allocate|commit|provide|contribute)\w*\s*(?:a\s+combined|a\s+further)?\s*$/i.test(before)) return `the amount from ${words(from[1]!, 8)}`;
      // "The €8 billion pledged by 20 key investors": the amount is the subject.
      const participle = /^\s+((?:[\p{Ll}]+ed|paid|put|spent|given|promised|made)\s+(?:by|to|for|from|in)\s+[^,;.]{2,60})/u.exec(clause.slice(end));
      if (participle && /^\s*(?:the|a|an)?\s*$/i.test(before)) return `what was ${words(participle[1]!.replace(/\s+(?:was|were|is|are|has|had|have|will|would)\b.*$/, ''), 8)}`;
      const verbal = verbalPhrase(clause, start, end, ctx);
      if (verbal) return verbal;
      if (ctx.subjectBefore) return `the amount for ${ctx.subjectBefore}`;
      return fallback(clause, start, end, 'the amount');
    }
    case 'percent': {
      // "revenue rose 20%": the change in what rose.
      const change = /((?:[\p{L}\-]+\s+){0,4}[\p{L}\-]+)\s+(?:rose|fell|grew|increased|decreased|jumped|dropped|declined|climbed|gained|lost|slipped|surged|soared)\s+(?:by\s+)?$/iu.exec(before);
      if (change) return `the change in ${lowerFirst(change[1]!.replace(/^.*\b(?:said|says)\s+/i, ''))}`;
      const of = /^\s*(?:of\s+)([^,;.]+)/.exec(clause.slice(end));
      if (of) return `the share of ${words(of[1]!.replace(CUT_TAIL, ''), 10)}`;
      if (label) return `${lowerFirst(label)} (per cent)`;
      return fallback(clause, start, end, 'the percentage');
    }
    case 'count': {
      if (label && figure.noun && label.toLowerCase() === figure.noun) return `the number of ${figure.noun}`;
      const tail = words(clause.slice(end).replace(CUT_TAIL, '').split(/[,;.€$£\d]/)[0]!, 6);
      const verbal = /^(?:[\p{Ll}]+ed|had|have|has|will|would|are|were)\b/u.test(tail);
      return `the number of ${figure.noun}${verbal ? ` that ${tail}` : ''}`;
    }
    case 'duration': {
      if (label) return `the period of ${lowerFirst(label)}`;
      // "a two-day summit": the length of the noun it qualifies.
      if (/-/.test(figure.display)) {
        const noun = /^\s+((?:[\p{Ll}\-]+\s+){0,1}[\p{Ll}\-]+)/u.exec(clause.slice(end));
        if (noun) return `the length of the ${noun[1]}`;
      }
      if (ctx.moneyWhat) return `the period of ${ctx.moneyWhat}`;
      const m = /\b((?:an?|the)\s+)?((?:[\p{L}\-]+\s+){0,2}(?:mandate|term|period|contract|programme|program|plan|deal|agreement|lease|ban|moratorium|freeze|transition|delay))\s+of\s*$/iu.exec(before);
      if (m) return `the length of the ${m[2]!.toLowerCase()}${owner ? ` of ${owner}` : ''}`;
      return fallback(clause, start, end, 'the period');
    }
    case 'date': {
      if (label) return /^(?:dates?|published|issued|recorded|updated|posted)$/i.test(label) ? `the ${label.toLowerCase()} given in the document` : `the date of ${lowerFirst(label)}`;
      // "Founded in 2014, Quillon ...": when Quillon was founded.
      const participle = /^\s*([\p{Lu}][\p{Ll}]+ed)(?:\s+(?:in|on|by|at))?\s*$/u.exec(before);
      if (participle && ctx.subjectAfter) return `when ${ctx.subjectAfter} was ${participle[1]!.toLowerCase()}`;
      // The clause the date belongs to: after "X said (that)", and the last part of it that is not an aside.
      let subject = before.replace(/\b(?:in|on|by|at|from|since|until|of|during|before|after|late|early|the end of)\s*$/i, '').trim();
      subject = subject.replace(/^.*\b(?:said|says|announced|told \w+|added)\s+(?:that\s+)?/i, '');
      const parts = subject.split(/,\s+/).filter((p, i) => i === 0 || !/^(?:including|such|who|which|whose|like|a|an|at|in|on|from|with|near|headquartered|based)\b/i.test(p));
      // "Quillon ... today announced an agreement": the date sits before the verb, the clause goes on after it.
      const verbAfter = /^\s+(?:[\p{Ll}]+ed|[\p{Ll}]+s|will|would|is|are|was|were)\b/u.test(clause.slice(end));
      let text: string;
      if (verbAfter && parts[0]) text = `${parts[0]} ${clause.slice(end).trim()}`;
      else {
        let tail = '';
        for (let n = parts.length - 1; n >= 0; n--) {
          const part = parts[n]!.replace(/^(?:and|but|or)\s+/i, '');
          // A part that starts with a verb needs the subject written before it.
          tail = tail ? `${part}${/^[\p{Ll}]/u.test(tail) && !/^(?:the|a|an|its|their)\b/.test(tail) ? ' ' : ', '}${tail}` : part;
          if (tail.split(/\s+/).length >= 3 && !(/^[\p{Ll}]/u.test(tail) && !/^(?:the|a|an|its|their)\b/.test(tail) && n > 0)) break;
        }
        subject = tail || subject;
        text = subject.split(/\s+/).length >= 2 ? subject : `${subject} ${clause.slice(end)}`;
      }
      const first = text.trim().split(/\s+/)[0] ?? '';
      if (PRONOUN_SUBJECT.test(first) && ctx.antecedent) text = ctx.antecedent + text.trim().slice(first.length);
      return `when ${fallback(text, text.length, text.length, 'it happened')}`;
    }
  }
}

/** The clause with the figure taken out, trimmed to a dozen words. */
function fallback(clause: string, start: number, end: number, otherwise: string): string {
  const before = clause.slice(0, start).replace(/\b(?:in|on|by|at|from|since|until|of|over|for|about|around|approx\.|approximately|some|the|between|up to)\s*$/i, '');
  const after = clause.slice(end);
  let text = `${before} ${after}`.replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').replace(/([,;])[,;]+/g, '$1').replace(/^[\s,.;:-]+|[\s,.;:-]+$/g, '');
  text = text.replace(DATELINE, '').replace(/^\d+\/\d+\s+/, '').replace(/^\s*(?:[-*•]\s+|\d+[.)]\s+)/, '').replace(/\*\*/g, '').replace(LEADING_ADVERBIAL, '');
  const short = words(text.replace(CUT_TAIL, ''), 12);
  return short.length >= 3 ? lowerFirst(short) : otherwise;
}
