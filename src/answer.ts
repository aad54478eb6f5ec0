import { z } from 'zod';

/** Longest quote an Answer may carry, in UTF-16 code units (design.md). */
export const MAX_QUOTE_CHARS = 300;
/** Most quotes an answered Answer carries. */
export const MAX_QUOTES = 4;

export const SourceSchema = z.object({
  documentId: z.string().min(1),
  title: z.string(),
  /** Paragraph number in the document, counting from 1. */
  paragraph: z.number().int().min(1),
  /** UTF-16 offsets into the document body: body.slice(start, end) === quote text. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  url: z.string().optional(),
});

export const QuoteSchema = z.object({
  /** Verbatim text of the document; never paraphrased or trimmed inside. */
  text: z.string().min(1).max(MAX_QUOTE_CHARS),
  source: SourceSchema,
  /** Who said it, where the document attributes the words to someone. */
  speaker: z.string().optional(),
});

export const FigureSchema = z.object({
  id: z.string(),
  kind: z.enum(['money', 'duration', 'date', 'count']),
  /** What the figure is, in plain words. */
  what: z.string(),
  /** Human form: "€200 billion", "four years", "February 11, 2025". */
  display: z.string(),
  amount: z.number().optional(),
  currency: z.enum(['EUR', 'USD']).optional(),
  who: z.string().optional(),
  when: z.string().optional(),
  source: SourceSchema,
});

export const AnswerKindSchema = z.enum([
  'answer', // answered from the sources
  'not_found', // the sources do not hold the answer
  'help', // greeting or help request: an introduction, not an abstention
  'invalid', // the question itself could not be used (empty, garbage)
]);

export const AnswerSchema = z
  .object({
    answered: z.boolean(),
    answer: z.string().min(1),
    quotes: z.array(QuoteSchema).max(MAX_QUOTES),
    figures: z.array(FigureSchema),
    confidence: z.number().min(0).max(1),
    kind: AnswerKindSchema,
    /** Questions the corpus can answer, offered when this one could not be. */
    suggestions: z.array(z.string()),
  })
  .refine((a) => !a.answered || a.quotes.length >= 1, {
    message: 'an answered Answer carries at least one quote',
    path: ['quotes'],
  });

export type Source = z.infer<typeof SourceSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type AnswerKind = z.infer<typeof AnswerKindSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
