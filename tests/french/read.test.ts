/**
 * French questions read into English ones: question forms, elision,
 * negation, chat forms, names, with FreeDict's dictionary and with cognate
 * rules alone. On the summit's words and on the forum fixture's.
 */
import { describe, expect, it } from 'vitest';
import { readFrench } from '../../src/understand/french/index.js';
import { cognatesOnly, dictionaryInstalled, withDictionary } from './helpers.js';

const read = (text: string) => readFrench(text, withDictionary());
const english = (text: string) => read(text).english;

describe.skipIf(!dictionaryInstalled)('question forms', () => {
  it('combien, combien de', () => {
    expect(english('combien pour les startups ?')).toBe('how much for the startups?');
    expect(english("combien d'argent pour l'IA ?")).toMatch(/^how much money for the AI\?$/);
    expect(english('Combien de pays ont signé la déclaration ?')).toMatch(/^how many country signed the declaration\?$/);
  });

  it('qui, c’est qui, qui a dit ça', () => {
    expect(english("c'est qui Ursula ?")).toBe('who is Ursula?');
    expect(english('Noor Castellan c’est qui ?')).toBe('who is Noor Castellan?');
    expect(english('Qui a dit ça ?')).toBe('who said that?');
    expect(english("qui l'a dit ?")).toBe('who said it?');
  });

  it('quand, c’était quand, said first or last', () => {
    expect(english("le sommet c'était quand ?")).toBe('when was the summit?');
    expect(english('Quand le forum a-t-il fermé ?')).toMatch(/^when the forum (?:has )?(?:closed|shut)/);
  });

  it('où, and "ou" told from "où" without its accent', () => {
    expect(english('Où se trouve le secrétariat ?')).toBe('where is located the secretariat?');
    expect(english('ou est le secretariat ?')).toMatch(/^where is the secretariat\?$/);
    expect(english('en euros ou en dollars ?')).toBe('in euros or in dollars?');
  });

  it('pourquoi, comment, quel, quelle', () => {
    expect(english("Pourquoi l'Europe investit-elle ?")).toMatch(/^why Europe invest/);
    expect(english('Comment s’appelle le programme ?')).toBe('what is the name of the programme?');
    expect(english('Quel est le montant de Harbour ?')).toBe('what is the amount of Harbour?');
    expect(english('Quelle ville accueille le sommet ?')).toMatch(/^which (?:town|city) /);
  });

  it("qu'est-ce que, c'est quoi", () => {
    expect(english("Qu'est-ce que InvestAI ?")).toBe('what is InvestAI?');
    expect(english("qu'est-ce que Noor Castellan a dit sur Harbour ?")).toBe('what Noor Castellan said about Harbour?');
    expect(english("c'est quoi Harbour ?")).toBe('what is Harbour?');
    expect(english('Harbour, c’est quoi ?')).toBe('what is Harbour?');
  });

  it('est-ce que and inversion ask yes or no, the auxiliary first', () => {
    expect(english('Est-ce que le sommet était à Paris ?')).toBe('was the summit in Paris?');
    expect(english('Est-ce que le forum était à Madrid ?')).toBe('was the forum in Madrid?');
    expect(english('Y a-t-il un chiffre pour la France ?')).toMatch(/^is there a figure for France\?$/);
    expect(english('InvestAI vise-t-il 200 milliards ?')).toMatch(/^does InvestAI (?:aim|intend) 200 billion\?$/);
  });

  it("n'est-ce pas, non, hein, c'est ça make a claim to check", () => {
    for (const tag of [", n'est-ce pas ?", ', non ?', ', hein ?', ", c'est ça ?", ', pas vrai ?']) {
      const r = read(`Harbour dure cinq ans${tag}`);
      expect(r.claim, tag).toBe(true);
      expect(r.english, tag).toMatch(/^Harbour \w+ 5 years, right\?$/);
    }
    expect(read('le sommet était à Paris non ?').claim).toBe(true);
    expect(read("c'est quoi InvestAI ?").claim).toBe(false);
  });

  it('X ou Y ?', () => {
    expect(english('InvestAI c’est européen ou américain ?')).toBe('is InvestAI European or American?');
  });
});

describe.skipIf(!dictionaryInstalled)('elision and negation', () => {
  it("splits l', d', qu', j', n', c', s', jusqu'", () => {
    expect(english("l'UE")).toBe('the EU');
    expect(english("le budget d'Harbour")).toBe('the budget of Harbour');
    expect(english("j'ai une question")).toMatch(/^I have a question$/);
    expect(english("jusqu'à 2030")).toMatch(/^until (?:to|in) 2030$/);
    expect(english("s'il y a un chiffre")).toMatch(/if there is a figure/);
    expect(english("aujourd'hui")).toBe('today');
  });

  it('ne … pas and pas alone say not', () => {
    expect(english("Est-ce que l'UE n'a pas annoncé 50 M€ ?")).toBe('has the EU not announced €50 million?');
    expect(english("le forum n'était pas à Madrid")).toBe('the forum was not in Madrid');
    expect(english("c'est pas Harbour")).toBe('it is not Harbour');
  });
});

