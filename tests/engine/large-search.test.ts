/**
 * In a large corpus a search leaves out words found in thousands of passages
 * (each costs a posting list read for little ranking). Those words still tell
 * the best passages apart: the passage holding them is found even when many
 * shorter passages about the same subject outrank it on the searched words.
 * A generated corpus about a robot maker, no curation files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritten, type TestEngine } from '../helpers/fixtures.js';

const TOWNS = ['Arden', 'Bexley', 'Corran', 'Dunmore', 'Eskdale', 'Fenwick', 'Garth', 'Holt'];

let corpus: TestEngine & { remove(): void };
const ask = (q: string) => corpus.ask(q);

beforeAll(async () => {
  const files: Record<string, string> = {};
  // 3,000 sentences about widgets from other makers: "widgets" is in far more passages than the search budget.
  for (let d = 0; d < 30; d++) {
    const lines = Array.from({ length: 100 }, (_, i) => `Maker ${d * 100 + i} delivered widgets to ${TOWNS[i % TOWNS.length]} last year.`);
    files[`makers-${d}.md`] = `---\ntitle: Widget makers ${d}\npublished: 2024-02-${String((d % 27) + 1).padStart(2, '0')}\n---\n${lines.join('\n\n')}\n`;
  }
  // Many short sentences about the maker asked about, none about widgets.
  const acme = Array.from({ length: 80 }, (_, i) => `Acme Robotics opened a depot in ${TOWNS[i % TOWNS.length]}.`);
  acme.splice(40, 0, 'Under its plan for the coming decade, Acme Robotics expects to hand over its first widgets to customers in the north by the spring.');
  files['acme.md'] = `---\ntitle: Acme Robotics news\npublished: 2024-03-01\n---\n${acme.join('\n\n')}\n`;
  corpus = await openWritten(files, { onWarning: () => {} });
});
afterAll(() => corpus?.remove());

describe('words left out of a large search', () => {
  it('still bring forward the passage that holds them', () => {
    const a = ask('when will Acme Robotics hand over widgets?');
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('Acme Robotics expects to hand over its first widgets');
  });
});
