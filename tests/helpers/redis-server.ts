/**
 * A real redis-server (Debian's package) for tests: started on a free
 * loopback port in a temporary directory, without persistence, and stopped
 * after. It can be stopped and started again on the same port, to test what
 * the bot does while Redis is away. Tests never need a Redis already running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { REDIS_SERVER } from './machine-tools.js';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (its data is gone: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it for good and removes its directory. */
  close(): Promise<void>;
}

/** True when something answers PING on the port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => (socket.destroy(), resolve(d.toString().startsWith('+PONG'))));
    for (const e of ['error', 'timeout'] as const) socket.once(e, () => (socket.destroy(), resolve(false)));
  });
}

export async function startRedis(): Promise<RedisServer> {
  const program = REDIS_SERVER.find();
  if (!program) throw new Error(`redis-server is not installed: ${REDIS_SERVER.install} (.ci/run does it)`);
  const dir = mkdtempSync(join(tmpdir(), 'summit-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(program, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], { stdio: 'ignore' });
    child.once('error', () => undefined);
    // Bounded: a server that never answers fails the test after 10 s.
    const deadline = Date.now() + 10_000;
    while (!(await pings(port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
