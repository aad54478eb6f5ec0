/**
 * Command-line parsing shared by the one-shot commands: node's parseArgs,
 * with a usage error printed and exit code 2, and --help printed and exit 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The parsed arguments, or the exit code when the command ends here (2 for a
 * usage error, 0 for --help). The options should include `help`.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string, io: CommandIO) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((parsed.values as Record<string, unknown>).help) {
    io.stdout.write(`${usage}\n`);
    return 0;
  }
  return parsed;
}
