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
  constructor(location: CorpusLocation, problem: string) {
    super(CorpusError.format(location, problem));
    this.location = location;
  }
  static format({ file, field, line }: CorpusLocation, problem: string): string {
    const where = [file, line !== undefined ? `line ${line}` : undefined, field !== undefined ? `field "${field}"` : undefined]
      .filter(Boolean)
      .join(', ');
    return `corpus error in ${where}: ${problem}`;
  }
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
