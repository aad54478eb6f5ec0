/**
 * Whether a word names a place the way an adjective of its people does:
 * "Portuguese" Portugal, "Canadian" Canada, "Peruvian" Peru, "Romani"
 * Romania (a prefix of the name). A long shared start (five letters, or all
 * but the last of a shorter name) with at most three letters of the place's
 * name left over. Irregular ones ("Spanish", "Dutch") are not caught.
 */
export function adjectiveNamesPlace(adjective: string, place: string): boolean {
  const a = adjective.toLowerCase();
  const p = place.toLowerCase();
  if (a === p || /\s/.test(p)) return false;
  const shorter = Math.min(p.length, a.length);
  let n = 0;
  while (n < shorter && p[n] === a[n]) n++;
  return n >= Math.min(5, p.length - 1) && p.length - n <= 3;
}

/** Places of one-word names (kind "place") by their first four letters, lower-cased: where an adjective's place is looked for. */
export function placesByStart<T extends { kind: string; name: string }>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    if (item.kind !== 'place' || /\s/.test(item.name)) continue;
    const key = item.name.slice(0, 4).toLowerCase();
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** The one place of `places` (grouped by placesByStart) that `adjective` names, if exactly one. */
export function placeOfAdjective<T extends { kind: string; name: string }>(adjective: string, places: ReadonlyMap<string, readonly T[]>): T | undefined {
  const owners = (places.get(adjective.slice(0, 4).toLowerCase()) ?? []).filter((p) => adjectiveNamesPlace(adjective, p.name));
  return owners.length === 1 ? owners[0] : undefined;
}
