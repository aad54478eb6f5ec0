/**
 * Questions about a document itself ("when did this article come out?",
 * "what's the title?", "who wrote the post?", "is it a translation?"): its
 * details (title, date, author, publisher, kind, note) answer them, said in
 * the answer's words, with the document's opening sentence quoted to cite it.
 */
import type { Answer } from '../answer.js';
import * as compose from '../compose/compose.js';
import type { CorpusDocument } from '../corpus/document.js';
import type { Knowledge, Passage } from '../knowledge/knowledge.js';
import { terms } from '../text/analyze.js';
import { longDate } from '../text/wording.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import type { Candidate } from './measure.js';
import type { Proposal } from './proposal.js';

/** Words for a document as a whole. */
const DOCUMENT_WORDS = /\b(?:article|story|piece|post|report|document|doc|page|press release|release|paper|blog|thread|write-?up|newsletter|transcript|source|text)\b/i;

/** What a question asks of a document, by the words it uses. */
const FIELDS: { field: 'title' | 'published' | 'author' | 'publisher' | 'kind' | 'note' | 'url'; asked: RegExp }[] = [
  { field: 'title', asked: /\b(?:title|headline|called|name)\b/i },
  { field: 'published', asked: /\b(?:when|date|dated|published|come out|came out|released|written|posted|out)\b/i },
  { field: 'author', asked: /\b(?:who wrote|written by|author|by whom|byline|reporter|journalist)\b/i },
  { field: 'publisher', asked: /\b(?:publisher|published by|outlet|newspaper|site|website|who published|which paper)\b/i },
  { field: 'kind', asked: /\b(?:what kind|what type|what sort|genre|is it an?|is this an?)\b/i },
  { field: 'note', asked: /\b(?:translat\w*|language|note|machine|original|garbled|weird|accurate)\b/i },
  { field: 'url', asked: /\b(?:url|link|where can i read|online)\b/i },
];

/** A document's detail as the answer says it, when it has that detail. */
function detailOf(doc: CorpusDocument, field: (typeof FIELDS)[number]['field']): string | undefined {
  const meta = doc.meta;
  const author = meta.extra?.author;
  switch (field) {
    case 'title':
      return `its title is “${doc.title}”`;
    case 'published': {
      const date = meta.published instanceof Date ? meta.published.toISOString().slice(0, 10) : meta.published;
      return date ? `it is dated ${/^\d{4}-\d\d-\d\d$/.test(date) ? `${longDate(date)} (${date})` : date}` : undefined;
    }
    case 'author':
      return typeof author === 'string' && author.trim() ? `it is by ${author.trim()}` : undefined;
    case 'publisher':
      return meta.publisher ? `its publisher is ${meta.publisher}` : undefined;
    case 'kind':
      return meta.kind ? `it is a ${meta.kind}` : undefined;
    case 'note':
      return meta.note ? `its note says: ${meta.note}` : meta.language ? `it is in ${meta.language}` : undefined;
    case 'url':
      return meta.url ? `it is at ${meta.url}` : undefined;
  }
}

/** The document a question is about: the only one, else the one whose title shares most of its words, else that of the best candidate. */
function documentAsked(q: AnalyzedQuestion, k: Knowledge, candidates: readonly Candidate[]): CorpusDocument | undefined {
  const docs = k.corpus.documents;
  if (docs.length <= 1) return docs[0];
  const words = new Set(terms(q.text));
  const scored = docs.map((d) => ({ d, shared: terms(d.title).filter((t) => words.has(t)).length })).sort((a, b) => b.shared - a.shared);
  if (scored[0]!.shared > 0 && scored[0]!.shared > (scored[1]?.shared ?? 0)) return scored[0]!.d;
  return candidates.find((c) => c.passage)?.passage?.doc;
}

export function documentDetailsProposal(q: AnalyzedQuestion, k: Knowledge, candidates: readonly Candidate[]): Proposal | undefined {
  if (!DOCUMENT_WORDS.test(q.text)) return undefined;
  const doc = documentAsked(q, k, candidates);
  if (!doc) return undefined;
  const asked = FIELDS.filter((f) => f.asked.test(q.text));
  const details = asked.map((f) => detailOf(doc, f.field)).filter((d): d is string => d !== undefined);
  if (!details.length) return undefined;
  const first = k.firstPassage.get(doc);
  const opening: Passage | undefined = first === undefined ? undefined : k.passages[first];
  if (!opening) return undefined;
  const text = `Of the document “${doc.title}”: ${details.join('; ')}.`;
  return {
    kind: 'document',
    passages: [opening],
    signals: { document_details: details.length / Math.max(1, asked.length) },
    ref: `document ${doc.id}`,
    text,
    compose: (confidence): Answer => compose.answerFromPassagesWithLead(text, [opening], k, q, confidence),
  };
}
