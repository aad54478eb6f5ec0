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
import { openForum, openSummit, type TestEngine } from '../helpers/fixtures.js';
import { cognatesOnly, dictionaryInstalled, withDictionary } from './helpers.js';

let summit: TestEngine;
let forum: TestEngine & { remove(): void };
beforeAll(async () => {
  [summit, forum] = await Promise.all([openSummit(), openForum()]);
});
afterAll(() => forum?.remove());

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
    expect(ask('le forum était à Madrid ?').text).toMatch(/^Non : .*« Madrid »/);
    expect(ask('combien de temps pour Harbour ?').text).toMatch(/^Cinq ans : /);
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

