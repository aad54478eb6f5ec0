/**
 * Chat writing to plain English before a question is analysed: the common
 * chat abbreviations and apostrophe-less contractions of English written
 * online, emoji and hashtags. The table is general English usage, the same
 * for any corpus; it is not a list of any question's words.
 */
import { NUMBER_WORDS_SOURCE, readNumber } from './number-words.js';
import { entryOf } from './wording.js';

/** Chat forms and what they stand for. A form is only ever a whole word. */
const CHAT_FORMS: Record<string, string> = {
  u: 'you', ur: 'your', r: 'are', b4: 'before', 'w/': 'with', 'w/o': 'without',
  pls: 'please', plz: 'please', pl0x: 'please', thx: 'thanks', thnx: 'thanks', ty: 'thanks', tysm: 'thanks',
  gonna: 'going to', wanna: 'want to', tryna: 'trying to', finna: 'going to', outta: 'out of', coulda: 'could have', shoulda: 'should have', woulda: 'would have', hafta: 'have to', oughta: 'ought to', gotta: 'got to', kinda: 'kind of', sorta: 'sort of', lotta: 'lot of', dunno: "don't know", lemme: 'let me', gimme: 'give me',
  wat: 'what', wut: 'what', wot: 'what', whats: 'what is', wats: 'what is', whos: 'who is', wheres: 'where is', whens: 'when is', hows: 'how is', whys: 'why is',
  thats: 'that is', theres: 'there is', heres: 'here is', im: 'i am', ive: 'i have',
  dont: "don't", doesnt: "doesn't", didnt: "didn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't", werent: "weren't", wont: "won't",
  cant: "can't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't",
  theyre: 'they are', youre: 'you are', weve: 'we have', theyve: 'they have', youve: 'you have',
  bc: 'because', bcuz: 'because', cuz: 'because', coz: 'because', cos: 'because', tho: 'though', thru: 'through', abt: 'about', bout: 'about',
  ppl: 'people', govt: 'government', gov: 'government', govts: 'governments', infra: 'infrastructure', prez: 'president', pres: 'president',
  approx: 'approximately', info: 'information', yr: 'year', yrs: 'years', wk: 'week', wks: 'weeks', hr: 'hour', hrs: 'hours',
  bn: 'billion', bil: 'billion', mil: 'million', mln: 'million', tn: 'trillion', tril: 'trillion',
  lvl: 'level', acct: 'account', accts: 'accounts', dept: 'department', mgmt: 'management', org: 'organisation', orgs: 'organisations', intl: 'international', natl: 'national', msg: 'message', pic: 'picture', q: 'question', qs: 'questions', ques: 'question', diff: 'difference', biz: 'business',
  smth: 'something', sth: 'something', smthg: 'something', sb: 'somebody', smb: 'somebody', ppls: "people's", rly: 'really', srsly: 'seriously', prob: 'probably', probs: 'probably',
  tmrw: 'tomorrow', tmr: 'tomorrow', tdy: 'today', yday: 'yesterday', rn: 'right now', atm: 'at the moment',
  // Markers of tone: they carry no content.
  lol: '', lmao: '', rofl: '', tbh: '', ngl: '', imo: '', imho: '', idk: '', iirc: '', afaik: '', fwiw: '', btw: '', fyi: '', nvm: '', omg: '', jk: '',
  tia: '', smh: '', lowkey: '', highkey: '', ok: '', okay: '', k: '', kk: '', hmm: '', hm: '', um: '', uh: '', ah: '', oh: '',
};

/** Numbers followed by a chat scale: "500bn", "20 bil", "1.5k". */
const SCALED_NUMBER = /(\d(?:[\d,.]*\d)?)\s*(bn|bil|billion|mil|mln|million|tn|tril|trillion|k)\b/gi;
const SCALE_OF: Record<string, string> = { bn: 'billion', bil: 'billion', mil: 'million', mln: 'million', tn: 'trillion', tril: 'trillion', k: 'thousand' };

