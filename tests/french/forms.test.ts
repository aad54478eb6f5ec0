/**
 * Lemmatisation before the dictionary: plural and feminine endings, verb
 * forms of the regular verbs and the irregular verbs' table (with their
 * prefixed verbs), nouns made of a verb, and the English the lexicon then
 * writes for each inflection. Rules of French grammar, checked on words of
 * every kind of topic.
 */
import { describe, expect, it } from 'vitest';
import { frenchLemmas } from '../../src/understand/french/forms.js';
import { irregularVerb } from '../../src/understand/french/verbs.js';
import { englishAgents } from '../../src/understand/french/inflect.js';
import { dictionaryInstalled, withDictionary } from './helpers.js';

const lemmas = (word: string) => frenchLemmas(word).map((l) => l.lemma);
const infinitives = (word: string) => irregularVerb(word).map((m) => m.infinitive);

describe('plural and feminine endings', () => {
  it.each([
    ['investissements', 'investissement'], ['chevaux', 'cheval'], ['bateaux', 'bateau'], ['dirigeante', 'dirigeant'], ['dirigeantes', 'dirigeant'],
    ['presidente', 'president'], ['chercheuse', 'chercheur'], ['directrice', 'directeur'], ['actrice', 'acteur'], ['sportive', 'sportif'],
    ['industrielle', 'industriel'], ['europeennes', 'europeen'], ['italienne', 'italien'], ['patronne', 'patron'], ['premiere', 'premier'],
    ['grande', 'grand'], ['privees', 'prive'], ['heureuse', 'heureux'], ['nationales', 'national'],
  ])('%s -> %s', (word, base) => {
    expect(lemmas(word)).toContain(base);
  });
});

describe('verb forms of the regular verbs', () => {
  it.each([
    ['annoncee', 'annoncer'], ['annonces', 'annoncer'], ['annoncait', 'annoncer'], ['annoncaient', 'annoncer'], ['annoncons', 'annoncer'], ['annoncez', 'annoncer'],
    ['annoncent', 'annoncer'], ['annoncera', 'annoncer'], ['annonceraient', 'annoncer'], ['investissent', 'investir'], ['investira', 'investir'],
    ['finie', 'finir'], ['rendu', 'rendre'], ['attendra', 'attendre'], ['mangeait', 'manger'], ['dirigeant', 'diriger'], ['finissant', 'finir'],
  ])('%s -> %s', (word, base) => {
    expect(lemmas(word)).toContain(base);
  });
});

describe('the irregular verbs', () => {
  it.each([
    ['pris', 'prendre'], ['prise', 'prendre'], ['concu', 'concevoir'], ['concues', 'concevoir'], ['dit', 'dire'], ['fait', 'faire'], ['mis', 'mettre'],
    ['vu', 'voir'], ['su', 'savoir'], ['eu', 'avoir'], ['ete', 'etre'], ['pu', 'pouvoir'], ['voulu', 'vouloir'], ['venu', 'venir'], ['tenu', 'tenir'],
    ['recu', 'recevoir'], ['du', 'devoir'], ['fallu', 'falloir'], ['ne', 'naitre'], ['mort', 'mourir'], ['ouvert', 'ouvrir'], ['offert', 'offrir'],
    ['couvert', 'couvrir'], ['ecrit', 'ecrire'], ['lu', 'lire'], ['cru', 'croire'], ['vaut', 'valoir'], ['faut', 'falloir'], ['peuvent', 'pouvoir'],
    ['veulent', 'vouloir'], ['doivent', 'devoir'], ['prennent', 'prendre'], ['viendra', 'venir'], ['pourrait', 'pouvoir'], ['sera', 'etre'], ['fera', 'faire'],
    ['ira', 'aller'], ['saura', 'savoir'], ['verra', 'voir'], ['faudrait', 'falloir'], ['connu', 'connaitre'], ['vecu', 'vivre'], ['suivi', 'suivre'],
  ])('%s -> %s', (form, infinitive) => {
    expect(infinitives(form)).toContain(infinitive);
    expect(lemmas(form)).toContain(infinitive);
  });

  it('a prefixed verb keeps its base verb’s forms: promis, compris, obtenu, prévu, élu, reçoivent', () => {
    expect(infinitives('promis')).toContain('promettre');
    expect(infinitives('compris')).toContain('comprendre');
    expect(infinitives('obtenu')).toContain('obtenir');
    expect(infinitives('prevu')).toContain('prevoir');
    expect(infinitives('elu')).toContain('elire');
    expect(infinitives('devenu')).toContain('devenir');
    expect(infinitives('satisfait')).toContain('satisfaire');
  });

  it('families share their endings: séduisent, construit, atteignent, ouvrent, obtiendra, inscrit', () => {
    expect(lemmas('seduisent')).toContain('seduire');
    expect(lemmas('construit')).toContain('construire');
    expect(lemmas('atteignent')).toContain('atteindre');
    expect(lemmas('decouvrent')).toContain('decouvrir');
    expect(lemmas('obtiendra')).toContain('obtenir');
    expect(lemmas('inscrits')).toContain('inscrire');
  });

  it('a noun is not taken for a prefixed form of être or avoir ("rest" is no "re" + "est")', () => {
    expect(infinitives('rest')).not.toContain('reetre');
    expect(infinitives('deux')).toEqual([]);
  });
});

