/**
 * The check that `npm test` leaves the project's own files alone (global
 * setup, user-files.ts), on a made-up project in a temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changesBetween, filesState } from './user-files.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = mkdtempSync(join(tmpdir(), 'qa-user-files-'));
  mkdirSync(join(root, 'corpus'));
  writeFileSync(join(root, 'corpus', 'article.md'), 'Text.\n');
  writeFileSync(join(root, 'README.md'), '# A project\n');
  return root;
}

describe('the project-files check', () => {
  it('finds nothing when nothing changed', () => {
    const dir = project();
    expect(changesBetween(filesState(dir), filesState(dir))).toEqual([]);
  });

  it('names a question log created in data/, as a service with the default log would', () => {
    const dir = project();
    const before = filesState(dir);
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'summit-qa.sqlite'), 'rows');
    expect(changesBetween(before, filesState(dir))).toEqual(['data: created', 'data/summit-qa.sqlite: created']);
  });

  it('names a file rewritten in data/ even at the same size, a corpus file removed, and a new file at the top', () => {
    const dir = project();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'summit-qa.sqlite'), 'rows');
    utimesSync(join(dir, 'data', 'summit-qa.sqlite'), 1_000, 1_000);
    const before = filesState(dir);
    writeFileSync(join(dir, 'data', 'summit-qa.sqlite'), 'ROWS');
    rmSync(join(dir, 'corpus', 'article.md'));
    writeFileSync(join(dir, 'chart.png'), 'png');
    expect(changesBetween(before, filesState(dir)).sort()).toEqual(['chart.png: created', 'corpus/article.md: removed', 'data/summit-qa.sqlite: changed']);
  });
});
