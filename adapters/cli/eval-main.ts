import { runEval } from './eval-run.js';

process.exitCode = await runEval(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
