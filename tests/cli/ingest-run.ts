/** Runs `npm run ingest` in process, with its output captured and no environment of the user's. */
import { PassThrough } from 'node:stream';
import { runIngest, type IngestIO } from '../../adapters/cli/ingest.js';

export interface IngestResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function ingest(argv: string[], options: Pick<IngestIO, 'fetch' | 'read'> = {}): Promise<IngestResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runIngest(argv, { stdout, stderr, env: {}, ...options });
  return { code, stdout: text, stderr: err };
}
