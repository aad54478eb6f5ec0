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
