import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typoDistance } from '../../src/text/edit-distance.js';

describe('typoDistance', () => {
  it.each([
    ['investai', 'investia', 1],
    ['leyen', 'leyn', 1],
    ['stargate', 'stargte', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['ca', 'abc', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
  });

  it('is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = typoDistance(a, b);
        expect(typoDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});
