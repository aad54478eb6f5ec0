/**
 * "source?", "link?", "who said that?": questions about the previous answer
 * itself, answered from its quotes, never by a new search.
 */
import type { Answer } from '../answer.js';
import * as compose from '../compose/compose.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { ConversationState } from '../understand/conversation.js';

const ASKS_SOURCE = /^(?:(?:what(?: is|'s)? the |any |got a |the |a )?(?:sources?|links?|urls?|quotes?|citations?|cites?|refs?|references?|proof|evidence)|where(?: is|'s)? (?:that|this|it) from|where does it say (?:that|so|this)|says who|according to (?:what|whom?)|(?:can you |could you )?(?:cite|quote) (?:that|it|this|them)|show me the (?:sources?|quotes?))(?: (?:for|of) (?:that|this|it))?(?: please)?[\s?!.]*$/i;
const ASKS_SPEAKER = /^(?:who (?:said|says|wrote|tweeted|posted|claimed) (?:that|this|it)|(?:whose|who's) (?:words|quote|claim) (?:is|was) (?:that|this|it)|who was that|who is that quote from|who(?:'s| is) (?:that|it) from)(?: please)?[\s?!.]*$/i;

/** "source?", "link?", "who said that?": answered from the previous answer, never a new search. */
export function answerAboutLast(text: string, previous: Omit<ConversationState, 'at'>, k: Knowledge): { kind: 'sources' | 'speaker'; answer: Answer } | undefined {
  const last = previous.answer;
  if (!last || !last.answered || last.quotes.length === 0) return undefined;
  const asked = text.trim();
  if (ASKS_SOURCE.test(asked)) {
    const cited = [...new Set(last.quotes.map((q) => `${q.source.title}, paragraph ${q.source.paragraph}${q.source.url ? ` (${q.source.url})` : ''}`))];
    return { kind: 'sources', answer: compose.fromEarlier(`That answer quotes ${cited.join('; ')}.`, last) };
  }
  if (ASKS_SPEAKER.test(asked)) {
    const lead = last.quotes[0]!;
    const doc = k.corpus.documents.find((d) => d.id === lead.source.documentId);
    const who = lead.speaker ?? (doc?.meta.publisher ? `${doc.meta.publisher} (the publisher; the passage names no speaker)` : undefined);
    const answer = who
      ? compose.fromEarlier(`${who}${lead.speaker ? ' said it, according to the source' : ''}.`, { ...last, quotes: [lead] })
      : compose.notFound(`The source doesn't say who said that: the passage in ${lead.source.title}, paragraph ${lead.source.paragraph}, names no speaker.`, []);
    return { kind: 'speaker', answer };
  }
  return undefined;
}
