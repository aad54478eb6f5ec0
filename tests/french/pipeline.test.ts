/**
 * The whole French path as the engine will take it: the language detected
 * (a short follow-up keeps the conversation's), the French read into
 * English, the English engine asked, its Answer worded in French with the
 * user's words in its refusals. On the bundled corpus and the forum fixture;
 * questions written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { inFrench } from '../../src/compose/french.js';
import { readFrench } from '../../src/understand/french/index.js';
import { detectLanguage, type Language } from '../../src/understand/language.js';
import { openForum, openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';
import { cognatesOnly, dictionaryInstalled, withDictionary } from './helpers.js';

/** Another topic: a short news story written for these tests. */
const BIOTECH_STORY = `---
title: Lyon biotech Lumora raises €45 million
published: 2026-04-14
---
Lumora Bio, a Lyon-based biotech startup, has raised €45 million in a funding round led by the EU's European Innovation Council, its chief executive Claire Martin said on Tuesday.

The company, founded in 2019, employs 80 people. The money will pay for a public-private partnership with the Lyon university hospital to test its blood test for early sepsis.

Martin said the trial would take two years and that the company would not need new funding before 2028.

The company's website was updated on Friday with the new figures.
`;

let summit: TestEngine;
let forum: TestEngine & { remove(): void };
let biotech: TestEngine & { remove(): void };
beforeAll(async () => {
  [summit, forum, biotech] = await Promise.all([openSummit(), openForum(), openWritten({ 'lumora.md': BIOTECH_STORY })]);
});
afterAll(() => {
  forum?.remove();
  biotech?.remove();
});

/** A chat: each message in the language detected, French read and answered in French. */
function chat(t: TestEngine, conversation: string, lexicon = withDictionary()) {
  let language: Language = 'en';
  return (message: string): { language: Language; answer: Answer; text: string } => {
    language = detectLanguage(message, language);
    const reading = language === 'fr' ? readFrench(message, lexicon) : undefined;
    const english = t.verbatim(t.ask(reading?.english ?? message, { conversation }));
    const answer = reading ? inFrench(english, { words: reading.words, lexicon }) : english;
    // The no-break spaces of French typography read as spaces here.
    return { language, answer, text: answer.answer.replace(/\u00A0/g, ' ') };
  };
}

