/**
 * Entities from name mentions: mentions of one name are grouped, then groups
 * that are the same thing are merged (an acronym and the name it abbreviates,
 * a surname and the full name, a misspelt surname, "Quillon" and "Quillon
 * Semiconductors", an @handle), and each group gets a kind, aliases and a
 * description. Work is proportional to the number of mentions.
 */
import type { CorpusDocument } from '../corpus/document.js';
import type { Sentence } from '../text/segment.js';
import { titleCase, type Mention } from './mentions.js';
import { kindFromName, personShaped, signalsOf, type Kind, type PlaceKind } from './signals.js';
import { nameKey } from './merge.js';
import { addPersonAliases, canonical, closeSpelling, initialsOf, linkAdjectives, linkHandles, pickLoser, pickWinner, placeKind, push, type Candidate } from './merge.js';

export { nameKey };

/** Most names compared with one another in a bucket: keeps clustering linear in the number of names. */
const MAX_BUCKET = 64;

export interface SentenceRecord {
  doc: CorpusDocument;
  sentence: Sentence;
  mentions: Mention[];
  paragraphStart: boolean;
}

export type { DefinitionSource, EntityDraft } from './entity-draft.js';
import type { DefinitionSource, EntityDraft } from './entity-draft.js';

/** Acronyms that name a role or a technology, not an entity, unless the text defines them. */
const COMPANY_SUFFIXES = /^(?:inc|ltd|llc|plc|corp|co|gmbh|sa|ag|bv|nv)\.?$/;
const GENERIC_ACRONYMS = new Set(['ai', 'ceo', 'cfo', 'cto', 'coo', 'gpu', 'cpu', 'pdf', 'url', 'faq', 'ps', 'tbd', 'ok', 'tv', 'it', 'ip', 'id', 'eu-wide', 'q&a', 'pm', 'am', 'rsvp', 'gdp', 'r&d']);



