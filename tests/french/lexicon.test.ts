/**
 * The lexicon: dictd files read (a small dictionary written by the test, so
 * the reader is tested on any machine), the folder from FREEDICT_DIR, the
 * English–French dictionary read backwards, cognates where the dictionary
 * lacks a word, and nothing but cognates where there is no dictionary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEntry, readDictd } from '../../src/understand/french/dictd.js';
import { loadFrenchLexicon } from '../../src/understand/french/index.js';
import { cognateSpellings } from '../../src/understand/french/cognates.js';
import { frenchLemmas } from '../../src/understand/french/forms.js';
import { dictionaryInstalled, withDictionary } from './helpers.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number): string => (n < 64 ? B64[n]! : b64(Math.floor(n / 64)) + B64[n % 64]!);

/** A dictd dictionary of these entries, gzipped as dictzip files are. */
function writeDictd(dir: string, name: string, entries: string[]): void {
  let offset = 0;
  const index: string[] = ['00databaseinfo\tA\tB'];
  const body = Buffer.concat(entries.map((e) => Buffer.from(e, 'utf8')));
  for (const e of entries) {
    const length = Buffer.byteLength(e, 'utf8');
    index.push(`${e.split(/[\s/<]/)[0]}\t${b64(offset)}\t${b64(length)}`);
    offset += length;
  }
  writeFileSync(join(dir, `${name}.index`), `${index.join('\n')}\n`);
  writeFileSync(join(dir, `${name}.dict.dz`), gzipSync(body));
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'freedict-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('dictd files', () => {
  it('parses an entry: headword, pronunciation, part of speech, senses', () => {
    expect(parseEntry('abaisser /abɛse/ <v>\n1. cry down, cut up\n2. abase\n')).toEqual({ headword: 'abaisser', pos: 'v', senses: [['cry down', 'cut up'], ['abase']] });
    expect(parseEntry('abat-jour /abaʒuʀ/ <n, masc>\nlamp-shade\n')).toEqual({ headword: 'abat-jour', pos: 'n', senses: [['lamp-shade']] });
    expect(parseEntry('Paris\nParis\n')).toEqual({ headword: 'Paris', senses: [['Paris']] });
  });

  it('reads a dictionary through its index, and names the file and line of a bad index', () => {
    const dir = tempDir();
    writeDictd(dir, 'freedict-fra-eng', ['phare /faʀ/ <n, masc>\nlighthouse, beacon\n', 'quai /ke/ <n, masc>\n1. quay, wharf\n2. platform\n']);
    expect(readDictd({ index: join(dir, 'freedict-fra-eng.index'), dict: join(dir, 'freedict-fra-eng.dict.dz') }).map((e) => e.headword)).toEqual(['phare', 'quai']);
    writeFileSync(join(dir, 'bad.index'), 'phare\t!!\tA\n');
    writeFileSync(join(dir, 'bad.dict.dz'), gzipSync(Buffer.from('x')));
    expect(() => readDictd({ index: join(dir, 'bad.index'), dict: join(dir, 'bad.dict.dz') })).toThrow(/bad\.index, line 1: not a dictd index line/);
  });
});

