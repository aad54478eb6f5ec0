/**
 * Cognate rules, one test each: the English spelling a French ending takes,
 * and, read through the lexicon with no dictionary at all, that a guess
 * counts only when English has the word ("conçu" never becomes "conced").
 */
import { describe, expect, it } from 'vitest';
import { cognateSpellings } from '../../src/understand/french/cognates.js';
import { cognatesOnly } from './helpers.js';

/** The first English candidate the lexicon gives with no dictionary (the general words of vocabulary.ts aside). */
const cognate = (word: string) => cognatesOnly().translate(word)?.english[0];

describe('English spellings of French endings', () => {
  it.each([
    ['-ariat -> -arship, -ariat', 'partenariat', 'partnership'],
    ['-ariat -> -ariat', 'secretariat', 'secretariat'],
    ['-isme -> -ism', 'socialisme', 'socialism'],
    ['-iste -> -ist', 'journaliste', 'journalist'],
    ['-ité -> -ity', 'activite', 'activity'],
    ['-ique -> -ic', 'economique', 'economic'],
    ['-eur -> -or', 'directeur', 'director'],
    ['-tion -> -tion', 'revolution', 'revolution'],
    ['-sion -> -sion', 'television', 'television'],
    ['-ement -> -ment', 'gouvernement', 'government'],
    ['-able -> -ible', 'responsable', 'responsible'],
    ['-ible -> -ible', 'possible', 'possible'],
    ['-aire -> -ary', 'necessaire', 'necessary'],
    ['-oire -> -ory', 'territoire', 'territory'],
    ['-if -> -ive', 'positif', 'positive'],
    ['-ive -> -ive', 'collaborative', 'collaborative'],
    ['-eux -> -ous', 'dangereux', 'dangerous'],
    ['-ie -> -y', 'industrie', 'industry'],
    ['-ogie -> -ogy', 'biologie', 'biology'],
    ['-graphie -> -graphy', 'photographie', 'photography'],
    ['-uire -> -uce', 'reduire', 'reduce'],
    ['-uire -> -uct', 'construire', 'construct'],
    ['-tre -> -ter', 'ministre', 'minister'],
  ])('%s', (_rule, french, english) => {
    expect(cognateSpellings(french)).toContain(english);
  });

  it('é- -> es-, s-, ex-: établissement, état, échange, étendre', () => {
    expect(cognateSpellings('etablissement', 'établissement')).toContain('establishment');
    expect(cognateSpellings('etat', 'état')).toContain('state');
    expect(cognateSpellings('echange', 'échange')).toContain('exchange');
    expect(cognateSpellings('etendre', 'étendre')).toContain('extend');
  });
});

describe('a cognate counts only when English has the word', () => {
  it('reads cognates of every rule into English words, with no dictionary', () => {
    expect(cognate('socialisme')).toBe('socialism');
    expect(cognate('biologie')).toBe('biology');
    expect(cognate('photographie')).toBe('photography');
    expect(cognate('responsable')).toBe('responsible');
    expect(cognate('territoire')).toBe('territory');
    expect(cognate('échange')).toBe('exchange');
    expect(cognate('étendre')).toBe('extend');
    expect(cognate('construire')).toBe('construct');
  });

  it('"conçu" is never "conced": a guess whose English form English lacks is dropped', () => {
    const translation = cognatesOnly().translate('conçu', undefined, 'verb');
    expect(translation?.english ?? []).not.toContain('conced');
    expect(cognatesOnly().translate('conçue')?.english ?? []).not.toContain('conced');
  });

  it('a typed participle’s cognate is its English participle when English has it: "mobilisés" -> "mobilised"', () => {
    expect(cognatesOnly().translate('mobilisés', undefined, 'verb')?.english).toContain('mobilised');
  });
});
