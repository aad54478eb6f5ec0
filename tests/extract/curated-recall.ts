/**
 * How much of a hand-curated corpus (figures.yaml, entities.yaml) the
 * automatic extraction recovers from the documents alone. A curated figure is
 * recovered when an extracted one of the same document quotes an overlapping
 * passage and has the same kind and amount (money: and currency) or the same
 * display; a curated entity when an extracted one shares a name or alias.
 */
import { loadCorpus } from '../../src/corpus/load.js';
import { nameKey } from '../../src/extract/entities.js';
import { extractKnowledge } from '../../src/extract/index.js';
import type { LoadedEntity, LoadedFigure } from '../../src/corpus/types.js';

export interface Recall {
  figures: { curated: number; recovered: number; missed: string[]; extracted: number };
  entities: { curated: number; recovered: number; sameKind: number; missed: string[]; extracted: number };
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function sameFigure(c: LoadedFigure, x: LoadedFigure): boolean {
  if (x.document !== c.document) return false;
  const overlap = x.at.start < c.at.end && c.at.start < x.at.end;
  if (!overlap) return false;
  if (c.kind === 'money') return x.kind === 'money' && x.amount === c.amount && x.currency === c.currency;
  return x.kind === c.kind && (x.amount !== undefined && x.amount === c.amount || norm(x.display).includes(norm(c.display)) || norm(c.display).includes(norm(x.display)));
}

function names(e: LoadedEntity): Set<string> {
  return new Set([e.name, ...e.aliases].map(nameKey));
}

export async function curatedRecall(dir: string): Promise<Recall> {
  const corpus = await loadCorpus(dir);
  const k = extractKnowledge(corpus.documents);
  const missedFigures = corpus.figures.filter((c) => !k.figures.some((x) => sameFigure(c, x)));
  const byName = new Map<string, LoadedEntity>();
  for (const e of k.entities) for (const n of names(e)) if (!byName.has(n)) byName.set(n, e);
  let sameKind = 0;
  const missedEntities: string[] = [];
  for (const c of corpus.entities) {
    const found = [...names(c)].map((n) => byName.get(n)).find(Boolean);
    if (!found) missedEntities.push(c.id);
    else if (found.kind === c.kind) sameKind++;
  }
  return {
    figures: { curated: corpus.figures.length, recovered: corpus.figures.length - missedFigures.length, missed: missedFigures.map((f) => f.id), extracted: k.figures.length },
    entities: { curated: corpus.entities.length, recovered: corpus.entities.length - missedEntities.length, sameKind, missed: missedEntities, extracted: k.entities.length },
  };
}
