/**
 * Watches a corpus directory (recursively, with fs.watch) and calls back once
 * per burst of changes: an editor saving a file, or a copy of many files,
 * fires many events, and one rebuild after the burst is enough.
 */
import { watch, type FSWatcher } from 'node:fs';

export interface WatchOptions {
  /** Quiet time after the last event before onChange runs. Default 300 ms. */
  debounceMs?: number;
  /** Called when the watch itself fails (directory removed, too many watches). */
  onError?: (error: Error) => void;
}

export interface CorpusWatch {
  close(): void;
}

/** Editor droppings and hidden files never change what the corpus says. */
export function isIgnoredName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.startsWith('.') || base.endsWith('~') || base.endsWith('.swp') || base.endsWith('.tmp');
}

export function watchCorpus(dir: string, onChange: () => void, options: WatchOptions = {}): CorpusWatch {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
      if (name && isIgnoredName(String(name))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        onChange();
      }, debounceMs);
    });
    watcher.on('error', (error) => options.onError?.(error));
  } catch (error) {
    options.onError?.(error as Error);
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
