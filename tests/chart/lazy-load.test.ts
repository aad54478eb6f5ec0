/**
 * The charting libraries are loaded only when a chart is drawn: answering,
 * even an answer that has a chart, and starting up never load Vega,
 * Vega-Lite or resvg.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEAVY = /from\s+'(vega|vega-lite|@resvg\/resvg-js)'/;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name).slice(ROOT.length));
}

describe('lazy charting', () => {
  it('only the renderer imports the charting libraries, and only dynamically is the renderer imported', () => {
    const files = [...sources('src'), ...sources('adapters')];
    expect(files.filter((f) => HEAVY.test(readFileSync(join(ROOT, f), 'utf8')))).toEqual(['adapters/shared/chart/render.ts']);
    const importsRenderer = (f: string) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      return f.startsWith('adapters/shared/chart/') ? /^import (?!type)[^;]*from '\.\/render\.js'/m.test(text) : /from '[^']*shared\/chart\/render\.js'/.test(text);
    };
    const importers = files.filter(importsRenderer);
    expect(importers).toEqual([]);
    expect(readFileSync(join(ROOT, 'adapters/shared/chart/index.ts'), 'utf8')).toContain("import('./render.js')");
  });

  it('answering a comparison in the CLI leaves Vega unloaded; drawing its chart loads it', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { PassThrough, Readable } from 'node:stream';
      const { runAsk } = await import('./adapters/cli/ask.ts');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /node_modules\\/(vega|vega-lite|@resvg)\\//.test(k)).length;
      const io = { stdin: Readable.from(['']), stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
      await runAsk(['compare InvestAI with Stargate'], io);
      const before = loaded();
      await runAsk(['--chart', process.argv[1], 'compare InvestAI with Stargate'], io);
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const dir = mkdtempSync(join(tmpdir(), 'summit-qa-lazy-'));
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(dir, 'chart.svg')], { cwd: ROOT, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { before, after } = JSON.parse(out.trim().split('\n').at(-1)!) as { before: number; after: number };
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });
});
