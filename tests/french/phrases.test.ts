/**
 * Reading words beyond one word at a time: hyphenated compounds part by
 * part, expressions of general French, French acronyms into English, the
 * familiar words for money (and "blé" only when the message is about
 * money), and the other English senses a word keeps as alternatives. On
 * the summit's words and on other topics'.
 */
import { describe, expect, it } from 'vitest';
import { readFrench } from '../../src/understand/french/index.js';
import { acronymEnglish } from '../../src/understand/french/acronyms.js';
import { matchExpression } from '../../src/understand/french/expressions.js';
import { tokenize } from '../../src/understand/french/tokens.js';
import { cognatesOnly, dictionaryInstalled, withDictionary } from './helpers.js';

const english = (text: string) => readFrench(text, withDictionary()).english;
const word = (text: string, french: string) => readFrench(text, withDictionary()).words.find((w) => w.french === french);

describe.skipIf(!dictionaryInstalled)('hyphenated compounds, part by part', () => {
  it('"public-privé" -> "public-private", "franco-allemand" -> "Franco-German"', () => {
    expect(english('le plus grand partenariat public-privé')).toMatch(/public-private/);
    expect(english("l'accord franco-allemand")).toMatch(/agreement Franco-German/);
  });

  it('prefixes: "ex-ministre" -> "ex-minister", "vice-présidente" -> "vice-president"', () => {
    expect(english("l'ex-ministre")).toBe('the ex-minister');
    expect(english('la vice-présidente')).toBe('the vice-president');
  });

  it('a compound whose parts nobody knows is kept as typed, and said so', () => {
    const r = readFrench('le zorglub-quarx', withDictionary());
    expect(r.english).toBe('the zorglub-quarx');
    expect(r.notTranslated).toContain('zorglub-quarx');
  });
});

describe('expressions of general French', () => {
  it('are matched on folded words, a plural matching its singular', () => {
    const folded = (text: string) => tokenize(text).map((t) => t.folded);
    expect(matchExpression(folded('jeunes pousses européennes'))).toEqual({ length: 2, english: ['startups', 'start-ups', 'young company'] });
    expect(matchExpression(folded('à huis clos'))?.english[0]).toBe('behind closed doors');
    expect(matchExpression(folded("chef d'État"))?.english[0]).toBe('head of state');
    expect(matchExpression(folded('huis'))).toBeUndefined();
  });

  it.skipIf(!dictionaryInstalled)('read as their English inside a question, on the summit and on other topics', () => {
    expect(english("Qu'a dit la présidente sur les jeunes pousses ?")).toMatch(/startups/);
    expect(english('Le sujet sera discuté à huis clos ?')).toMatch(/behind closed doors/);
    expect(english('Le reportage a-t-il été mis à jour ?')).toMatch(/updated/);
    expect(english("Qui a pris la parole à l'ouverture ?")).toMatch(/^who spoke/);
    expect(english("Les chefs d'État sont arrivés la veille")).toMatch(/heads of state .*the eve/);
    expect(english('Le club a-t-il un nouveau porte-parole ?')).toMatch(/spokesperson/);
    expect(english("Le centre de données ouvrira d'ici 2030 ?")).toMatch(/data centre .*by 2030/);
  });

  it('keep their other English as alternatives', () => {
    const w = readFrench('les jeunes pousses', cognatesOnly()).words.find((x) => x.source === 'phrase');
    expect(w).toMatchObject({ french: 'jeunes pousses', english: 'startups' });
    expect(w?.alternatives).toContain('start-ups');
  });
});

