// Runs an entry point (`node adapters/shared/launch.mjs adapters/cli/ask-main [args…]`)
// from its compiled copy in dist/ when that copy is newer than every TypeScript
// source, for a fast start; otherwise from the source itself through tsx, so a
// stale or missing build can never run old code. `npm run build` (run by
// `npm ci` through `prepare`) makes the compiled copy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node adapters/shared/launch.mjs <entry, e.g. adapters/cli/ask-main> [args…]\n');
  process.exit(2);
}

const stamp = join(root, 'dist', '.build-stamp');

/** Newest modification time of the TypeScript sources the build compiles. */
function newestSource() {
  let newest = 0;
  for (const dir of ['src', 'adapters']) {
    for (const e of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
    }
  }
  return newest;
}

const compiled = join(root, 'dist', `${entry}.js`);
const fresh = existsSync(stamp) && existsSync(compiled) && statSync(stamp).mtimeMs >= newestSource();
const target = fresh ? compiled : join(root, `${entry}.ts`);
// The entry sees itself as process.argv[1] and its own arguments after it, as if run directly.
process.argv.splice(1, 2, target);
if (!fresh) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(target).href);
