/**
 * CPU profiles of one phase (index build, or answering), taken with the
 * inspector inside the process being measured so the two phases come out
 * apart, and summarised as hot spots with their TypeScript file:line (tsx
 * keeps source maps, which map the profile's positions back to the source).
 */
import { writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface HotSpot {
  /** "function file:line", the line in the TypeScript source where it maps. */
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Time spent in the function itself, anywhere. */
  self: HotSpot[];
  /** Time in engine code (src/) including what it calls: where to start optimising. */
  engineInclusive: HotSpot[];
  /** Self time summed per file. */
  files: HotSpot[];
}

/** Runs `work` under the V8 sampling profiler and returns the profile. */
export async function profiled<T>(work: () => T | Promise<T>, intervalUs = 200): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    // Leave the inspector's dispatch before working, so its frame does not sit under every sample.
    await new Promise((resolve) => setImmediate(resolve));
    const result = await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A frame's readable location, mapped through the module's source map when it has one. */
function locate(frame: CallFrame): { file: string; line: number } {
  const name = frame.url;
  if (!name) return { file: '', line: 0 };
  const map = findSourceMap(name) ?? (name.startsWith('file:') ? findSourceMap(fileURLToPath(name)) : undefined);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  const source = entry?.originalSource ?? name;
  const line = (entry?.originalLine ?? frame.lineNumber) + 1;
  const path = source.startsWith('file:') ? fileURLToPath(source) : source;
  return { file: path.startsWith('/') ? relative(ROOT, path) : path, line };
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyCache = new Map<number, { key: string; file: string }>();
  const keyOf = (id: number) => {
    let k = keyCache.get(id);
    if (!k) {
      const f = byId.get(id)!.callFrame;
      const at = locate(f);
      k = { key: `${f.functionName || '(anonymous)'}${at.file ? ` ${at.file}:${at.line}` : ''}`, file: at.file || f.functionName };
      keyCache.set(id, k);
    }
    return k;
  };
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const leaf = keyOf(id);
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + dt);
    files.set(leaf.file, (files.get(leaf.file) ?? 0) + dt);
    // Each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = keyOf(n);
      if (k.file.startsWith('src/') && !seen.has(k.key)) {
        seen.add(k.key);
        inclusive.set(k.key, (inclusive.get(k.key) ?? 0) + dt);
      }
    }
  });
  const rank = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([where, ms]) => ({ where, ms, share: ms / Math.max(total, 1e-9) }));
  return { totalMs: total, self: rank(self), engineInclusive: rank(inclusive), files: rank(files) };
}

export function writeProfile(path: string, profile: CpuProfile): void {
  writeFileSync(path, JSON.stringify(profile));
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const rows = (list: HotSpot[]) => list.map((h) => `    ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.ms.toFixed(0).padStart(7)} ms  ${h.where}`).join('\n');
  return [
    `${title} (${s.totalMs.toFixed(0)} ms sampled; file:line is where the function starts)`,
    '  self time, any code:', rows(s.self),
    '  inclusive time, engine code (src/):', rows(s.engineInclusive),
    '  self time per file:', rows(s.files.slice(0, 8)),
  ].join('\n');
}
