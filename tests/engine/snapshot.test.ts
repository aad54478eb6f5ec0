/**
 * Snapshots are a speed-up that is never trusted blindly: keyed by the corpus
 * contents (not the files' times), signed with a key that never goes into a
 * snapshot (HMAC-SHA-256), private to the user, ignored with one warning and
 * rebuilt when corrupt, forged or foreign, never a source of words a
 * Markdown document does not hold now, and temporary files of dead writers
 * are removed.
 */
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { readCorpus } from '../../src/corpus/read.js';
import { engineFingerprint, KEY_FILE, loadSnapshot, prune, readSnapshotKey, snapshotKey } from '../../src/knowledge/snapshot.js';
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
let warnings: string[] = [];
beforeEach(() => {
  warnings = [];
});
const start = () => createEngine({ corpusDir: corpus.dir, snapshot: { dir, onWarning: (line) => warnings.push(line) }, onWarning: () => {} });
const cost = async () => (await start()).ask('How much will the Lumen bridge cost?').quotes[0]?.text;
/** The key the engine saved under (its file's name), with the corpus files as read now. */
const currentKey = async () => ({ ...snapshotKey(corpus.dir, await readCorpus(corpus.dir)), id: snapshots()[0]!.replace('.snapshot', '') });
const quiet = () => ({ dir, onWarning: () => {} });

/** A snapshot file split as an editor of it would: the header object and the bytes after the header line. */
function openSnapshot(): { path: string; header: Record<string, unknown>; payload: Buffer } {
  const path = join(dir, snapshots()[0]!);
  const file = readFileSync(path);
  const newline = file.indexOf(10);
  return { path, header: JSON.parse(file.toString('utf8', 0, newline)) as Record<string, unknown>, payload: file.subarray(newline + 1) };
}

const FAKE = (payload: Buffer) => Buffer.from(payload.toString('utf8').replaceAll('€12 million', '€99 million'), 'utf8');

describe('snapshots', () => {
  it('are written with mode 0600 and a header with the key and an HMAC-SHA-256 of the content; the key file beside them is 0600 and in no snapshot', async () => {
    await start();
    const [name] = snapshots();
    expect(name).toBeDefined();
    expect(statSync(join(dir, name!)).mode & 0o777).toBe(0o600);
    const { header, payload } = openSnapshot();
    expect(header).toMatchObject({ magic: 'summit-qa-snapshot', key: name!.replace('.snapshot', ''), hmac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(header).not.toHaveProperty('sha256');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const key = readSnapshotKey(dir) as Buffer;
    expect(key).toBeInstanceOf(Buffer);
    expect(payload.includes(key)).toBe(false);
    expect(payload.includes(key.toString('hex'))).toBe(false);
  });

  it('an edited payload under a recomputed unkeyed SHA-256 header is ignored with one warning: the fake quote is never served', async () => {
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    const { path, header, payload } = openSnapshot();
    const fake = FAKE(payload);
    expect(fake.equals(payload)).toBe(false);
    // What an editor without the key can do: the header as it used to be checked, over the new bytes.
    const forged = { magic: header.magic, format: header.format, key: header.key, sha256: createHash('sha256').update(fake).digest('hex'), bytes: fake.length };
    writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(forged)}\n`), fake]));
    warnings = [];
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^snapshot .+\.snapshot ignored \(its header or HMAC does not match\); rebuilding the index$/);
    // Rebuilt and replaced: the next start uses it without a word.
    warnings = [];
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(warnings).toEqual([]);
  });

  it('even a snapshot signed with the key cannot change a Markdown document\'s words: its text is checked against the file as read now', async () => {
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    const { path, header, payload } = openSnapshot();
    const fake = FAKE(payload);
    // Someone who could read the key file signs the edited bytes as the bot would.
    const secret = readSnapshotKey(dir) as Buffer;
    const hmac = createHmac('sha256', secret).update(`${header.magic}\0${header.format}\0${header.key}\0${fake.length}\0`).update(fake).digest('hex');
    writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, hmac, bytes: fake.length })}\n`), fake]));
    expect(loadSnapshot(await currentKey(), { dir, onWarning: (line) => warnings.push(line) })).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/ignored \(the text of .*bridge\.md differs from the file\); rebuilding the index$/)]);
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
  });

  it('a key file that is a link, open to other users, or not a key is not trusted: the snapshot is ignored, and the next save makes a new key', async () => {
    await start();
    const keyPath = join(dir, KEY_FILE);
    const original = readFileSync(keyPath);
    chmodSync(keyPath, 0o644);
    expect(readSnapshotKey(dir)).toMatch(/open to other users \(mode 644\)/);
    expect(loadSnapshot(await currentKey(), { dir, onWarning: (line) => warnings.push(line) })).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/ignored \(no key to verify it: snapshot\.key is open to other users \(mode 644\)\)/)]);
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPath).equals(original)).toBe(false);
    expect(loadSnapshot(await currentKey(), quiet())).toBeDefined();

    const elsewhere = join(dir, 'elsewhere.key');
    writeFileSync(elsewhere, readFileSync(keyPath), { mode: 0o600 });
    unlinkSync(keyPath);
    symlinkSync(elsewhere, keyPath);
    expect(readSnapshotKey(dir)).toBe('snapshot.key is a link');
    writeFileSync(elsewhere, 'short', { mode: 0o600 });
    unlinkSync(keyPath);
    writeFileSync(keyPath, 'short', { mode: 0o600 });
    expect(readSnapshotKey(dir)).toBe('snapshot.key is not a key');
  });

  it('a snapshot without its key file is ignored with a warning, then rebuilt under a new key', async () => {
    await start();
    unlinkSync(join(dir, KEY_FILE));
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(warnings).toEqual([expect.stringMatching(/ignored \(no key to verify it: snapshot\.key is missing\)/)]);
    expect(loadSnapshot(await currentKey(), quiet())).toBeDefined();
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
    const key = await currentKey();
    writeFileSync(path, text.replace('€12 million', '€99 million'));
    expect(loadSnapshot(key, quiet())).toBeUndefined();
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(loadSnapshot(key, quiet())).toBeUndefined();
    expect(await cost()).toBe('The Lumen bridge will cost €12 million.');
    expect(loadSnapshot(key, quiet())).toBeDefined();
  });

  it('a snapshot stored under another key is not used', async () => {
    await start();
    const name = snapshots()[0]!;
    const other = '0'.repeat(32);
    writeFileSync(join(dir, `${other}.snapshot`), readFileSync(join(dir, name)));
    expect(loadSnapshot({ ...(await currentKey()), id: other }, quiet())).toBeUndefined();
  });

  it('the key covers every file, the bytes, and what was skipped', async () => {
    const raw = await readCorpus(corpus.dir);
    const key = snapshotKey(corpus.dir, raw).id;
    expect(snapshotKey(corpus.dir, { ...raw, files: raw.files.map((f) => ({ ...f, bytes: Buffer.from(f.bytes.toString().replace('12', '13')) })) }).id).not.toBe(key);
    expect(snapshotKey(corpus.dir, { ...raw, files: [] }).id).not.toBe(key);
    expect(snapshotKey(corpus.dir, raw).id).toBe(key);
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
