/**
 * The shape section of `npm run bench`: indexing cost per megabyte for
 * documents of awkward shapes, next to ordinary paragraphs of the same size
 * measured in the same run. Linear indexing shows as ms/MB close to the
 * baseline's whatever the shape, and as the same ms/MB at 1 MB and 10 MB.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ShapeResult } from './shape-child.js';
import type { ShapeName } from './shape-text.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SHAPES: { shape: ShapeName; mb: number; label: string }[] = [
  { shape: 'paragraphs', mb: 1, label: 'ordinary paragraphs, 1 MB (baseline)' },
  { shape: 'one-paragraph', mb: 1, label: 'one paragraph, 1 MB' },
  { shape: 'list-lines', mb: 1, label: 'list lines, 1 MB' },
  { shape: 'one-line', mb: 1, label: 'one line, 1 MB' },
  { shape: 'one-line', mb: 10, label: 'one line, 10 MB' },
  { shape: 'paragraphs', mb: 10, label: 'ordinary paragraphs, 10 MB' },
];

function runShape(shape: ShapeName, mb: number): Promise<ShapeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/shape-child.ts', shape, String(mb)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('SHAPE_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`shape child ${shape} ${mb} MB exited with ${code}`));
      resolve(JSON.parse(line.slice('SHAPE_RESULT '.length)) as ShapeResult);
    });
  });
}

export interface ShapeRow extends ShapeResult {
  label: string;
  msPerMb: number;
  /** ms/MB over the baseline's ms/MB. */
  ratio: number;
}

/** Each shape up to `maxMb` megabytes (the baseline comes first), in a fresh process. */
export async function measureShapes(log: (line: string) => void, maxMb = Infinity): Promise<ShapeRow[]> {
  const rows: ShapeRow[] = [];
  for (const { shape, mb, label } of SHAPES.filter((s) => s.mb <= maxMb)) {
    log(`shape: ${label} ...`);
    const r = await runShape(shape, mb);
    const msPerMb = r.totalMs / r.mb;
    rows.push({ ...r, label, msPerMb, ratio: msPerMb / (rows[0]?.msPerMb ?? msPerMb) });
  }
  return rows;
}

export function formatShapes(rows: readonly ShapeRow[]): string {
  const lines = ['Document shapes (segment + index one document; each in a fresh process)', '  shape                                   MB   sentences   segment ms   index ms    ms/MB   x baseline   peak RSS MB'];
  for (const r of rows) {
    lines.push(
      `  ${r.label.padEnd(38)} ${r.mb.toFixed(1).padStart(5)} ${String(r.sentences).padStart(11)} ${r.segmentMs.toFixed(0).padStart(12)} ${r.indexMs.toFixed(0).padStart(10)} ${r.msPerMb.toFixed(0).padStart(8)} ${r.ratio.toFixed(2).padStart(12)} ${r.peakRssMb.toFixed(0).padStart(13)}`,
    );
  }
  return lines.join('\n');
}
