/**
 * Finding the questions in a chat message (src/text/message.ts): lead-ins
 * and greetings stripped, the question found after rambling context, two
 * coordinated questions split, asides and purposes dropped, tagged
 * statements read as claims to check.
 */
import { describe, expect, it } from 'vitest';
import { MAX_QUESTIONS_PER_MESSAGE, readMessage } from '../../src/text/message.js';

const texts = (message: string) => readMessage(message).questions.map((q) => q.text);

describe('readMessage', () => {
  it.each([
    ['hey all, quick one for the weekly digest: how much did the council pledge?', 'how much did the council pledge?'],
    ['hi there! how much is the terminal?', 'how much is the terminal?'],
    ['ok so random q but who pays for dredging?', 'who pays for dredging?'],
    ['good morning team, when does construction start?', 'when does construction start?'],
  ])('strips the greeting or lead-in: %s', (message, question) => {
    expect(texts(message)).toEqual([question]);
  });

  it('finds the question after sentences of context, and keeps those as context', () => {
    const m = readMessage('I was reading the port story on the bus. It went on a bit. Anyway, how much is the terminal?');
    expect(m.questions.map((q) => q.text)).toEqual(['how much is the terminal?']);
    expect(m.context).toEqual(['I was reading the port story on the bus.', 'It went on a bit.']);
  });

  it('splits two coordinated questions', () => {
    expect(texts('where was the summit and who spoke?')).toEqual(['where was the summit', 'who spoke?']);
    expect(texts('how much did the council pledge; when does construction start')).toEqual(['how much did the council pledge', 'when does construction start']);
  });

  it('answers two questions asked as two sentences', () => {
    expect(texts('How much did the council pledge? When does construction start?')).toEqual(['How much did the council pledge?', 'When does construction start?']);
  });

  it(`answers at most ${MAX_QUESTIONS_PER_MESSAGE} questions of one message`, () => {
    const many = 'Who? What? When? Where? Why? How?';
    expect(readMessage(many).questions.length).toBe(MAX_QUESTIONS_PER_MESSAGE);
  });

  it('drops an aside after a comma and the purpose of asking', () => {
    expect(texts('how much did the mayor promise, is that tax money?')).toEqual(['how much did the mayor promise?']);
    expect(texts("what's the terminal budget for my slide deck")).toEqual(["what's the terminal budget"]);
    expect(texts('how much did the council pledge, need it for the caption')).toEqual(['how much did the council pledge']);
  });

  it('keeps an aside that itself asks what kind of answer is wanted', () => {
    expect(texts('who is paying, like which companies?')).toEqual(['who is paying, like which companies?']);
  });

  it('reads requests as questions', () => {
    expect(texts('tell me about the terminal')).toEqual(['tell me about the terminal']);
    expect(texts('hey, need a quote on control')).toEqual(['need a quote on control']);
  });

  it('reads a tagged statement as a claim to check, without its tag', () => {
    const [part] = readMessage('the terminal was announced on Monday, right?').questions;
    expect(part!.claim).toBe(true);
    expect(part!.text).toMatch(/^the terminal was announced on Monday\b/);
    expect(part!.text).not.toMatch(/right/);
    expect(readMessage("construction starts in March, doesn't it").questions[0]!.claim).toBe(true);
  });

  it('does not take a question or a bare topic for a claim', () => {
    expect(readMessage('was the terminal announced on Monday?').questions[0]!.claim).toBe(false);
    expect(readMessage('key numbers?').questions).toEqual([{ text: 'key numbers', claim: false }]);
  });

  it('keeps the whole message when nothing in it reads as a question', () => {
    expect(texts('terminal budget')).toEqual(['terminal budget']);
    expect(readMessage('   ').questions).toEqual([]);
  });
});

describe('a closing "or" tag on a yes/no question', () => {
  it.each([
    ['does the terminal open to every shipping line or nah?', 'does the terminal open to every shipping line?'],
    ['is the warehouse beside the terminal or not', 'is the warehouse beside the terminal'],
    ['will the council pay for dredging, or nope?', 'will the council pay for dredging?'],
  ])('is dropped: %s', (message, question) => {
    expect(texts(message)).toEqual([question]);
  });

  it.each([
    'is the terminal for big lines or small?',
    'does the council pay for dredging or cranes?',
    'is it the mayor or Calder?',
  ])('an alternative stays: %s', (message) => {
    expect(texts(message)).toEqual([message]);
  });
});