// Emoji and pictographs, with their joiners and variation selectors.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200D\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;
// ":rocket:" style shortcodes, as Slack and Discord write them.
const SHORTCODE = /(^|\s):[a-z0-9_+-]{2,30}:(?=\s|$)/gi;
// Emoticons written with punctuation.
const EMOTICON = /(^|\s)(?:[:;=x8][-']?[)(\]\[dpo3/\\|*]+|<3|\^\^|\^_\^|¯\\_\(ツ\)_\/¯)(?=\s|$)/gi;

export interface CasualOptions {
  /** Extra chat forms, merged over the built-in table (a form mapped to '' is dropped). */
  forms?: Record<string, string>;
}

/**
 * Rewrites chat writing as plain English: emoji and emoticons dropped,
 * hashtags read as words, chat forms expanded, letters repeated for emphasis
 * ("sooo") shortened. Case is kept, so names stay names.
 */
export function normalizeCasual(text: string, options: CasualOptions = {}): string {
  const forms = options.forms ? { ...CHAT_FORMS, ...options.forms } : CHAT_FORMS;
  let out = text
    .replace(EMOJI, ' ')
    .replace(SHORTCODE, '$1 ')
    .replace(EMOTICON, '$1 ')
    // "#general" is a channel, "#AI" a topic: either way, a word.
    .replace(/(^|\s)#(?=\p{L})/gu, '$1')
    .replace(SCALED_NUMBER, (_, n: string, s: string) => `${n} ${SCALE_OF[s.toLowerCase()] ?? s.toLowerCase()}`)
    // "tl;dr" and "tldr": a request for a summary.
    .replace(/\btl;?\s?dr\b/gi, 'summary')
    // "??", "?!": one question mark says as much.
    .replace(/[?!]*\?[?!]*/g, '?');
  // (Not inside an abbreviation with dots: "U.S." is not "you".)
  out = out.replace(/(?<![\p{L}\p{N}@'’.])[\p{L}\p{N}]+(?:\/[\p{L}]*)?(?![\p{L}\p{N}'’]|\.\p{L})/gu, (word) => {
    const lower = word.toLowerCase();
    const form = entryOf(forms, lower);
    if (form !== undefined && lower !== form) return form;
    // Emphasis: three or more of a letter ("sooo", "plsss") to one.
    return /(\p{L})\1\1/u.test(word) ? word.replace(/(\p{L})\1{2,}/gu, '$1') : word;
  });
  return spellAmounts(out).replace(/\s+([,.;:?!])/g, '$1').replace(/\s+/g, ' ').trim();
}

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const SPELLED_AMOUNT = new RegExp(String.raw`\b(half an?|a quarter of an?|(?:a|one)\s+hundred(?:\s+and\s+${NUMBER_WORDS_SOURCE})?|an?(?=\s+(?:full\s+)?(?:million|billion|trillion))|${NUMBER_WORDS_SOURCE}|\d+(?:\.\d+)?)\s+(?:full\s+|whole\s+)?(thousand|million|billion|trillion)\b`, 'gi');

/**
 * Amounts written in words or in an unusual scale, as documents write them:
 * "fifty billion" -> "50 billion", "half a trillion" -> "500 billion",
 * "0.2 trillion" -> "200 billion".
 */
export function spellAmounts(text: string): string {
  return text.replace(SPELLED_AMOUNT, (match, count: string, scale: string) => {
    const lower = count.toLowerCase();
    let n: number;
    if (lower.startsWith('half')) n = 0.5;
    else if (lower === 'a' || lower === 'an') n = 1;
    else if (lower.startsWith('a quarter')) n = 0.25;
    else if (/^\d/.test(lower)) n = Number(lower);
    else n = readNumber(lower.replace(/^a\s+hundred/, 'one hundred')) ?? NaN;
    const value = n * SCALES[scale.toLowerCase()]!;
    if (!Number.isFinite(value) || value <= 0) return match;
    for (const [word, size] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6], ['thousand', 1e3]] as const) {
      if (value >= size) return `${Number((value / size).toFixed(3))} ${word}`;
    }
    return match;
  });
}
