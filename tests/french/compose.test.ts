/**
 * The French wording of each answer template the English composers write,
 * from English answer texts as the engine words them, about the summit and
 * about the forum fixture. Quotes are never touched.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, Figure } from '../../src/answer.js';
import { frenchAmount, frenchDate, frenchNumber, inFrench, splitSentences } from '../../src/compose/french.js';

const source = { documentId: 'd', title: 'EU courts private sector for AI GigaFactories', paragraph: 1, start: 0, end: 10 };
const quote = { text: 'We aim to mobilise €200 billion in AI investments in Europe', source };
const money = (display: string, amount: number, currency: 'EUR' | 'USD', what = 'what it is'): Figure => ({ id: display, kind: 'money', what, display, amount, currency, source });
const date = (display: string, when: string): Figure => ({ id: display, kind: 'date', what: 'the day', display, when, source });

function answer(text: string, extra: Partial<Answer> = {}): Answer {
  return { answered: true, answer: text, quotes: [quote], figures: [], confidence: 0.9, kind: 'answer', suggestions: [], ...extra };
}
const fr = (text: string, extra: Partial<Answer> = {}, words?: { french: string; english: string }[]) => inFrench(answer(text, extra), words ? { words } : {}).answer;
const NB = '\u00A0';
/** Reads with ordinary spaces, so expectations stay legible. */
const plain = (s: string) => s.replace(/\u00A0/g, ' ');

describe('French numbers', () => {
  it('amounts, decimals, thousands and dates the French way', () => {
    expect(frenchAmount(200e9, 'EUR')).toBe("200 milliards d'euros");
    expect(frenchAmount(112e9, 'USD')).toBe('112 milliards de dollars');
    expect(frenchAmount(1.5e9, 'EUR')).toBe("1,5 milliard d'euros");
    expect(frenchAmount(900e6, 'EUR')).toBe("900 millions d'euros");
    expect(frenchAmount(2e12)).toBe('2 billions');
    expect(plain(frenchNumber(100000))).toBe('100 000');
    expect(frenchNumber(4.5)).toBe('4,5');
    expect(frenchDate('2025-02-11')).toBe('le mardi 11 février 2025');
    expect(frenchDate('2025-02-10')).toBe('le lundi 10 février 2025');
  });
});

