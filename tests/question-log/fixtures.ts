/** Answers and loggers for question-log tests: real Answer shapes, logs captured. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer } from '../../src/index.js';

export function answered(text: string, documentId = 'doc-a', paragraph = 2): Answer {
  return {
    answered: true,
    answer: text,
    quotes: [{ text: 'quoted words', source: { documentId, title: 'A document', paragraph, start: 0, end: 12 } }],
    figures: [],
    confidence: 0.8,
    kind: 'answer',
    suggestions: [],
  };
}

export function notFound(missing: string): Answer {
  return { answered: false, answer: missing, quotes: [], figures: [], confidence: 0.1, kind: 'not_found', suggestions: [] };
}

export interface CapturedLogger {
  lines: { level: 'warn' | 'info'; obj: object; msg: string }[];
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export function captureLogger(): CapturedLogger {
  const lines: CapturedLogger['lines'] = [];
  return {
    lines,
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
  };
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
