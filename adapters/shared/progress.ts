/**
 * A one-line progress indicator on a terminal's stderr while a large corpus
 * loads and indexes. Silent when stderr is not a terminal, so logs stay clean.
 */
export function progressReporter(stream: NodeJS.WriteStream, minTotal = 50): ((e: { phase: string; done: number; total: number }) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return ({ phase, done, total }) => {
    if (total < minTotal) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    stream.write(`\r${phase === 'load' ? 'Reading' : 'Indexing'} ${done.toLocaleString('en')}/${total.toLocaleString('en')} documents…${done === total ? '\n' : ''}`);
  };
}
