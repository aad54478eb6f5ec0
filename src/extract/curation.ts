/**
 * Curated yaml on top of extracted knowledge: a curated entity absorbs the
 * extracted one with the same id or a shared name (gaining its aliases, and
 * its definition when it has none), a curated figure replaces the extracted
 * figure of the same amount in the same sentence, and every id stays unique
 * with every reference pointing at a record that exists.
 */
import type { LoadedEntity, LoadedFigure } from '../corpus/types.js';
import type { Correction, ExtractedKnowledge } from './extract.js';
import { nameKey } from './merge.js';

export interface Curated {
  entities: LoadedEntity[];
  figures: LoadedFigure[];
}

function sameFigure(a: LoadedFigure, b: LoadedFigure): boolean {
  return a.kind === b.kind && a.at.documentId === b.at.documentId && a.at.start < b.at.end && b.at.start < a.at.end && (a.amount === b.amount || a.display === b.display) && a.currency === b.currency;
}

function freeId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

export function mergeWithCurated(curated: Curated, auto: ExtractedKnowledge): ExtractedKnowledge {
  const byName = new Map<string, LoadedEntity>();
  for (const e of curated.entities) for (const n of [e.id, e.name, ...e.aliases]) byName.set(nameKey(n), e);
  const entityIds = new Set(curated.entities.map((e) => e.id));
  const renamed = new Map<string, string>();
  const enriched = new Map<string, LoadedEntity>(curated.entities.map((e) => [e.id, e]));
  const added: LoadedEntity[] = [];
  for (const e of auto.entities) {
    const owner = [e.id, e.name, ...e.aliases].map((n) => byName.get(nameKey(n))).find(Boolean);
    if (owner) {
      renamed.set(e.id, owner.id);
      const base = enriched.get(owner.id)!;
      const known = new Set([base.name, ...base.aliases].map(nameKey));
      const aliases = [...base.aliases, ...[e.name, ...e.aliases].filter((a) => !known.has(nameKey(a)))];
      const adopt = base.definition.length === 0 && e.definition.length > 0;
      enriched.set(owner.id, {
        ...base,
        aliases: [...new Set(aliases)],
        ...(adopt ? { definition: e.definition, definitionAt: e.definitionAt, document: e.document } : {}),
        ...(base.description === undefined && e.description ? { description: e.description } : {}),
        ...(base.place === undefined && e.place ? { place: e.place } : {}),
        questions: base.questions.length ? base.questions : e.questions,
      });
      continue;
    }
    const id = freeId(e.id, entityIds);
    renamed.set(e.id, id);
    added.push({ ...e, id });
  }
  const mapId = (id: string) => renamed.get(id) ?? id;

  // Curated figures are kept as written; an extracted figure they already state is dropped in their favour.
  const figureIds = new Set(curated.figures.map((f) => f.id));
  const byDocument = new Map<string, LoadedFigure[]>();
  for (const f of curated.figures) {
    const list = byDocument.get(f.at.documentId);
    if (list) list.push(f);
    else byDocument.set(f.at.documentId, [f]);
  }
  const figureRenamed = new Map<string, string>();
  const figures: LoadedFigure[] = [...curated.figures];
  for (const f of auto.figures) {
    const twin = (byDocument.get(f.at.documentId) ?? []).find((c) => sameFigure(c, f));
    if (twin) {
      figureRenamed.set(f.id, twin.id);
      continue;
    }
    const id = freeId(f.id, figureIds);
    figureRenamed.set(f.id, id);
    figures.push({ ...f, id, ...(f.who ? { who: mapId(f.who) } : {}), subjects: [...new Set(f.subjects.map(mapId))] });
  }
  const corrections: Correction[] = auto.corrections.map((c) => ({ figure: figureRenamed.get(c.figure) ?? c.figure, replaces: [...new Set(c.replaces.map((r) => figureRenamed.get(r) ?? r))] }));
  return { entities: [...enriched.values(), ...added], figures, corrections };
}
