import { runAsk } from './ask.js';

process.exitCode = await runAsk(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
});
