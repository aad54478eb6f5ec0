/**
 * Finds the questions in a chat message: people write a greeting, some
 * context, then one question or two ("where was it and who spoke?"), or a
 * statement with a tag ("…on Monday, right?") that asks whether it is true.
 * Works on the sentence structure of English, not on any corpus.
 */

import { englishRank } from './english.js';
import { dominantClass } from './wordnet.js';

export interface MessagePart {
  /** The question, without greeting, tag or lead-in. */
  text: string;
  /** A statement put up for checking ("X was on Monday, right?"): a yes/no question about it. */
  claim: boolean;
  /** What followed the question's first comma, left out of it ("…, is it OpenAI and SoftBank?"). */
  aside?: string;
}

export interface Message {
  /** The questions asked, in order (at least one when the message has words). */
  questions: MessagePart[];
  /** Sentences around the questions that are not questions: what "it" may refer to. */
  context: string[];
}

/** Most questions answered from one message. */
export const MAX_QUESTIONS_PER_MESSAGE = 3;

const OPENER = String.raw`(?:what|what's|whats|which|who|who's|whom|whose|when|where|why|how|is|are|was|were|does|do|did|will|would|can|could|has|have|had|should|shall)`;
const QUESTION_START = new RegExp(`^${OPENER}\\b(?!['’])`, 'i');
const REQUEST_START = /^(?:tell me|explain|describe|define|summar(?:y|ise|ize)|give me|show me|list|name|compare|need|i need|looking for|any idea|does anyone know|do you know|remind me|help me understand)\b/i;

// Lead-ins that carry no content: greetings, interjections, "quick question", "random but".
const LEAD_IN = new RegExp(
  String.raw`^(?:(?:hey|hi|hello|hiya|howdy|yo|sup|morning|good (?:morning|afternoon|evening)|greetings|ok|okay|so|well|wait|hmm|oh|ah|anyway|anyways|also|btw|right|alright|cool|thanks|thank you|sorry|please|quick (?:one|q|question)|(?:random|dumb|stupid|silly|quick|noob) (?:q|question)|random|real quick|one more|another one|follow[- ]up)(?:\s+(?:all|everyone|folks|team|there|guys|y'all|bot|again))?(?:\s+but)?[\s,!.:;-]+)+`,
  'i',
);
// Tags that turn a statement into a question: "…, right?", "…yeah", "…wasn't it", "…or not".
const TAG = /(?:\s+right|[\s,]+(?:yeah|yes|no|correct|true|innit|or not|or nah|am i right|is that right|is that correct|is that true|isn't it|wasn't it|aren't they|weren't they|didn't (?:he|she|they|it)|don't they|doesn't it|won't it|no\?))[\s?!.]*$/i;
// Coordinated second questions: "… and how many years", "… + which sectors".
const SECOND_QUESTION = new RegExp(String.raw`\s*(?:,?\s+(?:and|also|plus|&)\s+|\s*\+\s*|;\s*)(?=(?:(?:over|in|on|at|for|by|from|to|and)\s+)?${OPENER}\b(?!['’]))`, 'i');

const WH_WORD = /\b(?:what|which|who|whom|whose|when|where|why|how)\b/i;
// A statement has a verb; "key numbers?" does not.
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|\p{L}{3,}ed)\b/iu;

/** Splits a message into its questions and the context around them. */
export function readMessage(message: string): Message {
  const sentences = splitSentences(message).map((raw) => ({ raw, text: stripLeadIn(afterColon(raw)) })).filter((s) => s.text);
  // Questions that open as questions ("how…") first; failing that, "…?" and requests ("tell me…"); failing that, tagged statements.
  // ("and when does it start?": a question still, its "and" kept to tie it to what came before.)
  const rank = (s: { raw: string; text: string }) =>
    QUESTION_START.test(s.text.replace(/^(?:and|but|plus|also)\s+/i, '')) ? 3 : /\?\s*$/.test(s.raw) || REQUEST_START.test(s.text) ? 2 : TAG.test(s.text) && s.text.split(/\s+/).length >= 4 ? 1 : 0;
  const ranks = sentences.map(rank);
  const best = Math.max(0, ...ranks);
  if (best === 0) {
    // No sentence reads as a question ("stargate budget", "summary"): the message is the question.
    const whole = stripLeadIn(message.trim());
    return { questions: whole ? [toPart(whole)] : [], context: [] };
  }
  const questions: MessagePart[] = [];
  const context: string[] = [];
  sentences.forEach((s, i) => {
    if (ranks[i] === best) for (const part of splitCoordinated(dropPurposeTail(s.text))) questions.push(toPart(part));
    else context.push(s.text);
  });
  return { questions: questions.slice(0, MAX_QUESTIONS_PER_MESSAGE), context };
}

/** Chat sentences end at . ? ! and a space, whatever the case of the next letter (ICU waits for a capital). */
function splitSentences(text: string): string[] {
  // "1) which city… and 2) what's the name…": numbered questions are sentences of their own.
  return text.split(/(?<=[.?!])\s+|\n+|\s+(?:and\s+)?(?=(?:\(?\d\)|\d\.)\s+\p{L})/u).map((s) => s.trim().replace(/^(?:\(?\d\)|\d\.)\s+/, '')).filter(Boolean);
}

