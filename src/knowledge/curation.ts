/**
 * Joins what was extracted from the documents with what was curated by hand
 * (figures.yaml, entities.yaml). Curation is optional: it adds names, fixes a
 * description, merges two spellings of one entity. An extracted entity that
 * shares a name with a curated one becomes part of it; an extracted figure
 * that a curated figure already states (same document, same sentence, same
 * amount) is dropped; everything else is kept, so a document nobody curated
 * is known as well as one somebody did.
 */
import type { Corpus, LoadedEntity, LoadedFigure } from '../corpus/load.js';
import { fold } from '../text/normalize.js';
import { longDate } from '../text/wording.js';

/** A correction notice's figure and the earlier figures it corrects. */
export interface Correction {
  figure: string;
  replaces: string[];
}

export interface Extracted {
  entities: LoadedEntity[];
  figures: LoadedFigure[];
  corrections: Correction[];
}

const formsOf = (e: { name: string; aliases: readonly string[] }) => [e.name, ...e.aliases].map((n) => fold(n).replace(/^the\s+/, '').trim()).filter((n) => n.length >= 2);

export function mergeKnowledge(corpus: Corpus, extracted: Extracted): Corpus & { corrections: Correction[] } {
  const entities = corpus.entities.map((e) => ({ ...e, aliases: [...e.aliases] }));
  const byForm = new Map<string, LoadedEntity>();
  for (const e of entities) for (const f of formsOf(e)) if (!byForm.has(f)) byForm.set(f, e);
  const usedIds = new Set(entities.map((e) => e.id));
  const idMap = new Map<string, string>();

  // A one-word alias that is part of several extracted names ("Forum" of "Lisbon Compute Forum" and
  // "Forum Secretariat") names none of them for sure.
  const nameWords = new Map<string, number>();
  for (const e of extracted.entities) for (const w of new Set(fold(e.name).split(/\s+/))) nameWords.set(w, (nameWords.get(w) ?? 0) + 1);
  const clear = (alias: string) => /\s/.test(alias.trim()) || /^\p{Lu}{2,}$|^@/u.test(alias.trim()) || (nameWords.get(fold(alias.trim())) ?? 0) <= 1;
  // "U.S." and "United States" are one entity: an abbreviation joins the name it abbreviates.
  const byInitials = new Map<string, LoadedEntity>();
  for (const e of [...entities, ...extracted.entities]) {
    const words = e.name.split(/\s+/).filter((w) => !/^(?:of|the|and|for)$/i.test(w));
    if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) byInitials.set(words.map((w) => w[0]).join(''), e);
  }
  const abbreviated = new Map<string, LoadedEntity>();
  for (const e of extracted.entities) {
    const letters = /^(?:\p{Lu}\.?){2,5}$/u.test(e.name) ? e.name.replace(/\./g, '') : undefined;
    const full = letters ? byInitials.get(letters) : undefined;
    if (full && full !== e) abbreviated.set(e.id, full);
  }
  for (const raw of extracted.entities) {
    const target = abbreviated.get(raw.id);
    if (target) {
      // Joined below with the entity it abbreviates, under that entity's id.
      if (!target.aliases.includes(raw.name)) target.aliases = [...target.aliases, raw.name];
      continue;
    }
  }
  for (const raw of extracted.entities) {
    if (abbreviated.has(raw.id)) {
      idMap.set(raw.id, idMap.get(abbreviated.get(raw.id)!.id) ?? abbreviated.get(raw.id)!.id);
      continue;
    }
    const e = { ...raw, aliases: raw.aliases.filter(clear) };
    const curated = formsOf(e).map((f) => byForm.get(f)).find((c) => c !== undefined);
    if (curated) {
      // A curated entity keeps its name and description; it gains the spellings the documents use.
      idMap.set(e.id, curated.id);
      const known = new Set(formsOf(curated));
      for (const alias of [e.name, ...e.aliases]) {
        const folded = fold(alias).replace(/^the\s+/, '').trim();
        if (!known.has(folded) && !byForm.has(folded)) {
          curated.aliases.push(alias);
          known.add(folded);
          byForm.set(folded, curated);
        }
      }
      continue;
    }
    const id = uniqueId(e.id, usedIds);
    idMap.set(e.id, id);
    const added = { ...e, id };
    entities.push(added);
    for (const f of formsOf(added)) if (!byForm.has(f)) byForm.set(f, added);
  }

  const figures = [...corpus.figures];
  const usedFigureIds = new Set(figures.map((f) => f.id));
  const figureIdMap = new Map<string, string>();
  // Curated figures by document: each extracted figure is compared only with its own document's.
  const curatedByDocument = new Map<string, LoadedFigure[]>();
  for (const c of corpus.figures) {
    const list = curatedByDocument.get(c.at.documentId);
    if (list) list.push(c);
    else curatedByDocument.set(c.at.documentId, [c]);
  }
  for (const f of extracted.figures) {
    // Curated already: the same kind of figure in the same document, with the same value or in the same sentence.
    const stated = (curatedByDocument.get(f.at.documentId) ?? []).some(
      (c) =>
        c.kind === f.kind &&
        ((c.amount !== undefined && f.amount !== undefined && Math.abs(c.amount - f.amount) <= 0.01 * c.amount) ||
          (c.when !== undefined && c.when === f.when) ||
          (c.at.start < f.at.end && f.at.start < c.at.end && (c.amount === undefined || f.amount === undefined))),
    );
    if (stated) continue;
    // "today", "on Tuesday": shown with the day they stand for, when the document's date tells it.
    const relative = f.kind === 'date' && RELATIVE_DAY.test(f.display) && f.when && /^\d{4}-\d\d-\d\d$/.test(f.when);
    if (f.kind === 'date' && RELATIVE_DAY.test(f.display) && !relative) continue;
    const id = uniqueId(f.id, usedFigureIds);
    figureIdMap.set(f.id, id);
    const remap = (ref: string) => idMap.get(ref) ?? ref;
    figures.push({ ...f, id, ...(relative ? { display: `${f.display} (${longDate(f.when!)})` } : {}), subjects: [...new Set(f.subjects.map(remap))], ...(f.who ? { who: remap(f.who) } : {}), parts: f.parts.map((p) => figureIdMap.get(p) ?? p) });
  }
  const corrections = extracted.corrections
    .filter((c) => figureIdMap.has(c.figure))
    .map((c) => ({ figure: figureIdMap.get(c.figure)!, replaces: c.replaces.map((r) => figureIdMap.get(r) ?? r).filter((r) => usedFigureIds.has(r)) }));
  // A correction replaces other figures, never itself; a figure another correction replaces corrects nothing.
  const replaced = new Set(corrections.flatMap((c) => c.replaces.filter((r) => r !== c.figure)));
  const kept = corrections.filter((c) => !replaced.has(c.figure)).map((c) => ({ ...c, replaces: c.replaces.filter((r) => r !== c.figure) })).filter((c) => c.replaces.length > 0);
  return { ...corpus, entities, figures, corrections: kept };
}

/** Days named relative to the document's own date. */
const RELATIVE_DAY = /^(?:(?:on|by|from|until)\s+)?(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening|week)|last (?:week|night)|(?:late |early )?(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))$/i;

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