describe('French acronyms in English', () => {
  it.each([
    ['UE', 'EU'], ['ONU', 'UN'], ['OTAN', 'NATO'], ['É.-U.', 'US'], ['E.-U.', 'US'], ['RU', 'UK'], ['BCE', 'ECB'], ['PME', 'SMEs'], ['PIB', 'GDP'], ['IA', 'AI'],
    ['TVA', 'VAT'], ['U.E.', 'EU'], ['PDG', 'CEO'], ['OMS', 'WHO'], ['FMI', 'IMF'],
  ])('%s -> %s', (french, english) => {
    expect(acronymEnglish(french)).toBe(english);
  });

  it('in lower case only where the lower case is no French word: "l\'ue", "les pme", but never "ce" or "eu"', () => {
    expect(acronymEnglish('ue')).toBe('EU');
    expect(acronymEnglish('pme')).toBe('SMEs');
    expect(acronymEnglish('ce')).toBeUndefined();
    expect(acronymEnglish('eu')).toBeUndefined();
    expect(acronymEnglish('ru')).toBeUndefined();
  });

  it('"les EU" are the United States; "l\'EU" the European Union typed in English', () => {
    expect(acronymEnglish('EU', 'les')).toBe('US');
    expect(acronymEnglish('EU', "l'")).toBeUndefined();
  });

  it('read inside a question, with its article, with no dictionary needed', () => {
    const lexicon = cognatesOnly();
    expect(readFrench("l'ue a dit quoi ?", lexicon).english).toBe('the EU said what?');
    expect(readFrench('Qu’est-ce que les É.-U. ont promis ?', lexicon).english).toMatch(/the US promised/);
    expect(readFrench('Qui est le PDG de Quillon ?', lexicon).english).toBe('who is the CEO of Quillon?');
    expect(readFrench("Le PIB de l'OTAN", lexicon).english).toBe('the GDP of the NATO');
  });
});

describe.skipIf(!dictionaryInstalled)('familiar words for money', () => {
  it('fric, thune, pognon, oseille read as money, and ask how much', () => {
    expect(english('combien de fric pour InvestAI ?')).toBe('how much money for InvestAI?');
    expect(english('Combien de thunes le club a-t-il dépensé ?')).toMatch(/^how much money the club spent/);
    expect(english('combien de pognon au total ?')).toBe('how much money in total?');
  });

  it('"blé" is money in a message about an amount, wheat otherwise (with money as an alternative)', () => {
    expect(english('Combien de blé pour Harbour ?')).toBe('how much money for Harbour?');
    expect(word('Le blé pousse en été', 'blé')?.english).toBe('wheat');
  });
});

describe.skipIf(!dictionaryInstalled)('several English senses kept as alternatives', () => {
  it('a word’s other senses and its base form’s: "entreprises" is companies and businesses as well as enterprises', () => {
    const w = word('les entreprises privées', 'entreprises')!;
    expect([w.english, ...w.alternatives]).toEqual(expect.arrayContaining(['companies', 'enterprises']));
    expect(w.alternatives.length).toBeGreaterThanOrEqual(3);
  });

  it('a learned word keeps its cognate among the dictionary’s senses: "développement" is growth and development', () => {
    const w = word('le développement', 'développement')!;
    expect([w.english, ...w.alternatives]).toContain('development');
  });

  it('prefer brings the corpus’s own sense first, wherever it stood', () => {
    const plain = readFrench('les entreprises', withDictionary()).words[0]!;
    const preferred = readFrench('les entreprises', withDictionary(), { prefer: (e) => e === 'businesses' }).words[0]!;
    expect(plain.english).not.toBe('businesses');
    expect(preferred.english).toBe('businesses');
  });
});

describe('an expression worded as the corpus words it', () => {
  it('prefer picks the English the sources use among the expression’s ("IP" for "propriété intellectuelle")', () => {
    const lexicon = cognatesOnly();
    expect(readFrench('la propriété intellectuelle', lexicon).english).toBe('the intellectual property');
    expect(readFrench('la propriété intellectuelle', lexicon, { prefer: (w) => w === 'ip' }).english).toBe('the IP');
    expect(readFrench('les chefs d’État', lexicon, { prefer: (w) => w === 'leaders' }).english).toBe('the leaders');
  });
});
