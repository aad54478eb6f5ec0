/**
 * Messages that are not questions about the sources: greetings, thanks,
 * requests for help. They get a short introduction, not an abstention.
 */
import { fold } from '../text/normalize.js';

export type SmallTalk = 'greeting' | 'thanks' | 'help';

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day)|bonjour|salut)(?: there| bot| everyone| all)?[\s!.?]*$/;
const THANKS = /^(?:thanks?(?: you)?(?: (?:so|very) much)?|thx|ty|cheers|merci|great,? thanks|ok,? thanks)[\s!.?]*$/;
const HELP = /^(?:help|\?|h|usage|what can you do|what do you (?:do|know)|who are you|what are you|how does this work|how do i use (?:this|you)|commands|what can i ask(?: you)?)[\s!.?]*$/;

export function smallTalkKind(question: string): SmallTalk | undefined {
  const q = fold(question).trim();
  if (GREETING.test(q)) return 'greeting';
  if (THANKS.test(q)) return 'thanks';
  if (HELP.test(q)) return 'help';
  return undefined;
}

/** What the bot does, naming the documents it answers from (the first few titles): the same words on any corpus. */
export function introduction(titles: readonly string[]): string {
  const shown = titles.slice(0, 2).map((t) => `“${t}”`).join(' and ');
  const sources = titles.length === 1 ? `one source document, ${shown}` : `${titles.length} source documents${shown ? ` (among them ${shown})` : ''}`;
  return `I answer questions from ${sources}, quoting them word for word with the paragraph each quote comes from. When the sources don't say, I tell you.`;
}
