/** CORPUS_STRICT=1 (or true/yes): any corpus problem stops the start instead of a warning. */
export function corpusStrictFrom(env: NodeJS.ProcessEnv = process.env, flag = false): boolean {
  return flag || /^(?:1|true|yes|on)$/i.test(env.CORPUS_STRICT?.trim() ?? '');
}