describe.skipIf(!dictionaryInstalled)('French questions, answered in French', () => {
  it('the bundled corpus', () => {
    const ask = chat(summit, 'fr-summit');
    expect(ask("c'est qui Ursula ?").text).toMatch(/^Ursula von der Leyen : « .*Commission/);
    const amount = ask('combien pour InvestAI ?');
    expect(amount.text).toMatch(/milliards d'euros/);
    expect(amount.answer.quotes.length).toBeGreaterThan(0);
    // A short follow-up keeps the conversation's language and its subject.
    expect(ask('source ?')).toMatchObject({ language: 'fr', text: expect.stringMatching(/^Cette réponse cite « EU courts private sector for AI GigaFactories », paragraphe \d+/) });
    expect(ask('qui a dit ça ?').text).toMatch(/^Ursula von der Leyen l'a dit, selon la source\.$/);
    expect(ask('et Stargate ?').text).toMatch(/^Jusqu'à 500 milliards de dollars : /);
    expect(ask('le sommet c’était quand ?').text).toMatch(/lundi|février/i);
    expect(ask("InvestAI vise 200 milliards d'euros, n'est-ce pas ?").text).toMatch(/^Oui : 200 milliards d'euros/);
    // The conversation can switch language.
    expect(ask('How much is Stargate?')).toMatchObject({ language: 'en', text: expect.stringMatching(/^Up to \$500 billion/) });
  });

  it('the forum fixture', () => {
    const ask = chat(forum, 'fr-forum');
    expect(ask('combien pour Harbour ?').text).toMatch(/^900 millions d'euros : /);
    expect(ask('Noor Castellan c’est qui ?').text).toMatch(/^Noor Castellan : « /);
    expect(ask('combien de pays ont signé la déclaration ?').text).toMatch(/^58 /);
    expect(ask('combien de temps pour Harbour ?').text).toMatch(/^Cinq ans : /);
    // A checked claim, worded in French (whether it is said or refused is the threshold's call).
    const lexicon = withDictionary();
    const reading = readFrench('le forum était à Madrid ?', lexicon);
    const claim = forum.answerAs(reading.english, 'claim')!;
    expect(inFrench(claim, { words: reading.words, lexicon }).answer.replace(/\u00A0/g, ' ')).toMatch(/^Non : .*« Madrid »/);
  });

  it('a refusal names the user’s own French words, on either corpus', () => {
    const onSummit = chat(summit, 'fr-refusal-1')('qui a gagné la coupe du monde de foot ?');
    expect(onSummit.answer).toMatchObject({ answered: false });
    expect(onSummit.text).toMatch(/^Les sources ne mentionnent pas « (?:coupe|foot)/);
    const onForum = chat(forum, 'fr-refusal-2')('le maire de Porto a mangé quoi au déjeuner ?');
    expect(onForum.answer).toMatchObject({ answered: false });
    expect(onForum.text).toMatch(/^Les sources /);
    expect(onForum.text).not.toMatch(/\b(?:the sources|mention|lunch)\b/);
  });
});

/** The engine's own French path (it detects the language, reads with the corpus's words preferred, words the answer in French). */
function engineChat(t: TestEngine, conversation: string) {
  return (message: string): { answer: Answer; text: string } => {
    const answer = t.verbatim(t.ask(message, { conversation }));
    return { answer, text: answer.answer.replace(/\u00A0/g, ' ') };
  };
}

describe.skipIf(!dictionaryInstalled)('French words read through base forms, compounds, expressions, acronyms and familiar words', () => {
  it('the bundled corpus', () => {
    const ask = engineChat(summit, 'fr-words-1');
    expect(ask('Quel est le plus grand partenariat public-privé ?').text).toMatch(/public-private partnership/);
    expect(ask('Combien de fric pour InvestAI ?').text).toMatch(/milliards d'euros/);
    // (Asked on its own: after InvestAI, "the report" could be read as InvestAI's.)
    expect(engineChat(summit, 'fr-words-1b')('Le reportage a-t-il été mis à jour ?').text).toMatch(/updated/);
  });

  it('the forum fixture', () => {
    const ask = engineChat(forum, 'fr-words-2');
    expect(ask('Qui est le PDG de Quillon ?').text).toMatch(/Achterb[eu]rg/);
    expect(ask('Combien de puces Quillon va-t-elle fournir ?').text).toMatch(/100[ ,.\u202f]?000/);
    expect(ask('Combien de blé pour Harbour ?').text).toMatch(/^900 millions d'euros/);
  });

  it('a story on another topic', () => {
    const ask = engineChat(biotech, 'fr-words-3');
    expect(ask('Qui est la dirigeante de Lumora Bio ?').text).toMatch(/^Claire Martin/);
    expect(ask('Combien de fric Lumora a-t-elle levé ?').text).toMatch(/^45 millions d'euros/);
    expect(ask('Avec qui se fait le partenariat public-privé ?').text).toMatch(/hospital/);
    // Read into English, the question ranks the sentence naming the institution first.
    const institution = readFrench("Quelle institution de l'ue a mené le financement ?", withDictionary()).english;
    expect(biotech.best(institution)?.quotes[0]?.text).toContain('European Innovation Council');
    expect(ask('Le site a-t-il été mis à jour ?').text).toMatch(/updated on Friday/);
  });
});

describe('French questions without any dictionary (cognates only)', () => {
  it('the bundled corpus', () => {
    const ask = chat(summit, 'fr-nodict-1', cognatesOnly());
    expect(ask("c'est qui Ursula ?").text).toMatch(/^Ursula von der Leyen : « /);
    expect(ask("InvestAI, c'est combien ?").text).toMatch(/milliards d'euros/);
    expect(ask('source ?').text).toMatch(/^Cette réponse cite « /);
  });

  it('the forum fixture', () => {
    const ask = chat(forum, 'fr-nodict-2', cognatesOnly());
    expect(ask('Noor Castellan c’est qui ?').text).toMatch(/^Noor Castellan : « /);
    expect(ask('combien pour Harbour ?').text).toMatch(/^900 millions d'euros : /);
    // No dictionary to say "pays": the noun of a count stays English, framed.
    expect(ask('combien de countries ont signé ?').text).toMatch(/^58 « countries » \(en anglais\) : /);
  });
});

