import { z } from 'zod';
import { isPartialIsoDate, isRealIsoDate } from './dates.js';

export { isPartialIsoDate, isRealIsoDate };

/** A calendar date written YYYY-MM-DD that actually exists (no 2025-02-30). */
export const IsoDate = z.string().refine(isRealIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');

export const FigureRecordSchema = z
  .object({
    id: Id,
    kind: z.enum(['money', 'duration', 'date', 'count', 'percent']),
    what: z.string().min(3),
    display: z.string().min(1),
    amount: z.number().nonnegative().optional(),
    currency: z.enum(['EUR', 'USD', 'GBP']).optional(),
    /** Ids of figures that add up to this one (the article states the total). */
    parts: z.array(Id).default([]),
    approximate: z.boolean().optional(),
    who: Id.optional(),
    subjects: z.array(Id).default([]),
    when: z.string().min(1).optional(),
    keywords: z.array(z.string().min(1)).default([]),
    document: z.string().min(1),
    quote: z.string().min(1).max(300),
    also: z.array(z.string().min(1).max(300)).default([]),
  })
  .strict()
  .refine((f) => f.kind !== 'money' || (f.amount !== undefined && f.currency !== undefined), {
    message: 'a money figure needs both amount and currency',
    path: ['amount'],
  })
  .refine((f) => f.when === undefined || !/^\d{4}-/.test(f.when) || isPartialIsoDate(f.when), {
    message: 'must be a real date written YYYY-MM-DD (or YYYY-MM), or words such as "January"',
    path: ['when'],
  });

export const EntitySchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    kind: z.enum(['person', 'organisation', 'programme', 'place', 'event', 'group']),
    aliases: z.array(z.string().min(1)).default([]),
    /** For places: what sort, so "which city?" is not answered with a country. */
    place: z.enum(['city', 'region', 'country', 'continent']).optional(),
    /** Adjective forms ("French"): they name the entity but do not answer "where?". */
    adjectives: z.array(z.string().min(1)).default([]),
    pronouns: z.array(z.string().min(1)).default([]),
    description: z.string().optional(),
    /** Verbatim sentences of `document` that say what the entity is (checked at load). */
    definition: z.array(z.string().min(1).max(300)).default([]),
    /** Document the definition quotes come from. */
    document: z.string().min(1).optional(),
    /** Questions about this entity that the corpus answers, offered as suggestions. */
    questions: z.array(z.string().min(3)).default([]),
  })
  .strict()
  .refine((e) => e.definition.length === 0 || e.document !== undefined, { message: 'a definition needs the document it quotes', path: ['document'] });

export const LexiconSchema = z
  .object({
    /** Groups of words treated as one another's synonyms when searching. */
    synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /** Words that only frame a question ("tell", "role"): never reported as missing. */
    frame: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Front matter as the readers normalise it. */
export type { DocumentMeta as FrontMatter } from './readers/front-matter.js';
export type FigureRecord = z.infer<typeof FigureRecordSchema>;
export type EntityRecord = z.infer<typeof EntitySchema>;
export type LexiconRecord = z.infer<typeof LexiconSchema>;
