/**
 * Words that happen to name members every JavaScript object has
 * ("constructor", "toString", "__proto__") are words like any other: the
 * engine's word tables must never answer for them with a function.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { stemWord, terms } from '../../src/text/analyze.js';
import { normalizeCasual } from '../../src/text/casual.js';
import { readNumber } from '../../src/text/number-words.js';
import { baseVerb } from '../../src/extract/questions.js';
import { HARBOUR_FIXTURE } from '../helpers/fixtures.js';

const MEMBER_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('object member names as words', () => {
  it('stem, normalise and read as words', () => {
    for (const word of MEMBER_NAMES) {
      expect(typeof stemWord(word.toLowerCase())).toBe('string');
      expect(normalizeCasual(`who is the ${word}?`)).toContain(word);
      expect(readNumber(`${word.toLowerCase()} hundred`)).toBeUndefined();
      expect(typeof baseVerb(word)).toBe('string');
    }
    expect(terms('the constructor of the terminal')).toContain(stemWord('constructor'));
  });

  it('are named as what the sources lack, never as "function"', async () => {
    const engine = await createEngine({ corpusDir: HARBOUR_FIXTURE, snapshot: false, onInternalError: (e) => { throw e; } });
    const a = engine.ask('who is the constructor of the terminal?');
    expect(a.kind).not.toBe('invalid');
    expect(a.answer).not.toMatch(/function|\[object/);
    const b = engine.ask('is the toString hundred euros?');
    expect(b.answer).not.toMatch(/function|NaN|\[object/);
  });
});
