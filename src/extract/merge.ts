/**
 * How name groups are merged and named: misspellings, the spelling to keep,
 * a person's other names, @handles and nationality adjectives.
 */
import { typoDistance } from '../text/edit-distance.js';
import { personShaped, type Kind, type PlaceKind } from './signals.js';
import type { DefinitionSource, EntityDraft } from './entity-draft.js';
import { placeOfAdjective, placesByStart } from '../text/demonym.js';

export interface Candidate {
  key: string;
  surfaces: Map<string, number>;
  votes: Partial<Record<Kind, number>>;
  place: Partial<Record<PlaceKind, number>>;
  aliases: Set<string>;
  description?: string;
  descriptionStrength: number;
  definitions: DefinitionSource[];
  count: number;
  /** Mentions not at a sentence start, where a capital letter does say "name". */
  mid: number;
  /** Mentions used as a modifier ("Atlantic coast"). */
  modifier: number;
  acronym: boolean;
  defined: boolean;
}

const keyCache = new Map<string, string>();

/** Lower-case, accent-free, without "the" and a possessive: how names are compared. */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = computeKey(name);
    // Bounded: a huge corpus of distinct names must not grow the cache without limit.
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CONNECTOR_WORDS = new Set(['of', 'for', 'on', 'and', 'the', '&', 'de', 'da', 'do', 'von', 'van', 'der', 'la', 'le', 'du']);

export function initialsOf(name: string, all: boolean): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => all || !CONNECTOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Two spellings of one name: one or two typing mistakes apart, depending on length. */
export function closeSpelling(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const limit = Math.min(a.length, b.length) >= 8 ? 2 : Math.min(a.length, b.length) >= 5 ? 1 : 0;
  return limit > 0 && typoDistance(a, b) <= limit;
}

/** The spelling to keep: the one a correction names, else the most used. */
export function pickWinner(a: Candidate, b: Candidate, preferred: Map<string, string>): Candidate {
  const lastA = a.key.split(' ').pop()!;
  const lastB = b.key.split(' ').pop()!;
  if (preferred.has(lastA) && nameKey(preferred.get(lastA)!) === lastB) return b;
  if (preferred.has(lastB) && nameKey(preferred.get(lastB)!) === lastA) return a;
  return b.count > a.count ? b : a;
}

export function pickLoser(a: Candidate, b: Candidate, preferred: Map<string, string>): string {
  return pickWinner(a, b, preferred) === a ? b.key : a.key;
}

export function canonical(members: Candidate[], preferred: Map<string, string>): Candidate {
  const corrected = new Set([...preferred.keys()]);
  return [...members].sort((a, b) => {
    const wrongA = corrected.has(a.key.split(' ').pop()!) ? 1 : 0;
    const wrongB = corrected.has(b.key.split(' ').pop()!) ? 1 : 0;
    if (wrongA !== wrongB) return wrongA - wrongB;
    const multiA = a.key.includes(' ') && !a.acronym ? 1 : 0;
    const multiB = b.key.includes(' ') && !b.acronym ? 1 : 0;
    if (multiA !== multiB) return multiB - multiA;
    // A person's full name ("Ursula von der Leyen") over a shorter form written more often.
    const wordsA = a.key.split(' ').length;
    const wordsB = b.key.split(' ').length;
    if (multiA && wordsA !== wordsB && [...a.surfaces.keys(), ...b.surfaces.keys()].every((s) => /^\p{Lu}/u.test(s.split(' ').pop()!))) {
      if (personShaped(surfaceOfKey(a)) || personShaped(surfaceOfKey(b))) return wordsB - wordsA;
    }
    return b.count - a.count || b.key.length - a.key.length;
  })[0]!;
}

export function surfaceOfKey(c: Candidate): string {
  return [...c.surfaces.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A person is also called by surname, by title and surname, and by initials where the text uses them. */
export function addPersonAliases(name: string, aliases: Set<string>, capsTokens: ReadonlySet<string>): void {
  const words = name.split(/\s+/);
  // "French president" is a role, not a first name and a surname.
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|da|van|von|der|del|di|du|le|la)$/.test(w))) return;
  aliases.add(words[words.length - 1]!);
  const initials = initialsOf(name, false);
  if (initials.length >= 2 && capsTokens.has(initials)) aliases.add(initials);
}

export function placeKind(votes: Partial<Record<PlaceKind, number>>): { place?: PlaceKind } {
  const best = (Object.entries(votes) as [PlaceKind, number][]).sort((a, b) => b[1] - a[1])[0];
  return best ? { place: best[0] } : {};
}

/** "@QuillonSemi" is Quillon's account when the handle holds the name; "(@RitaAbreuTech)" after a name was linked already. */
export function linkHandles(handles: Set<string>, drafts: EntityDraft[], byKey: Map<string, EntityDraft>): void {
  const squash = (s: string) => nameKey(s).replace(/[^a-z0-9]/g, '');
  // Owners indexed by how their handle would start: a person's first name, an organisation's first word.
  const byStart = new Map<string, { draft: EntityDraft; stem: string }[]>();
  for (const d of drafts) {
    const words = nameKey(d.name).split(' ').map((w) => w.replace(/[^a-z0-9]/g, ''));
    if (d.kind === 'person' && words.length >= 2) push(byStart, words[0]!.slice(0, 3), { draft: d, stem: words[0]! + words[words.length - 1]! });
    else if (d.kind !== 'person' && words[0]!.length >= 5) push(byStart, words[0]!.slice(0, 3), { draft: d, stem: words[0]! });
  }
  for (const handle of handles) {
    if (byKey.has(nameKey(handle))) continue;
    const h = squash(handle);
    const owners = (byStart.get(h.slice(0, 3)) ?? []).filter((o) => h.startsWith(o.stem));
    if (owners.length === 1) {
      owners[0]!.draft.aliases.add(handle);
      byKey.set(nameKey(handle), owners[0]!.draft);
    }
  }
}

/** "Canadian" names Canada, "Portuguese" Portugal: a long shared start with a place, which makes it a country. */
export function linkAdjectives(adjectives: Set<string>, drafts: EntityDraft[], byKey: Map<string, EntityDraft>): void {
  const removed = new Set<EntityDraft>();
  const places = placesByStart(drafts);
  for (const adj of adjectives) {
    const place = placeOfAdjective(adj, places);
    if (!place) continue;
    place.adjectives.add(adj);
    place.place ??= 'country';
    // The adjective itself is not a separate entity.
    const own = byKey.get(nameKey(adj));
    if (own && own !== place) removed.add(own);
    byKey.set(nameKey(adj), place);
  }
  if (!removed.size) return;
  let kept = 0;
  for (const d of drafts) if (!removed.has(d)) drafts[kept++] = d;
  drafts.length = kept;
}
