/** A small corpus to reload: the harbour fixture, plus a document to add and a broken one. */
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/index.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

const HARBOUR = fileURLToPath(new URL('../fixtures/harbour/', import.meta.url));

export const LIGHTHOUSE_DOC = `---
id: lighthouse-restoration
title: Northport restores its lighthouse
published: 2024-06-01
---
# Northport restores its lighthouse

The town council approved €3 million to restore the old lighthouse at the harbour mouth.

Work on the lighthouse begins in September 2024 and lasts eighteen months.
`;
export const LIGHTHOUSE_QUESTION = 'How much will the lighthouse restoration cost?';
export const LIGHTHOUSE_QUOTE = '€3 million to restore the old lighthouse';
/** NUL bytes: the loader refuses the file (not a text file), so the whole reload fails. */
export const BROKEN_DOC = Buffer.from('---\nid: broken\n---\n# Broken\n\u0000\u0000 binary junk\n');

export function harbourCorpus(): TempCorpus {
  const corpus = tempCorpus();
  cpSync(HARBOUR, corpus.dir, { recursive: true });
  return corpus;
}

/** Builds without the on-disk snapshot cache, so temporary corpora leave nothing behind. */
export const buildFresh = (corpusDir: string | undefined) => createEngine({ ...(corpusDir ? { corpusDir } : {}), snapshot: false });