describe('figure answers', () => {
  it('"€200 billion: what X…" -> the amount in French, the description framed as English', () => {
    const a = inFrench(answer('€200 billion: what InvestAI aims to mobilise for AI investment in Europe.', { figures: [money('€200 billion', 200e9, 'EUR')] }));
    expect(plain(a.answer)).toBe("200 milliards d'euros : « what InvestAI aims to mobilise for AI investment in Europe » (en anglais).");
    expect(a.quotes).toEqual([quote]);
  });

  it('qualified amounts, periods, days and dates', () => {
    expect(plain(fr('Up to $500 billion: what the Stargate project promised.', { figures: [money('Up to $500 billion', 500e9, 'USD')] }))).toMatch(/^Jusqu'à 500 milliards de dollars : « /);
    expect(plain(fr('About $112 billion: the French package.', { figures: [money('About $112 billion', 112e9, 'USD')] }))).toMatch(/^Environ 112 milliards de dollars : /);
    expect(plain(fr('Four years: the period over which Stargate promised.'))).toMatch(/^Quatre ans : « /);
    expect(plain(fr('Five years: the period of the Harbour programme.'))).toMatch(/^Cinq ans : « /);
    expect(plain(fr('February 11, 2025 (a Tuesday): the date of the post.'))).toMatch(/^11 février 2025 \(un mardi\) : « /);
    expect(plain(fr('February 11, 2025: the date of the post.', { figures: [date('February 11, 2025', '2025-02-11')] }))).toMatch(/^Le mardi 11 février 2025 : « /);
    expect(plain(fr('Monday: the day von der Leyen spoke.'))).toMatch(/^Lundi : « /);
    expect(plain(fr('€30–50bn: the LCA investment target.'))).toMatch(/^30 à 50 milliards d'euros : « /);
    expect(plain(fr('€900m: the amount for Harbour.'))).toMatch(/^900 millions d'euros : « /);
  });

  it('with the sources that give it, a correction, and sources that differ', () => {
    const text = '€14 billion: the corrected size of the Atlantic Compute Fund (Continental Press Service, 2026-03-05). It corrects the €12 billion given earlier (Daybreak Europe). The sources differ: Continental Press Service, 2026-03-05 says €14 billion; Daybreak Europe says €12 billion.';
    expect(plain(fr(text))).toBe("14 milliards d'euros : « the corrected size of the Atlantic Compute Fund » (en anglais) (« Continental Press Service », 5 mars 2026). Il corrige le chiffre de 12 milliards d'euros donné plus tôt (« Daybreak Europe »). Les sources divergent : « Continental Press Service », 5 mars 2026 donne 14 milliards d'euros ; « Daybreak Europe » donne 12 milliards d'euros.");
  });

  it('"Name: description" definitions', () => {
    expect(plain(fr('Noor Castellan: executive Director of the LCA.'))).toBe('Noor Castellan : « executive Director of the LCA » (en anglais).');
  });

  it('counts: the number in French, the noun from the dictionary or framed', () => {
    expect(plain(fr('58 countries: the number of countries that signed.'))).toMatch(/^58 (?:pays|« countries ».*) : /);
  });
});

describe('comparisons, sums, shares, digests', () => {
  it('"A (x) against B (y). The second is 4.5 times the first."', () => {
    const text = '€50 billion (the InvestAI top-up) against €200 billion (the InvestAI total). The second is 4.5 times the first.';
    expect(plain(fr(text))).toBe("50 milliards d'euros (« the InvestAI top-up » (en anglais)) contre 200 milliards d'euros (« the InvestAI total »). Le second vaut 4,5 fois le premier.");
    expect(plain(fr('€9.4bn (pledges) against €900m (Harbour). The first is 10.4 times the second.'))).toMatch(/Le premier vaut 10,4 fois le second\.$/);
    expect(plain(fr('€1 billion (a) against €1 billion (b). They are the same size.'))).toMatch(/Ils sont du même montant\.$/);
    expect(plain(fr('Up to $500 billion (Stargate) against €200 billion (InvestAI). They are in different currencies (USD and EUR), so the sources give no direct comparison.'))).toMatch(/Ils sont dans des devises différentes \(USD et EUR\) : les sources ne permettent pas de les comparer directement\.$/);
  });

  it('sums stated, worked out, or refused across currencies', () => {
    expect(plain(fr('€200 billion: €50 billion (the top-up) plus €150 billion (the pledges), which the source gives as €200 billion, the InvestAI total.'))).toBe("200 milliards d'euros : 50 milliards d'euros (« the top-up » (en anglais)) plus 150 milliards d'euros (« the pledges »), que la source donne comme 200 milliards d'euros, « the InvestAI total ».");
    expect(plain(fr('€1.4 billion in all, adding €900m (Harbour) and €500 million (Sines) (a sum of the cited figures, not a figure the sources state).'))).toBe("1,4 milliard d'euros au total, en additionnant 900 millions d'euros (« Harbour » (en anglais)) et 500 millions d'euros (« Sines ») (une somme des chiffres cités, pas un chiffre que donnent les sources).");
    expect(plain(fr("These can't be added up directly: €900m (Harbour) and $3.5bn (the chips) are in different currencies (EUR and USD), and the sources give no exchange rate."))).toMatch(/^Impossible de les additionner directement : 900 millions d'euros .* et 3,5 milliards de dollars .* sont dans des devises différentes \(EUR et USD\), et les sources ne donnent aucun taux de change\.$/);
    expect(plain(fr("In all, the sources' amounts come to €350 billion (€200 billion: InvestAI; €150 billion: the Champions), and $500 billion ($500 billion: Stargate). This is a sum of the cited figures, not a figure the sources state. Each currency is added up apart: the sources give no exchange rate."))).toBe("Au total, les montants des sources s'élèvent à 350 milliards d'euros (200 milliards d'euros : « InvestAI » (en anglais) ; 150 milliards d'euros : « the Champions »), et 500 milliards de dollars (500 milliards de dollars : « Stargate »). C'est une somme des chiffres cités, pas un chiffre que donnent les sources. Chaque devise est additionnée à part : les sources ne donnent aucun taux de change.");
  });

  it('shares and digests', () => {
    expect(plain(fr('€50 billion (the top-up): a quarter (25%) of the €200 billion (the total). The share is worked out from the two cited figures.'))).toBe("50 milliards d'euros (« the top-up » (en anglais)) : un quart (25 %) de 200 milliards d'euros (« the total »). La part est calculée à partir des deux chiffres cités.");
    expect(plain(fr('The main figures: €200 billion (InvestAI); up to $500 billion (Stargate); 58 countries (signatories).'))).toMatch(/^Les principaux chiffres : 200 milliards d'euros \(« InvestAI » \(en anglais\)\) ; jusqu'à 500 milliards de dollars \(« Stargate »\) ; 58 /);
    expect(plain(fr('In short, from 9 sources: Two days, 58 signatures and more numbers than anyone could keep track of.'))).toBe('En bref, selon 9 sources : « Two days, 58 signatures and more numbers than anyone could keep track of » (en anglais).');
  });
});

describe("a document's own details", () => {
  it('title, date, author, publisher, kind, note, address', () => {
    const text = 'Of the document “Lisbon by the numbers”: its title is “Lisbon by the numbers”; it is dated 5 March 2026 (2026-03-05); it is by Jonah Perreault; its publisher is Daybreak Europe; it is a news article; its note says: Machine-translated report; it is at https://example.org/a.';
    expect(plain(fr(text))).toBe("Du document « Lisbon by the numbers » : son titre est « Lisbon by the numbers » ; il est daté du 5 mars 2026 ; il est de Jonah Perreault ; son éditeur est Daybreak Europe ; c'est : « news article » (en anglais) ; sa note dit : « Machine-translated report » ; il se trouve à https://example.org/a.");
    expect(plain(fr('Of the document “EU courts private sector for AI GigaFactories”: it is in en.'))).toBe('Du document « EU courts private sector for AI GigaFactories » : il est en anglais.');
    expect(plain(fr('Of the document “Report”: its note says: Machine-translated; quoted exactly as it stands..'))).toBe('Du document « Report » : sa note dit : « Machine-translated; quoted exactly as it stands » (en anglais).');
  });
});

describe('answers from passages', () => {
  it.each([
    ['The source says: The AI race is just beginning.', 'Selon la source : « The AI race is just beginning » (en anglais).'],
    ['Ursula von der Leyen said: We aim to mobilise.', 'Ursula von der Leyen a déclaré : « We aim to mobilise » (en anglais).'],
    ['Signed by Rita Abreu: Day two.', 'Signé par Rita Abreu : « Day two » (en anglais).'],
    ['Rita Abreu, who signed the post: Day two.', 'Rita Abreu, qui a signé le message : « Day two » (en anglais).'],
    ['Noor Castellan, according to the source: Its first executive director is Noor Castellan.', 'Noor Castellan, selon la source : « Its first executive director is Noor Castellan » (en anglais).'],
    ['Yes, according to the source: The summit was in Paris.', 'Oui, selon la source : « The summit was in Paris » (en anglais).'],
    ['Yes, according to Ursula von der Leyen: It is open.', 'Oui, selon Ursula von der Leyen : « It is open » (en anglais).'],
    ['Paris: Speaking at the AI Action Summit in Paris on Monday.', 'Paris : « Speaking at the AI Action Summit in Paris on Monday » (en anglais).'],
    ['On Monday: the summit opened.', 'Le lundi : « the summit opened » (en anglais).'],
    ['In January: the Stargate project promised.', 'En janvier : « the Stargate project promised » (en anglais).'],
    ['58: Fifty-eight countries signed.', '58 : « Fifty-eight countries signed » (en anglais).'],
    ['Today (Tuesday 11 February 2025, the day of publication): Today we announce.', "Aujourd'hui (le mardi 11 février 2025, jour de publication) : « Today we announce » (en anglais)."],
    ['@RitaAbreuTech (Rita Abreu), as the source gives it.', "@RitaAbreuTech (Rita Abreu), tel que la source l'écrit."],
    ["The sources don't say so in those words. What they say: Harbour runs five years.", "Les sources ne le disent pas en ces termes. Ce qu'elles disent : « Harbour runs five years » (en anglais)."],
  ])('%s', (english, french) => {
    expect(plain(fr(english))).toBe(french);
  });

  it('"Collaborative, according to the source": the user’s own word, in French', () => {
    expect(plain(fr('Collaborative, according to the source: a collaborative approach.', {}, [{ french: 'collaborative', english: 'collaborative' }]))).toBe('« Collaborative », selon la source : « a collaborative approach » (en anglais).');
  });
});

describe('claims checked', () => {
  it.each([
    ['No: the sources give $500 billion, not 200 billion.', 'Non : les sources donnent 500 milliards de dollars, pas 200 milliards.'],
    ['No: the sources say Tuesday, not Monday.', 'Non : les sources disent mardi, pas lundi.'],
    ['No: according to the sources it was Ursula von der Leyen.', "Non : selon les sources, c'était Ursula von der Leyen."],
    ['No: the sources tie it to United States, not Europe.', 'Non : les sources le rattachent à United States, pas à Europe.'],
    ['Yes: February 11, 2025, the date of the post, was a Tuesday.', 'Oui : 11 février 2025, « the date of the post » (en anglais), était un mardi.'],
    ['No: the sources give February 11, 2025 (the date of the post), a Tuesday, not Wednesday.', 'Non : les sources donnent 11 février 2025 (« the date of the post » (en anglais)), un mardi, pas mercredi.'],
    ['Yes: €200 billion, what InvestAI aims to mobilise.', "Oui : 200 milliards d'euros, « what InvestAI aims to mobilise » (en anglais)."],
    ['No: the sources give €14 billion (the fund), not €12 billion. €12 billion was an earlier figure, since corrected.', "Non : les sources donnent 14 milliards d'euros (« the fund » (en anglais)), pas 12 milliards d'euros. 12 milliards d'euros était un chiffre antérieur, corrigé depuis."],
    ['Yes, in euros: the sources give €200 billion (InvestAI).', "Oui, en euros : les sources donnent 200 milliards d'euros (« InvestAI » (en anglais))."],
    ['No, in dollars: the sources give up to $500 billion (Stargate).', 'Non, en dollars : les sources donnent jusqu\'à 500 milliards de dollars (« Stargate » (en anglais)).'],
    ['In euros: the sources give €900m (Harbour).', "En euros : les sources donnent 900 millions d'euros (« Harbour » (en anglais))."],
    ['Yes: about $112 billion (the package), according to the sources from the French president.', 'Oui : environ 112 milliards de dollars (« the package » (en anglais)), selon les sources, de « the French president ».'],
    ['No: about $112 billion (the package) came from the French president, not Ursula von der Leyen.', 'Non : environ 112 milliards de dollars (« the package » (en anglais)) venait de « the French president », pas de Ursula von der Leyen.'],
    ['No: the sources give €200 billion for InvestAI (the goal); about $112 billion (the package) came from the French president.', "Non : les sources donnent 200 milliards d'euros pour InvestAI (« the goal » (en anglais)) ; environ 112 milliards de dollars (« the package ») venait de « the French president »."],
    ["The sources don't say who gave €9.4bn (the pledges).", "Les sources ne disent pas qui a donné 9,4 milliards d'euros (« the pledges » (en anglais))."],
  ])('%s', (english, french) => {
    expect(plain(fr(english))).toBe(french);
  });

  it('a place the user named is named back in French', () => {
    expect(plain(fr('No: the sources say Paris, not Brussels.', {}, [{ french: 'Bruxelles', english: 'Brussels' }]))).toBe('Non : les sources disent Paris, pas « Bruxelles ».');
  });
});

describe('refusals, help and unusable questions', () => {
  const words = [{ french: 'coupe', english: 'cup' }, { french: 'Madrid', english: 'Madrid' }, { french: 'déjeuner', english: 'lunch' }];
  it.each([
    ["The sources don't mention cup or Madrid.", 'Les sources ne mentionnent pas « coupe » ou « Madrid ».'],
    ["The sources don't mention lunch.", 'Les sources ne mentionnent pas « déjeuner ».'],
    ["The sources give no exchange rate, so they can't say what that is in dollars.", 'Les sources ne donnent aucun taux de change : elles ne peuvent pas dire ce que cela fait en dollars.'],
    ["I couldn't find anything in that question to look up in the sources.", "Je n'ai rien trouvé à chercher dans les sources dans cette question."],
    ["The sources don't say when: they give no date or time for Harbour.", 'Les sources ne disent pas quand : elles ne donnent ni date ni heure pour Harbour.'],
    ["The sources don't say where: they name no place for “lunch”.", 'Les sources ne disent pas où : elles ne nomment aucun lieu pour « déjeuner ».'],
    ["The sources don't give that number: nothing in them counts it for InvestAI and Harbour.", "Les sources ne donnent pas ce nombre : rien n'y est compté pour InvestAI et Harbour."],
    ["The sources don't give that amount for that.", 'Les sources ne donnent pas ce montant pour cela.'],
    ["The sources don't say how long for Stargate project.", 'Les sources ne disent pas combien de temps pour Stargate project.'],
    ["The sources don't say who, for Harbour.", 'Les sources ne disent pas qui, pour Harbour.'],
    ["The sources don't answer that: nothing in them covers Harbour in that way.", "Les sources ne répondent pas à cela : rien n'y traite de Harbour sous cet angle."],
    ["The sources don't answer that.", 'Les sources ne répondent pas à cela.'],
    ['The sources have no figures or summary to give.', "Les sources n'ont ni chiffres ni résumé à donner."],
    ["The sources don't say who leads the alliance.", 'Les sources ne disent pas qui : « leads the alliance » (en anglais).'],
    ["The source doesn't say who said that: the passage in Lisbon by the numbers, paragraph 3, names no speaker.", "La source ne dit pas qui l'a dit : le passage de « Lisbon by the numbers », paragraphe 3, ne nomme personne."],
    ['That answer quotes EU courts private sector for AI GigaFactories, paragraph 2; Lisbon by the numbers, paragraph 4 (https://example.org/x).', 'Cette réponse cite « EU courts private sector for AI GigaFactories », paragraphe 2 ; « Lisbon by the numbers », paragraphe 4 (https://example.org/x).'],
    ['Ursula von der Leyen said it, according to the source.', "Ursula von der Leyen l'a dit, selon la source."],
    ['Daybreak Europe (the publisher; the passage names no speaker).', "Daybreak Europe (l'éditeur ; le passage ne nomme personne)."],
    ["I answer questions from one source document, “EU courts private sector for AI GigaFactories”, quoting them word for word with the paragraph each quote comes from. When the sources don't say, I tell you.", "Je réponds aux questions à partir d'un document source, « EU courts private sector for AI GigaFactories », que je cite mot pour mot avec le paragraphe d'où vient chaque citation. Quand les sources ne disent rien, je vous le dis."],
    ["I answer questions from 9 source documents (among them “Lisbon Declaration” and “Fact sheet”), quoting them word for word with the paragraph each quote comes from. When the sources don't say, I tell you.", "Je réponds aux questions à partir de 9 documents sources (dont « Lisbon Declaration » et « Fact sheet »), que je cite mot pour mot avec le paragraphe d'où vient chaque citation. Quand les sources ne disent rien, je vous le dis."],
    ["You're welcome. Ask me anything else about the sources.", 'Je vous en prie. Posez-moi toute autre question sur les sources.'],
    ['Something went wrong while answering that question. Please try rephrasing it.', "Une erreur s'est produite en répondant à cette question. Essayez de la reformuler."],
    ['That question is too long (12,000 characters). Please ask in under 2,000 characters.', 'Cette question est trop longue (12 000 caractères). Posez-la en moins de 2000 caractères.'],
    ['Please type a question about the sources.', 'Tapez une question sur les sources.'],
    ["That doesn't look like a question I can read. Please ask in words.", 'Cela ne ressemble pas à une question que je peux lire. Posez-la avec des mots.'],
  ])('%s', (english, french) => {
    expect(plain(fr(english, { answered: false, kind: 'not_found', quotes: [] }, words))).toBe(french);
  });

  it('suggestions become French questions where their form is known, else stay', () => {
    const a = inFrench(answer('The sources don’t answer that.', { suggestions: ['What is InvestAI?', 'Who is Noor Castellan?', 'What are AI gigafactories?', 'What is the European AI Champions initiative?', 'How much will InvestAI mobilise?'] }));
    expect(a.suggestions.map(plain)).toEqual(["Qu'est-ce qu'InvestAI ?", 'Qui est Noor Castellan ?', 'Que sont AI gigafactories ?', "Qu'est-ce que « the European AI Champions initiative » ?", 'How much will InvestAI mobilise?']);
  });
});

describe('several answers in one', () => {
  it('each sentence that opens a template is worded on its own', () => {
    expect(splitSentences("Four years: the period. The sources don't mention lunch.")).toEqual(['Four years: the period.', "The sources don't mention lunch."]);
    expect(plain(fr("Four years: the period. The sources don't mention lunch.", {}, [{ french: 'déjeuner', english: 'lunch' }]))).toBe('Quatre ans : « the period » (en anglais). Les sources ne mentionnent pas « déjeuner ».');
  });

  it('French typography: a no-break space before : ; ? !, none added inside the English', () => {
    const text = fr('The source says: Agree: the Alliance shall be served; reviewed?');
    expect(text).toContain(`source${NB}:`);
    expect(text).toContain('Agree: the Alliance shall be served; reviewed?');
  });
});
