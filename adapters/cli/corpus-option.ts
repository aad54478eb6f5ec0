/** Where a terminal surface reads its corpus: --corpus, else CORPUS_DIR, else the bundled one. */
export function corpusDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env.CORPUS_DIR?.trim() || undefined);
}