// "…, need it for the caption", "…, settling a bet": why the person asks, not what.
const PURPOSE_TAIL = /,\s*(?:(?:i\s+)?(?:need|want|wanted|have|got)\s+(?:it|this|that|them|these|those|to|the|a|an|names)\b|settling|trying|writing|asking|just (?:double )?checking|for (?:my|our|the) |so (?:i|we) |need it|no rush)[^,]*$/i;

// "… for our team wiki", "… for the newsletter": who it is for, at the end of a request.
const FOR_WHOM_TAIL = /\s+for\s+(?:my|our|the|a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:deck|slides?|newsletter|digest|post|blog|thread|report|presentation|meeting|standup|team|boss|manager|article|piece|caption|timeline|notes?|doc|draft|email|talk|class|homework|essay|story)(?:\s+(?:please|pls|thanks))?\s*$/iu;

function dropPurposeTail(sentence: string): string {
  const cut = sentence.replace(PURPOSE_TAIL, '').replace(FOR_WHOM_TAIL, '').trim();
  return cut.split(/\s+/).length >= 2 ? cut : sentence;
}

/** "one thing for the minutes: when…" and "my question: how much…": the question is after the colon. */
function afterColon(sentence: string): string {
  const colon = sentence.indexOf(': ');
  if (colon < 0) return sentence;
  const after = sentence.slice(colon + 2).trim();
  return QUESTION_START.test(stripLeadIn(after)) || REQUEST_START.test(stripLeadIn(after)) ? after : sentence;
}

function stripLeadIn(sentence: string): string {
  return sentence.replace(LEAD_IN, '').trim();
}

function splitCoordinated(sentence: string): string[] {
  const parts = sentence.split(SECOND_QUESTION).map((p) => p.trim()).filter((p) => /\p{L}{2}/u.test(p));
  return parts.length ? parts : [sentence];
}

// Words too common to make a clause a question on their own.
const LIGHT = /^(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|do|did|will|would|can|could|has|have|had|should|shall|the|a|an|it|its|this|that|they|them|their|there|he|she|his|her|of|to|in|on|at|for|by|and|or|so|be|been|more|less|much|many|even|just|really|actually|exactly|one|ones|thing|things)$/i;

/**
 * "who pays for the dredging, is it the port": what follows the first
 * comma of a question that stands on its own is an aside (a guess, a
 * restatement, a reason); the question is what comes before it.
 */
function splitAside(question: string): { main: string; aside?: string } {
  const cut = /\s*(?:,|\s[—–-])\s+/.exec(question);
  if (!cut || !QUESTION_START.test(question)) return { main: question };
  const main = question.slice(0, cut.index);
  const aside = question.slice(cut.index + cut[0].length);
  // "…, like which companies": an aside that asks again says what kind of answer is wanted; keep it.
  if (/\b(?:what|which|who|whom|whose|when|where|why|how)\b/i.test(aside)) return { main: question };
  const content = (main.match(/[\p{L}\p{N}'’]+/gu) ?? []).filter((w) => w.length >= 3 && !LIGHT.test(w));
  return content.length >= 2 ? { main, aside } : { main: question };
}

function toPart(raw: string): MessagePart {
  const { main, aside } = splitAside(raw.replace(/[\s?!.]+$/, ''));
  const part = toQuestion(main + (/\?\s*$/.test(raw) ? '?' : ''));
  return aside ? { ...part, aside } : part;
}

// "does it say X or nah": a yes/no question ending in "or" and one word.
const OR_TAG = /^((?:is|are|was|were|does|do|did|will|would|can|could|has|have|had|should)\b.*\S)\s*,?\s+or\s+([a-z]+)$/i;

/**
 * The question without a closing "or not" / "or nah": the last word is a tag
 * when it is "not"/"no", or a word of everyday speech that no dictionary
 * class takes (an interjection: in the frequency list, absent from WordNet);
 * "…or labs" offers an alternative and stays.
 */
function dropOrTag(question: string): string {
  const m = OR_TAG.exec(question);
  if (!m) return question;
  const word = m[2]!;
  const tag = /^(?:not|no)$/i.test(word) || (word === word.toLowerCase() && englishRank(word) !== undefined && dominantClass(word) === undefined && !/^(?:what|which|who|whom|whose|when|where|why|how)$/.test(word));
  return tag ? m[1]! : question;
}

function toQuestion(text: string): MessagePart {
  const trimmed = dropOrTag(text.replace(/[\s?!.]+$/, ''));
  // A question keeps its question mark: it is shown back to the user as they asked it.
  if (QUESTION_START.test(trimmed) || REQUEST_START.test(trimmed)) return { text: /\?\s*$/.test(text) ? `${trimmed}?` : trimmed, claim: false };
  const untagged = trimmed.replace(TAG, '').trim();
  // A statement, tagged or not, put as a question: is it so?
  const claim = untagged !== trimmed || (/\?\s*$/.test(text) && FINITE_VERB.test(untagged) && !WH_WORD.test(untagged));
  return { text: untagged || trimmed, claim: claim && untagged.split(/\s+/).length >= 3 };
}
