import { runIngest } from './ingest.js';

process.exitCode = await runIngest(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
