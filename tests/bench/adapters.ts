/**
 * The Slack and Discord round-trip benchmarks, gathered into this report
 * when their modules exist, next to the floor for any loopback round trip:
 * a bare HTTP request to a node:http server that answers at once.
 */
import { existsSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './measure.js';

export interface AdapterResult {
  name: string;
  status: 'ok' | 'not available' | 'failed';
  medianMs?: number;
  /** median / loopback HTTP median. */
  ratio?: number;
  detail?: string;
}

type Measure = (n?: number) => Promise<{ medianMs: number }>;

const ADAPTERS = [
  { name: 'Slack mention round trip', file: 'slack-roundtrip.ts', fn: 'measureSlackRoundtrip' },
  { name: 'Discord round trip', file: 'discord-roundtrip.ts', fn: 'measureDiscordRoundtrip' },
];

/** Median time of `n` sequential loopback HTTP requests, after one not counted. */
export async function loopbackHttpMedian(n = 50): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const samples: number[] = [];
  try {
    for (let i = -1; i < n; i++) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent: false }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end('{}');
      });
      if (i >= 0) samples.push(performance.now() - started);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return median(samples);
}

export async function measureAdapters(n: number, loopbackMs: number): Promise<AdapterResult[]> {
  const out: AdapterResult[] = [];
  for (const a of ADAPTERS) {
    const path = fileURLToPath(new URL(a.file, import.meta.url));
    if (!existsSync(path)) {
      out.push({ name: a.name, status: 'not available', detail: `tests/bench/${a.file} not found` });
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const measure = mod[a.fn] as Measure | undefined;
      if (typeof measure !== 'function') {
        out.push({ name: a.name, status: 'not available', detail: `${a.file} does not export ${a.fn}` });
        continue;
      }
      const { medianMs } = await measure(n);
      out.push({ name: a.name, status: 'ok', medianMs, ratio: medianMs / loopbackMs, detail: `median of ${n}` });
    } catch (error) {
      // One adapter failing to start must not cost the rest of the report.
      out.push({ name: a.name, status: 'failed', detail: (error as Error).message.split('\n')[0] });
    }
  }
  return out;
}
