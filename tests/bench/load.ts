/**
 * npm run bench:load: the Slack and Discord load scripts, the two-replica
 * Slack run sharing a redis-server, the slow-question run, and a burst of
 * 5,000 Slack mentions on one worker thread, each in its own process (so one's memory does not colour the other's), one after the
 * other. Everything runs on 127.0.0.1 against the loopback fakes, bounded in count.
 *
 *   npm run bench:load -- [count=1000] [concurrency=100] [runs=2]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [count = '1000', concurrency = '100', runs = '2'] = process.argv.slice(2);
const root = fileURLToPath(new URL('../../', import.meta.url));

function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

let failed = 0;
const scripts: [string, string[]][] = [
  ['tests/bench/load-slack.ts', [count, concurrency, runs]],
  ['tests/bench/load-discord.ts', [count, concurrency, runs]],
  ['tests/bench/load-replicas.ts', [count, concurrency]],
  ['tests/bench/load-slow.ts', []],
  ['tests/bench/load-burst.ts', ['5000', '1']],
];
for (const [script, args] of scripts) {
  console.log(`\n$ node --expose-gc --import tsx ${script} ${args.join(' ')}`);
  if ((await run(script, args)) !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
