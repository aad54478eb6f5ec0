/**
 * Snapshots are a speed-up that is never trusted blindly: keyed by the corpus
 * contents (not the files' times), checksummed, private to the user, rebuilt
 * when corrupt or foreign, and temporary files of dead writers are removed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { readCorpus } from '../../src/corpus/read.js';
import { engineFingerprint, loadSnapshot, prune, snapshotKey } from '../../src/knowledge/snapshot.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

let corpus: TempCorpus;
let dir: string;
beforeEach(() => {
  corpus = tempCorpus();
  corpus.write('bridge.md', 'The Lumen bridge will cost €12 million.\n');
  dir = mkdtempSync(join(tmpdir(), 'summit-qa-snapshots-'));
});
afterEach(() => {
  corpus.remove();
  rmSync(dir, { recursive: true, force: true });
});

const snapshots = () => readdirSync(dir).filter((n) => n.endsWith('.snapshot'));
const start = () => createEngine({ corpusDir: corpus.dir, snapshot: { dir }, onWarning: () => {} });
const cost = async () => (await start()).ask('How much will the Lumen bridge cost?').quotes[0]?.text;

describe('snapshots', () => {
  it('are written with mode 0600 and a header with the key and a SHA-256 of the content', async () => {
    await start();
    const [name] = snapshots();
    expect(name).toBeDefined();
    expect(statSync(join(dir, name!)).mode & 0o777).toBe(0o600);
    const header = JSON.parse(readFileSync(join(dir, name!), 'utf8').split('\n', 1)[0]!);
    expect(header).toMatchObject({ magic: 'summit-qa-snapshot', key: name!.replace('.snapshot', ''), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('are keyed by contents: the same size and time with other words is another corpus', async () => {
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    const file = join(corpus.dir, 'bridge.md');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'The Lumen bridge will cost €13 million.\n');
    utimesSync(file, atime, mtime);
    expect(await cost()).toBe('The Lumen bridge will cost €13 million.');
  });

  it('a corrupt or altered snapshot is not trusted: it is rebuilt and replaced', async () => {
    await start();
    const path = join(dir, snapshots()[0]!);
    const text = readFileSync(path, 'utf8');
    const key = snapshots()[0]!.replace('.snapshot', '');
    writeFileSync(path, text.replace('€12 million', '€99 million'));
    expect(loadSnapshot(key, { dir })).toBeUndefined();
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(loadSnapshot(key, { dir })).toBeUndefined();
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(loadSnapshot(key, { dir })).toBeDefined();
  });

  it('a snapshot stored under another key is not used', async () => {
    await start();
    const name = snapshots()[0]!;
    const other = '0'.repeat(32);
    writeFileSync(join(dir, `${other}.snapshot`), readFileSync(join(dir, name)));
    expect(loadSnapshot(other, { dir })).toBeUndefined();
  });

  it('the key covers every file, the bytes, and what was skipped', async () => {
    const raw = await readCorpus(corpus.dir);
    const key = snapshotKey(corpus.dir, raw);
    expect(snapshotKey(corpus.dir, { ...raw, files: raw.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes.toString().replace('12', '13')) })) })).not.toBe(key);
    expect(snapshotKey(corpus.dir, { ...raw, files: [] })).not.toBe(key);
    expect(snapshotKey(corpus.dir, raw)).toBe(key);
  });

  it('the engine fingerprint covers the code and the lock file', () => {
    const root = mkdtempSync(join(tmpdir(), 'summit-qa-root-'));
    try {
      writeFileSync(join(root, 'engine.ts'), 'export const a = 1;');
      writeFileSync(join(root, 'package-lock.json'), '{"packages": {"node_modules/minisearch": {"version": "7.2.0"}}}');
      const first = engineFingerprint(root, root);
      expect(engineFingerprint(root, root)).toBe(first);
      writeFileSync(join(root, 'package-lock.json'), '{"packages": {"node_modules/minisearch": {"version": "7.2.1"}}}');
      const second = engineFingerprint(root, root);
      expect(second).not.toBe(first);
      writeFileSync(join(root, 'engine.ts'), 'export const a = 2;');
      expect(engineFingerprint(root, root)).not.toBe(second);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('warnings of a corpus served from a snapshot are reported again at every start', async () => {
    corpus.write('empty.md', '');
    const seen: string[][] = [[], []];
    for (const lines of seen) await createEngine({ corpusDir: corpus.dir, snapshot: { dir }, onWarning: (l) => lines.push(l) });
    expect(snapshots()).toHaveLength(1);
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]![0]).toMatch(/empty\.md, field "body": the document has no text \(document skipped\)/);
  });

  it('temporary files of a writer that is gone, or old ones, are removed; a live writer\'s recent one is kept', () => {
    writeFileSync(join(dir, 'a.snapshot.999999999.tmp'), 'x'); // no such process
    writeFileSync(join(dir, `b.snapshot.${process.ppid}.tmp`), 'x'); // alive, recent
    writeFileSync(join(dir, `c.snapshot.${process.ppid}.tmp`), 'x');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, `c.snapshot.${process.ppid}.tmp`), old, old);
    prune(dir, 8);
    expect(readdirSync(dir).sort()).toEqual([`b.snapshot.${process.ppid}.tmp`]);
    expect(existsSync(join(dir, 'a.snapshot.999999999.tmp'))).toBe(false);
  });
});