const ACRONYM_AFTER = /^\s*\(\s*((?:\p{Lu}\.?){2,6}|\p{Lu}[\p{Lu}\p{N}&]{1,6})\s*\)/u;
const CORRECTION = /(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)*),\s+not\s+(\p{Lu}[\p{L}'’-]+)/gu;
const COPULA = /^\s*(?:\*\*|")?\s*(?:is|are|was|=|means|refers to)\s+((?:a|an|the)\s+[^.;:!?]{3,140})/u;

export interface EntityIndex {
  drafts: EntityDraft[];
  /** The entity a mention stands for, if any. */
  resolve(mention: Mention): EntityDraft | undefined;
  /** The entity a name or alias stands for (case and accents ignored). */
  lookup(name: string): EntityDraft | undefined;
}

export function buildEntities(records: SentenceRecord[], capsTokens: ReadonlySet<string>): EntityIndex {
  const cands = new Map<string, Candidate>();
  const acronymOf = new Map<string, string>();
  const preferred = new Map<string, string>();
  const handles = new Set<string>();
  const adjectives = new Set<string>();
  const candidate = (key: string): Candidate => {
    let c = cands.get(key);
    if (!c) cands.set(key, (c = { key, surfaces: new Map(), votes: {}, place: {}, aliases: new Set(), descriptionStrength: 0, definitions: [], count: 0, mid: 0, modifier: 0, acronym: false, defined: false }));
    return c;
  };

  // Names listed together ("Finland and Romania", "Accra, Ghana") are of one sort.
  const neighbours: [string, string, string][] = [];
  for (const rec of records) {
    const { sentence, doc } = rec;
    // A comma joins two names into a list only inside a run of three or more ("Angola, Cabo Verde, Egypt");
    // "... the United Arab Emirates, Macron said" is two clauses.
    const joins: string[] = [];
    for (let i = 1; i < rec.mentions.length; i++) {
      const a = rec.mentions[i - 1]!;
      const b = rec.mentions[i]!;
      const between = sentence.text.slice(a.end - sentence.start, b.start - sentence.start);
      joins.push(!a.handle && !b.handle && /^(?:,\s*|\s+and\s+(?:the\s+)?|,\s+and\s+(?:the\s+)?|\s+or\s+)$/.test(between) ? between.trim() : '');
    }
    for (let i = 0; i < joins.length; i++) {
      const sep = joins[i]!;
      if (!sep) continue;
      const inList = sep !== ',' || !!joins[i - 1] || !!joins[i + 1];
      const a = rec.mentions[i]!;
      const b = rec.mentions[i + 1]!;
      // "Accra, Ghana" stays a pair for the city-country rule.
      if (inList || sep === ',') neighbours.push([nameKey(a.text), nameKey(b.text), inList ? (sep === ',' ? ',list' : sep) : ',']);
    }
    for (const m of sentence.text.matchAll(CORRECTION)) preferred.set(nameKey(m[2]!), m[1]!.split(/\s+/).pop()!);
    for (const m of rec.mentions) {
      if (m.handle) {
        handles.add(m.text);
        continue;
      }
      // "a Canadian delegate": a nationality adjective, matched to its country later.
      if (m.modifier && /^\p{Lu}\p{Ll}{3,}(?:ian|an|ese|ish|i|ch)$/u.test(m.text)) adjectives.add(m.text);
      const shout = /^\p{Lu}[\p{Lu}\s.'-]+$/u.test(m.text) && /\s/.test(m.text);
      const surface = shout ? titleCase(m.text) : m.text;
      const key = nameKey(surface);
      if (!key || key.length < 2) continue;
      const c = candidate(key);
      c.count++;
      if (!m.sentenceStart || m.title) c.mid++;
      if (m.modifier) c.modifier++;
      c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
      c.acronym ||= m.acronym;
      const sig = signalsOf(m, sentence.text, sentence.start, rec.paragraphStart && m.start - sentence.start < 2);
      for (const [k, v] of Object.entries(sig.kinds) as [Kind, number][]) c.votes[k] = (c.votes[k] ?? 0) + v;
      for (const [k, v] of Object.entries(sig.place) as [PlaceKind, number][]) c.place[k] = (c.place[k] ?? 0) + v;
      for (const a of sig.aliases) c.aliases.add(a);
      const after = sentence.text.slice(m.end - sentence.start, m.end - sentence.start + 200);
      const acr = ACRONYM_AFTER.exec(after);
      if (acr && /\s/.test(surface)) {
        const letters = acr[1]!.replace(/\./g, '');
        if (letters === initialsOf(surface, false) || letters === initialsOf(surface, true)) {
          acronymOf.set(nameKey(letters), key);
          c.aliases.add(acr[1]!);
          offerDefinition(c, { doc, sentence, strength: 2 });
        }
      }
      if (sig.description) offerDescription(c, sig.description, { doc, sentence, strength: 2 });
      const copula = COPULA.exec(after.replace(/^\s*\([^)]*\)/, ''));
      if (copula && (m.sentenceStart || m.start - sentence.start <= 6)) offerDescription(c, copula[1]!.trim(), { doc, sentence, strength: sig.kinds.person ? 2 : 3 });
    }
  }

  // Union-find over candidate keys.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const union = (from: string, into: string) => {
    const a = find(from);
    const b = find(into);
    if (a !== b) parent.set(a, b);
  };
  const kindOf = (c: Candidate): Kind | undefined => {
    const own = kindFromName(c.key.replace(/\b\w/g, (x) => x.toUpperCase()));
    const ranked = (Object.entries(c.votes) as [Kind, number][]).sort((a, b) => b[1] - a[1]);
    return ranked[0]?.[0] ?? own;
  };
  // The most written spelling; on a tie the one with fewer capitals ("von der Leyen" over "von Der Leyen").
  const capitals = (t: string) => (t.match(/\p{Lu}/gu) ?? []).length;
  const surfaceOf = (c: Candidate) => [...c.surfaces.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || capitals(a[0]) - capitals(b[0]))[0]![0];

  for (const [a, b, sep] of neighbours) {
    const ca = cands.get(a);
    const cb = cands.get(b);
    if (!ca || !cb) continue;
    // "Accra, Ghana": the second is the larger place.
    if (sep === ',' && (ca.place.city ?? 0) > 0 && !kindOf(cb)) {
      cb.votes.place = (cb.votes.place ?? 0) + 1;
      cb.place[/\./.test(b) ? 'region' : 'country'] = (cb.place.country ?? 0) + 1;
    }
  }
  for (let round = 0; round < 2; round++) {
    for (const [a, b, sep] of neighbours) {
      if (sep === ',') continue;
      const ca = cands.get(a);
      const cb = cands.get(b);
      if (!ca || !cb) continue;
      if (kindOf(ca) === 'place' && !kindOf(cb)) cb.votes.place = 1;
      else if (kindOf(cb) === 'place' && !kindOf(ca)) ca.votes.place = 1;
    }
  }
  for (const [acr, key] of acronymOf) {
    if (cands.has(acr)) union(acr, key);
    cands.get(key)!.defined = true;
  }
  const multi = [...cands.values()].filter((c) => c.key.includes(' '));
  // "U.S." and "United States": an undefined acronym matching the initials of exactly one name.
  const byInitials = new Map<string, Candidate[]>();
  for (const c of multi) push(byInitials, initialsOf(surfaceOf(c), false), c);
  for (const c of cands.values()) {
    if (!c.acronym || c.defined || acronymOf.has(c.key)) continue;
    // People are not abbreviated this way in running text ("N.C." is a state, not Noor Castellan).
    const matches = (byInitials.get(c.key.replace(/\./g, '').toUpperCase()) ?? []).filter((m) => kindOf(m) !== 'person');
    if (matches.length === 1) union(c.key, matches[0]!.key);
  }
  const persons = multi.filter((c) => kindOf(c) === 'person' || (personShaped(surfaceOf(c)) && !kindOf(c)));
  // Surnames and misspelt names: compared only within small buckets.
  const bySurname = new Map<string, Candidate[]>();
  const byFirstName = new Map<string, Candidate[]>();
  const bucketOf = (w: string) => w.slice(0, 3);
  // A misspelling keeps either the start or the end of a surname: two buckets catch both.
  const suffixBucket = (w: string) => `~${w.slice(-3)}`;
  const suffixes = new Map<string, Candidate[]>();
  for (const p of persons) {
    const words = p.key.split(' ');
    const surname = words[words.length - 1]!;
    push(bySurname, bucketOf(surname), p);
    push(bySurname, suffixBucket(surname), p);
    push(byFirstName, words[0]!, p);
    // "Von Der Leyen" is "Ursula von der Leyen" without the first name.
    for (let n = 2; n < words.length; n++) push(suffixes, words.slice(words.length - n).join(' '), p);
  }
  // "Forum Secretariat" is "Lisbon Compute Forum Secretariat" cut short, as "Von Der Leyen" is a full name without its first name.
  for (const c of multi) {
    const k = kindOf(c);
    if (persons.includes(c) || (k !== 'organisation' && k !== 'programme' && k !== 'event')) continue;
    const words = c.key.split(' ');
    if (words.length > 6) continue;
    for (let n = 2; n < words.length; n++) push(suffixes, words.slice(words.length - n).join(' '), c);
  }
  for (const c of multi) {
    const owners = new Set((suffixes.get(c.key) ?? []).filter((p) => p !== c).slice(0, MAX_BUCKET).map((p) => find(p.key)));
    if (owners.size === 1) union(c.key, [...owners][0]!);
  }
  for (const group of byFirstName.values()) {
    // A first name shared by very many people is no clue; comparing them all would cost the square of their number.
    if (group.length > MAX_BUCKET) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!.key.split(' ').pop()!;
        const b = group[j]!.key.split(' ').pop()!;
        if (a !== b && closeSpelling(a, b)) union(pickLoser(group[i]!, group[j]!, preferred), pickWinner(group[i]!, group[j]!, preferred).key);
      }
    }
  }
  const firstToken = new Map<string, Candidate[]>();
  const lastToken = new Map<string, Candidate[]>();
  for (const c of multi) {
    const k = kindOf(c);
    if (k === 'organisation' || k === 'programme' || k === 'event') {
      push(firstToken, c.key.split(' ')[0]!, c);
      push(lastToken, c.key.split(/\s+(?:of|for|on|de)\s+/)[0]!.split(' ').pop()!, c);
    }
  }
  for (const c of cands.values()) {
    if (c.key.includes(' ') || acronymOf.has(c.key)) continue;
    const ownKind = kindOf(c);
    const surnameMatches = [...new Set([...(bySurname.get(bucketOf(c.key)) ?? []).slice(0, MAX_BUCKET), ...(bySurname.get(`~${c.key.slice(-3)}`) ?? []).slice(0, MAX_BUCKET)])].filter((p) => {
      const s = p.key.split(' ').pop()!;
      return s === c.key || closeSpelling(s, c.key);
    });
    const distinct = new Set(surnameMatches.map((p) => find(p.key)));
    if (distinct.size === 1 && ownKind !== 'place' && ownKind !== 'organisation') {
      union(c.key, surnameMatches[0]!.key);
      continue;
    }
    if (ownKind === 'place' || ownKind === 'person') continue;
    const starts = firstToken.get(c.key) ?? [];
    const ends = lastToken.get(c.key) ?? [];
    // "the Forum", "the Alliance": a head noun stands for the one name it ends; "Quillon" for the one it starts.
    const head = kindFromName(surfaceOf(c)) !== undefined;
    const endsOne = ends.length > 0 && new Set(ends.map((e) => find(e.key))).size === 1;
    if (head && endsOne) union(c.key, ends[0]!.key);
    else if (!head && starts.length === 1 && c.key.length >= 4 && c.modifier * 2 < c.count) union(c.key, starts[0]!.key);
    else if (endsOne && !starts.length) union(c.key, ends[0]!.key);
  }

  // Groups to drafts.
  const groups = new Map<string, Candidate[]>();
  for (const c of cands.values()) push(groups, find(c.key), c);
  const drafts: EntityDraft[] = [];
  const byKey = new Map<string, EntityDraft>();
  for (const members of groups.values()) {
    const count = members.reduce((n, c) => n + c.count, 0);
    const votes: Partial<Record<Kind, number>> = {};
    const place: Partial<Record<PlaceKind, number>> = {};
    for (const c of members) {
      for (const [k, v] of Object.entries(c.votes) as [Kind, number][]) votes[k] = (votes[k] ?? 0) + v;
      for (const [k, v] of Object.entries(c.place) as [PlaceKind, number][]) place[k] = (place[k] ?? 0) + v;
    }
    const main = canonical(members, preferred);
    const mainName = surfaceOf(main);
    const ranked = (Object.entries(votes) as [Kind, number][]).sort((a, b) => b[1] - a[1]);
    let kind = ranked[0]?.[0] ?? kindFromName(mainName);
    const defined = members.some((c) => c.defined);
    const mid = members.reduce((n, c) => n + c.mid, 0);
    // A single capitalised word seen only opening sentences is an ordinary word ("Welcome", "Signatories").
    if (mid === 0 && !defined && !main.key.includes(' ') && !main.acronym && members.length === 1 && ranked[0]?.[0] !== 'person') continue;
    if (!kind) {
      // Unclassified names earn a place only when repeated or defined.
      if (count < 2 && !defined) continue;
      // An acronym is an organisation's more often than a place's; a bare one- or two-word name a place's.
      kind = !main.acronym && /^[\p{Lu}][\p{Ll}\-]+$/u.test(mainName) ? 'place' : 'organisation';
    }
    if (members.length === 1 && main.acronym && GENERIC_ACRONYMS.has(main.key) && !defined) continue;
    if (COMPANY_SUFFIXES.test(main.key)) continue;
    // "Canadian", "French" used only before a noun: an adjective, linked to its country later if the country is named.
    if (members.every((c) => c.modifier === c.count) && /^\p{Lu}\p{Ll}{3,}(?:ian|an|ese|ish|i|ch)$/u.test(mainName)) continue;
    // One mention with one weak clue is noise, unless it is a place written mid-sentence ("an office in Dublin").
    if (count < 2 && !defined && (ranked[0]?.[1] ?? 0) < 2 && !(kind === 'place' && mid > 0)) continue;
    const aliases = new Set<string>();
    for (const c of members) {
      for (const s of c.surfaces.keys()) aliases.add(s);
      for (const a of c.aliases) aliases.add(a);
    }
    if (kind === 'person') addPersonAliases(mainName, aliases, capsTokens);
    aliases.delete(mainName);
    const best = members.filter((c) => c.description).sort((a, b) => b.descriptionStrength - a.descriptionStrength)[0];
    const draft: EntityDraft = {
      name: mainName,
      kind,
      ...(kind === 'place' ? placeKind(place) : {}),
      aliases,
      adjectives: new Set(),
      ...(best?.description ? { description: best.description } : {}),
      descriptionStrength: best?.descriptionStrength ?? 0,
      definitions: members.flatMap((c) => c.definitions).sort((a, b) => b.strength - a.strength),
      mentions: count,
    };
    drafts.push(draft);
    for (const c of members) byKey.set(c.key, draft);
    for (const a of aliases) if (!byKey.has(nameKey(a))) byKey.set(nameKey(a), draft);
  }
  linkHandles(handles, drafts, byKey);
  linkAdjectives(adjectives, drafts, byKey);
  const lookup = (name: string) => byKey.get(nameKey(name.startsWith('@') ? name : name));
  return {
    drafts,
    lookup,
    resolve: (m) => lookup(/^\p{Lu}[\p{Lu}\s.'-]+$/u.test(m.text) && /\s/.test(m.text) ? titleCase(m.text) : m.text),
  };
}










function offerDescription(c: Candidate, text: string, source: DefinitionSource): void {
  // "executive director of the LCA" says more than "the new executive director".
  const strength = source.strength + (/\b(?:of|for)\b/.test(text) ? 1 : 0);
  if (strength > c.descriptionStrength) {
    c.description = text.replace(/[\s,;:]+$/, '');
    c.descriptionStrength = strength;
  }
  offerDefinition(c, source);
}

function offerDefinition(c: Candidate, source: DefinitionSource): void {
  if (source.sentence.text.length > 300) return;
  if (c.definitions.some((d) => d.sentence === source.sentence)) return;
  if (c.definitions.length < 6) c.definitions.push(source);
}
