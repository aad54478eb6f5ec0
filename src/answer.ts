/**
 * The Answer contract (design.md) as zod schemas, with the TypeScript types
 * inferred from them. zod takes longer to load than the engine takes to start
 * and answer, and answering does not need it, so the schemas are built on
 * first use: answerSchemas().AnswerSchema.parse(value).
 */
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';

/** Longest quote an Answer may carry, in UTF-16 code units (design.md). */
export const MAX_QUOTE_CHARS = 300;
/** Most quotes an answered Answer carries. */
export const MAX_QUOTES = 4;

function defineSchemas(z: typeof Z) {
  const SourceSchema = z.object({
    documentId: z.string().min(1),
    title: z.string(),
    /** Paragraph number in the document, counting from 1. */
    paragraph: z.number().int().min(1),
    /** UTF-16 offsets into the document body: body.slice(start, end) === quote text. */
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    url: z.string().optional(),
    /** Page of a paginated source (PDF), counting from 1. */
    page: z.number().int().min(1).optional(),
  });

  const QuoteSchema = z.object({
    /** Verbatim text of the document; never paraphrased or trimmed inside. */
    text: z.string().min(1).max(MAX_QUOTE_CHARS),
    source: SourceSchema,
    /** Who said it, where the document attributes the words to someone. */
    speaker: z.string().optional(),
  });

  const FigureSchema = z.object({
    id: z.string(),
    kind: z.enum(['money', 'duration', 'date', 'count', 'percent']),
    /** What the figure is, in plain words. */
    what: z.string(),
    /** Human form: "€200 billion", "four years", "February 11, 2025". */
    display: z.string(),
    amount: z.number().optional(),
    currency: z.enum(['EUR', 'USD', 'GBP']).optional(),
    who: z.string().optional(),
    when: z.string().optional(),
    source: SourceSchema,
  });

  const AnswerKindSchema = z.enum([
    'answer', // answered from the sources
    'not_found', // the sources do not hold the answer
    'help', // greeting or help request: an introduction, not an abstention
    'invalid', // the question itself could not be used (empty, garbage)
  ]);

  const AnswerSchema = z
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

  return { SourceSchema, QuoteSchema, FigureSchema, AnswerKindSchema, AnswerSchema };
}

export type AnswerSchemas = ReturnType<typeof defineSchemas>;
let schemas: AnswerSchemas | undefined;

/** The schemas of the Answer contract (zod is loaded on the first call). */
export function answerSchemas(): AnswerSchemas {
  if (!schemas) {
    const require = createRequire(import.meta.url);
    schemas = defineSchemas((require('zod') as { z: typeof Z }).z);
  }
  return schemas;
}

export type Source = Z.infer<AnswerSchemas['SourceSchema']>;
export type Quote = Z.infer<AnswerSchemas['QuoteSchema']>;
export type Figure = Z.infer<AnswerSchemas['FigureSchema']>;
export type AnswerKind = Z.infer<AnswerSchemas['AnswerKindSchema']>;
export type Answer = Z.infer<AnswerSchemas['AnswerSchema']>;
