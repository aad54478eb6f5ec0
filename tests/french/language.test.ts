/**
 * Which language a message is in: French by its grammar words, elisions and
 * accents, English by its own; names say nothing; a message too short or too
 * mixed keeps the conversation's language. On the summit's words and on the
 * forum fixture's (Lisbon, Harbour, Noor Castellan).
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage, scoreLanguage } from '../../src/understand/language.js';

describe('detectLanguage', () => {
  it('reads French questions as French', () => {
    for (const q of ["c'est qui Ursula ?", 'combien pour les startups ?', "le sommet c'était quand ?", "Qu'est-ce que InvestAI ?", 'Où se trouve le secrétariat ?', "Combien de pays ont signé la déclaration de Lisbonne ?", 'le programme Harbour dure combien de temps', 'Harbour dure combien de temps ?', 'cb pour harbour stp']) {
      expect(detectLanguage(q), q).toBe('fr');
    }
  });

  it('reads English questions as English, names and places of France included', () => {
    for (const q of ['what did Macron say', 'the summit in Paris', 'How much is InvestAI?', 'who is Noor Castellan', 'where is the LCA secretariat based?', 'what did the Élysée announce?']) {
      expect(detectLanguage(q, 'fr'), q).toBe('en');
    }
  });

  it('keeps the conversation’s language for a message too short or too mixed to tell', () => {
    for (const q of ['source ?', 'et Stargate ?', 'Harbour', 'Noor Castellan ?', 'InvestAI', '?', '']) {
      expect(detectLanguage(q, 'fr'), q).toBe('fr');
      expect(detectLanguage(q, 'en'), q).toBe('en');
    }
    expect(detectLanguage('source ?')).toBe('en');
  });

  it('follows a switch of language when the message says enough', () => {
    expect(detectLanguage('et les États-Unis ?', 'en')).toBe('fr');
    expect(detectLanguage('and what about the US?', 'fr')).toBe('en');
  });

  it('counts elisions and accents, not capitalised names', () => {
    expect(scoreLanguage("l'UE a dit qu'elle investit").fr).toBeGreaterThanOrEqual(3);
    expect(scoreLanguage('Élysée Matignon Bercy').words).toBe(1);
  });
});
