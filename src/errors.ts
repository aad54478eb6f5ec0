/**
 * Errors meant for the person running the bot: their message is complete and
 * safe to print as is, with no stack trace. Anything else is an internal error.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

/** Where in a corpus file a problem was found. */
export interface CorpusLocation {
  file: string;
  field?: string;
  line?: number;
}

/** A corpus file that cannot be loaded: names the file, the field and the line. */
export class CorpusError extends UserFacingError {
  override name = 'CorpusError';
  readonly location: CorpusLocation;
  /** What is wrong, without the location. */
  readonly problem: string;
  constructor(location: CorpusLocation, problem: string) {
    super(CorpusError.format(location, problem));
    this.location = location;
    this.problem = problem;
  }
  /**
   * One line, whatever the file is called: a file name (or a field, or a
   * problem quoting the file) with a newline or an escape sequence in it
   * cannot start a line of its own or restyle the terminal.
   */
  static format({ file, field, line }: CorpusLocation, problem: string): string {
    const where = [escapeControls(file), line !== undefined ? `line ${line}` : undefined, field !== undefined ? `field "${escapeControls(field)}"` : undefined]
      .filter(Boolean)
      .join(', ');
    return `corpus error in ${where}: ${escapeControls(problem)}`;
  }
  /** The line that reports this problem as a warning, with what was done about it ("document skipped"). */
  warning(consequence: string): string {
    return `${this.message.replace(/^corpus error in /, 'corpus warning in ')} (${consequence})`;
  }
}

// C0 and C1 controls, DEL, line and paragraph separators, and the bidi controls that reorder what follows them.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters as escapes (`\n`, `\u001b`), everything else as it is. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A configuration problem (environment variables, flags): lists every issue at once. */
export class ConfigError extends UserFacingError {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
