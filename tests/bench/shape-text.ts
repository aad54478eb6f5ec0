/**
 * Documents of awkward shapes, deterministic and of a chosen size: the same
 * sentences laid out as ordinary paragraphs, as one huge paragraph, as list
 * lines, or as one line with no line break at all.
 */
export type ShapeName = 'paragraphs' | 'one-paragraph' | 'list-lines' | 'one-line';

const WORDS = ['compute', 'alliance', 'budget', 'Lisbon', 'harbour', 'programme', 'investors', 'pledged', 'hub', 'grid', 'Sines', 'ministers'];

function sentence(i: number): string {
  const w = (k: number) => WORDS[(i * k + k) % WORDS.length];
  return `The ${w(1)} ${w(7)} of ${w(3)} ${i} grew by ${i % 97} percent, said Dr. ${w(5)} on Feb. ${1 + (i % 28)}.`;
}

/** About `mb` megabytes (UTF-16 code units / 2^20) of text in the given shape. */
export function shapeText(shape: ShapeName, mb: number): string {
  const target = mb * 2 ** 20;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < target; i++) {
    const s = shape === 'list-lines' ? `- ${sentence(i)}` : sentence(i);
    parts.push(s);
    length += s.length + 1;
    if (shape === 'paragraphs' && i % 4 === 3) parts.push('');
  }
  // The list follows a heading and a blank line, so it is one 1 MB block of lines (the harder case), not a paragraph per line.
  if (shape === 'list-lines') return `# Announcements\n\n${parts.join('\n')}`;
  return parts.join(shape === 'paragraphs' ? '\n' : ' ');
}
