/**
 * The engine's folders are its stages, in order: the index (knowledge/),
 * understanding the question (understand/), composing answers (compose/),
 * generating proposals (generate/), scoring them (score/), deciding
 * (decide/), and the orchestration (engine/). A stage imports only from the
 * stages before it, no file imports itself round a circle, and nothing in
 * src/ knows a chat platform or the terminal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const STAGES = ['knowledge', 'understand', 'compose', 'generate', 'score', 'decide', 'engine'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import of a file (type-only ones too), as absolute .ts paths; and its package imports. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith('.')) local.push(normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
    else packages.push(spec);
  }
  return { local, packages };
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const stageOf = (file: string) => relative(SRC, file).split('/')[0]!;

describe('the engine’s stages', () => {
  it('each stage imports only from the stages before it', () => {
    const wrong: string[] = [];
    for (const [file, { local }] of graph) {
      const from = STAGES.indexOf(stageOf(file));
      if (from < 0) continue;
      for (const target of local) {
        const to = STAGES.indexOf(stageOf(target));
        if (to > from) wrong.push(`${relative(SRC, file)} imports ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no file imports itself round a circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      for (const next of graph.get(file)?.local ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(SRC, f)).join(' -> '));
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(circles).toEqual([]);
  });

  it('knows no chat platform and no terminal', () => {
    const platform = /^(?:discord\.js|@slack\/|@discordjs\/|readline|node:readline)/;
    const found = [...graph].flatMap(([file, { packages }]) => packages.filter((p) => platform.test(p)).map((p) => `${relative(SRC, file)}: ${p}`));
    expect(found).toEqual([]);
  });

  it('finds the imports it checks (the parser is not blind)', () => {
    const engine = graph.get(join(SRC, 'engine', 'engine.ts'))!;
    expect(engine.local).toContain(join(SRC, 'decide', 'decide.ts'));
    expect(graph.get(join(SRC, 'knowledge', 'knowledge.ts'))!.packages).toContain('minisearch');
  });
});
