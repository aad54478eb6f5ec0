/**
 * The documentation holds together: README.md stays a short front door, and
 * every relative link in it, in docs/ and in the adapters' READMEs leads to a
 * file that exists and, with a #fragment, to a heading of that file (GitHub's
 * heading ids: lower case, punctuation dropped, spaces as hyphens).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'adapters/slack/README.md',
  'adapters/discord/README.md',
  'adapters/shared/README.md',
];

/** GitHub's id for a heading. */
export function headingId(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headingIds(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingId(m[1]!)));
}

/** Relative links of a Markdown page, outside code blocks: [text](target). */
function links(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

describe('the documentation', () => {
  it('README.md is the front door: at most 350 lines, the two commands at the top', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(350);
    const top = readme.split('\n').slice(0, 20).join('\n');
    expect(top).toContain('npm ci && npm start');
    expect(top).toContain('npm ci && npm test');
  });

  it('heading ids as GitHub makes them', () => {
    expect(headingId('Automatic figures and entities (`src/extract/`)')).toBe('automatic-figures-and-entities-srcextract');
    expect(headingId('2. Invite the bot to your server')).toBe('2-invite-the-bot-to-your-server');
  });

  it.each(PAGES)('every relative link of %s leads somewhere', (page) => {
    const file = join(ROOT, page);
    const broken: string[] = [];
    for (const target of links(file)) {
      const [path, fragment] = target.split('#') as [string, string | undefined];
      const to = path === '' ? file : join(dirname(file), decodeURIComponent(path));
      if (!existsSync(to)) broken.push(`${target}: no file ${relative(ROOT, to)}`);
      else if (fragment && to.endsWith('.md') && !headingIds(to).has(fragment)) broken.push(`${target}: no heading #${fragment} in ${relative(ROOT, to)}`);
    }
    expect(broken).toEqual([]);
  });
});
