/**
 * French numbers, amounts, percentages, dates and days read into the
 * English the engine reads. No dictionary is needed for any of them.
 */
import { describe, expect, it } from 'vitest';
import { readFrench } from '../../src/understand/french/index.js';
import { cognatesOnly } from './helpers.js';

const english = (text: string) => readFrench(text, cognatesOnly()).english;

describe('French amounts', () => {
  it.each([
    ["200 milliards d'euros", '€200 billion'],
    ['500 Md$', '$500 billion'],
    ['112 Md€', '€112 billion'],
    ['50 M€', '€50 million'],
    ['50M€', '€50 million'],
    ['900 millions d’euros', '€900 million'],
    ['1,5 milliard', '1.5 billion'],
    ['3,5 milliards de dollars', '$3.5 billion'],
    ['un milliard d’euros', 'a billion euros'],
    ['un billion', 'a trillion'],
    ['2 billions de dollars', '$2 trillion'],
    ["la moitié d'un billion", 'half a trillion'],
    ['la moitié de 200 milliards', '100 billion'],
    ['200 000 €', '€200,000'],
    ['14 Mds €', '€14 billion'],
    ['cinquante milliards', '50 billion'],
    ['quatre-vingt-dix millions', '90 million'],
    ['deux cents milliards d’euros', '€200 billion'],
    ['vingt et un', '21'],
    ['€12 milliards', '€12 billion'],
  ])('%s -> %s', (french, english_) => {
    expect(english(french)).toBe(english_);
  });
});

describe('percentages, numbers and dates', () => {
  it.each([
    ['3,5 %', '3.5%'],
    ['25 pour cent', '25%'],
    ['le 10 février 2025', '10 February 2025'],
    ['le 1er mars', '1 March'],
    ['10/02/2025', '10 February 2025'],
    ['en janvier', 'in January'],
    ['lundi', 'Monday'],
    ['le mardi', 'Tuesday'],
    ['sur quatre ans', 'on 4 years'],
    ['58 pays', '58 pays'],
    ['en 2030', 'in 2030'],
  ])('%s -> %s', (french, english_) => {
    expect(english(french)).toBe(english_);
  });

  it.each([
    ['le troisième site', /\bthird site\b/],
    ['les deuxième et troisième sites', /\bsecond and third sites\b/],
    ['la vingt-et-unième réunion', /\b21st\b/],
    ['le centième jour', /\b100th\b/],
  ])('an ordinal in -ième: %s', (french, expected) => {
    expect(english(french)).toMatch(expected);
  });

  it('words that merely end like an ordinal are no ordinal', () => {
    expect(english('les problèmes du système')).not.toMatch(/\d|first|second|third/);
  });

  it('reads numbers in a question about either corpus', () => {
    expect(english('InvestAI vise 200 milliards ou 150 ?')).toMatch(/200 billion or 150\?$/);
    expect(english('Harbour, c’est 900 M€ sur cinq ans ?')).toMatch(/€900 million on 5 (?:year|ans)/);
  });
});