describe('loadFrenchLexicon', () => {
  it('reads the folder FREEDICT_DIR names, the English–French dictionary backwards too', () => {
    const dir = tempDir();
    writeDictd(dir, 'freedict-fra-eng', ['phare /faʀ/ <n, masc>\nlighthouse, beacon\n', 'quai /ke/ <n, masc>\n1. quay, wharf\n2. platform\n']);
    writeDictd(dir, 'freedict-eng-fra', ['tugboat /tʌgbout/\nremorqueur\n']);
    const before = process.env.FREEDICT_DIR;
    process.env.FREEDICT_DIR = dir;
    try {
      const lexicon = loadFrenchLexicon();
      expect(lexicon.hasDictionary()).toBe(true);
      expect(lexicon.translate('phares')).toMatchObject({ english: ['lighthouses', 'beacons'], source: 'dictionary', lemma: 'phare' });
      expect(lexicon.translate('remorqueurs')?.english).toEqual(['tugboats']);
      expect(lexicon.translate('quai')?.english[0]).toBe('quay');
      expect(lexicon.french('tugboat')).toBe('remorqueur');
    } finally {
      if (before === undefined) delete process.env.FREEDICT_DIR;
      else process.env.FREEDICT_DIR = before;
    }
  });

  it('falls back to cognates for a word the dictionary lacks, and marks them guessed', () => {
    const dir = tempDir();
    writeDictd(dir, 'freedict-fra-eng', ['phare /faʀ/ <n, masc>\nlighthouse\n']);
    const t = loadFrenchLexicon({ dir }).translate('électricité');
    expect(t).toMatchObject({ english: ['electricity'], source: 'cognate', guessed: ['electricity'] });
  });

  it('leaves out glosses that are French examples, adds the senses of the masculine to a feminine, and reads a cognate only where the documents use it and no sense', () => {
    const dir = tempDir();
    writeDictd(dir, 'freedict-fra-eng', [
      'falloir /falwaʀ/ <v>\n"Il faut quelque chose", We need something\n',
      'portuaire /pɔʀtyɛʀ/ <n, fem>\nharbourwoman\n',
      'portuair /pɔʀtyɛʀ/ <adj>\nharbour\n',
      'déployer /deplwaje/ <v>\nspread out\n',
    ]);
    const lexicon = loadFrenchLexicon({ dir });
    expect(lexicon.translate('falloir')?.english).toEqual(['We need something']);
    // Both base forms' senses; the documents' word first when it is one of them.
    expect(lexicon.translate('portuaire')?.english).toEqual(['harbourwoman', 'harbour']);
    expect(lexicon.translate('portuaire', (e) => e === 'harbour')?.english[0]).toBe('harbour');
    // "déployer": its sense, unless the documents use its cognate ("deploy") and not the sense.
    expect(lexicon.translate('déployer')?.english[0]).toBe('spread out');
    expect(lexicon.translate('déployer', (e) => e === 'deploy')?.english[0]).toBe('deploy');
    expect(lexicon.translate('déployer', (e) => e === 'deploy' || e === 'spread out')?.english[0]).toBe('spread out');
  });

  it('works with no dictionary in the folder: cognates only', () => {
    const lexicon = loadFrenchLexicon({ dir: tempDir() });
    expect(lexicon.hasDictionary()).toBe(false);
    expect(lexicon.translate('investissements')?.english[0]).toBe('investments');
    expect(lexicon.translate('technologique')?.english[0]).toBe('technological');
    expect(lexicon.translate('régulateur')?.english[0]).toBe('regulator');
    expect(lexicon.translate('zzzq')).toBeUndefined();
  });

  it.skipIf(!dictionaryInstalled)('FreeDict as installed: several candidates for an ambiguous word, a cognate ranked first among them', () => {
    const sommet = withDictionary().translate('sommet')!;
    expect(sommet.english[0]).toBe('summit');
    expect(sommet.english.length).toBeGreaterThan(1);
    expect(withDictionary().translate('annoncé', undefined, 'verb')?.english[0]).toBe('announced');
    expect(withDictionary().translate('argent')?.english).toContain('money');
  });
});

describe('French word forms and cognates', () => {
  it('finds base forms of plurals, feminines, participles and verb forms', () => {
    const lemmas = (w: string) => frenchLemmas(w).map((l) => l.lemma);
    expect(lemmas('chevaux')).toContain('cheval');
    expect(lemmas('annoncee')).toContain('annoncer');
    expect(lemmas('promis')).toContain('promettre');
    expect(lemmas('investissent')).toContain('investir');
    expect(lemmas('europeennes')).toContain('europeen');
  });

  it('spells English cognates by suffix rules', () => {
    expect(cognateSpellings('activite')).toContain('activity');
    expect(cognateSpellings('economique')).toContain('economic');
    expect(cognateSpellings('collaboratif')).toContain('collaborative');
    expect(cognateSpellings('industriel')).toContain('industrial');
    expect(cognateSpellings('etablissement', 'établissement')).toContain('establishment');
  });
});