describe('English agent nouns, only those English has', () => {
  it('lead -> leader, direct -> director, manage -> manager; none for "steer" or a phrase', () => {
    expect(englishAgents('lead')).toContain('leader');
    expect(englishAgents('direct')).toContain('director');
    expect(englishAgents('manage')).toContain('manager');
    expect(englishAgents('look for')).toEqual([]);
    expect(englishAgents('zzqx')).toEqual([]);
  });
});

describe.skipIf(!dictionaryInstalled)('the lexicon reads inflected words through their base forms (FreeDict)', () => {
  const lexicon = () => withDictionary();
  it('feminine nouns of a verb: "la dirigeante" is a leader, "les dirigeants" leaders', () => {
    expect(lexicon().translate('dirigeante', undefined, 'noun')?.english).toContain('leader');
    expect(lexicon().translate('dirigeants', undefined, 'noun')?.english).toContain('leaders');
  });

  it('irregular participles after an auxiliary: pris -> taken, conçu -> conceived, mis -> put, vu -> seen', () => {
    expect(lexicon().translate('pris', undefined, 'verb')?.english).toContain('taken');
    expect(lexicon().translate('conçu', undefined, 'verb')?.english[0]).toBe('conceived');
    expect(lexicon().translate('mis', undefined, 'verb')?.english[0]).toBe('put');
    expect(lexicon().translate('vu', undefined, 'verb')?.english[0]).toBe('seen');
  });

  it('finite forms of irregular verbs: vaut, prendra, peuvent', () => {
    expect(lexicon().translate('vaut')?.english.join(' ')).toMatch(/worth/);
    expect(lexicon().translate('prendra')?.english).toContain('take');
    expect(lexicon().translate('devient')?.english).toContain('become');
  });

  it('a participle used as a noun names a person: "les employés" are employees', () => {
    expect(lexicon().translate('employés', undefined, 'noun')?.english[0]).toBe('employees');
    expect(lexicon().translate('employés', undefined, 'verb')?.english[0]).toBe('employed');
  });

  it('the sentence decides between a word’s own senses and another base form’s: "la coupe" is no cut', () => {
    expect(lexicon().translate('coupe', undefined, 'noun')?.english).not.toContain('cut');
    expect(lexicon().translate('coupé', undefined, 'verb')?.english[0]).toBe('cut');
  });

  it('a mass noun stays singular: "les thunes" is money', () => {
    expect(lexicon().translate('thunes')?.english[0]).toBe('money');
  });
});