describe.skipIf(!dictionaryInstalled)('chat forms', () => {
  it('jsp, stp, svp, mdr, ptdr, tkt, wsh are tone, not content', () => {
    expect(english('jsp c koi Harbour mdr')).toBe('what is Harbour');
    expect(english('wsh cb pour InvestAI stp ptdr')).toBe('how much for InvestAI');
    expect(english('tkt, Harbour svp')).toBe('Harbour');
  });

  it('pk, pq, qd, cb, cmb, bcp, nan, ouais, ui, genre, du coup, bah, en vrai', () => {
    expect(english("pk l'UE investit ?")).toMatch(/^why the EU invest/);
    expect(english('pq Harbour ?')).toBe('why Harbour?');
    expect(english('qd le forum ?')).toBe('when the forum?');
    expect(english('cmb de pays ?')).toBe('how many country?');
    expect(english('du coup genre bah en vrai cb pour Harbour')).toBe('how much for Harbour');
    expect(english('ouais ui nan')).toBe('yes yes no');
    expect(english("bcp d'argent")).toMatch(/^a lot of money$/);
  });

  it('accents missing or present read alike', () => {
    expect(english('le sommet cetait quand')).not.toBe('');
    expect(english("le sommet c'etait quand ?")).toBe(english("le sommet c'était quand ?"));
    expect(english('Ou se trouve le secretariat ?')).toBe(english('Où se trouve le secrétariat ?'));
  });
});

describe.skipIf(!dictionaryInstalled)('names stay names', () => {
  it('capitalised words, @handles, acronyms and unknown words are kept as typed', () => {
    const r = read('Est-ce que @RitaAbreuTech a parlé de Quillon et de la LCA à Lisbonne ?');
    expect(r.english).toContain('@RitaAbreuTech');
    expect(r.english).toContain('Quillon');
    expect(r.english).toContain('LCA');
    expect(read('Ursula von der Leyen a dit quoi ?').english).toMatch(/^Ursula von der Leyen said what\?$/);
    expect(read('stargate c combien').english).toBe('how much is stargate');
    expect(read('stargate c combien').notTranslated).toContain('stargate');
  });

  it('a name the dictionary translates is written in English ("Lisbonne" -> "Lisbon")', () => {
    expect(english('le forum de Lisbonne')).toMatch(/Lisbon\b/);
  });

  it('a capitalised first word is read as a word when French has it ("Combien", "Le")', () => {
    expect(english('Combien pour Harbour ?')).toBe('how much for Harbour?');
  });
});

describe('dictionary and cognate rules', () => {
  it.skipIf(!dictionaryInstalled)('the dictionary gives several candidates, best first', () => {
    const w = read('le sommet').words.find((x) => x.french === 'sommet')!;
    expect(w).toMatchObject({ english: 'summit', source: 'dictionary' });
    expect(w.alternatives.length).toBeGreaterThan(0);
  });

  it.skipIf(!dictionaryInstalled)('a word the dictionary lacks is read by cognate, and marked as guessed', () => {
    const w = read("l'investissement").words.find((x) => x.french === 'investissement')!;
    expect(w).toMatchObject({ english: 'investment', source: 'cognate', guessed: ['investment'] });
  });

  it('without any dictionary, cognates still read the content words', () => {
    const r = readFrench("combien pour l'infrastructure et la technologie du programme ?", cognatesOnly());
    expect(r.english).toBe('how much for the infrastructure and the technology of the programme?');
    expect(r.words.filter((w) => w.source === 'cognate').map((w) => w.english)).toEqual(['infrastructure', 'technology', 'programme']);
  });

  it('without any dictionary, question forms, numbers and names are read all the same', () => {
    const lexicon = cognatesOnly();
    expect(readFrench("c'est qui Ursula ?", lexicon).english).toBe('who is Ursula?');
    expect(readFrench("Harbour c'était combien, 900 M€ ?", lexicon).english).toBe('how much was Harbour, €900 million?');
    expect(readFrench('Est-ce que le forum était à Lisbonne ?', lexicon).english).toBe('was the forum in Lisbonne?');
  });

  it('a word that names a member of every object ("constructor") is a word like any other', () => {
    const r = readFrench('a constructor toString hasOwnProperty __proto__ ?', cognatesOnly());
    expect(r.english).toMatch(/constructor toString hasOwnProperty proto\?$/);
  });

  it('prefer ranks first the candidates it accepts (the corpus’s own words)', () => {
    if (!dictionaryInstalled) return;
    const plain = readFrench('la puissance', withDictionary()).words[0]!;
    const preferred = readFrench('la puissance', withDictionary(), { prefer: (w) => w === 'power' }).words[0]!;
    expect(plain.english).not.toBe('power');
    expect(preferred.english).toBe('power');
  });
});
