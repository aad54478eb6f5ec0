/**
 * Advance widths read from a TrueType font (cmap and hmtx tables), so the
 * chart's layout measures labels with the same font resvg draws them with.
 * Vega's own fallback guesses 0.8 em per character, which leaves wide gaps;
 * measuring with node-canvas would make the layout depend on the machine.
 */

export type MeasureText = (text: string, fontSize: number) => number;

/** A text measurer for one font file (its bytes). */
export function fontMeasurer(ttf: Buffer): MeasureText {
  const tables = tableOffsets(ttf);
  const head = need(tables, 'head');
  const hhea = need(tables, 'hhea');
  const hmtx = need(tables, 'hmtx');
  const unitsPerEm = ttf.readUInt16BE(head + 18);
  const metrics = ttf.readUInt16BE(hhea + 34);
  const glyphOf = cmapLookup(ttf, need(tables, 'cmap'));
  const advance = (glyph: number) => ttf.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1));
  const cache = new Map<number, number>();
  const em = (cp: number) => {
    let w = cache.get(cp);
    if (w === undefined) {
      w = advance(glyphOf(cp)) / unitsPerEm;
      cache.set(cp, w);
    }
    return w;
  };
  return (text, fontSize) => {
    let width = 0;
    for (const ch of text) width += em(ch.codePointAt(0)!);
    return width * fontSize;
  };
}

function tableOffsets(ttf: Buffer): Map<string, number> {
  const count = ttf.readUInt16BE(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    tables.set(ttf.toString('latin1', record, record + 4), ttf.readUInt32BE(record + 8));
  }
  return tables;
}

function need(tables: Map<string, number>, tag: string): number {
  const offset = tables.get(tag);
  if (offset === undefined) throw new Error(`font has no ${tag} table`);
  return offset;
}

/** Code point -> glyph id through the Unicode BMP subtable (format 4); glyph 0 when absent. */
function cmapLookup(ttf: Buffer, cmap: number): (cp: number) => number {
  const subtables = ttf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < subtables; i++) {
    const platform = ttf.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = ttf.readUInt16BE(cmap + 6 + 8 * i);
    const offset = cmap + ttf.readUInt32BE(cmap + 8 + 8 * i);
    if (ttf.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = offset;
  }
  if (sub < 0) throw new Error('font has no Unicode format 4 cmap');
  const segments = ttf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (cp > ttf.readUInt16BE(ends + 2 * s)) continue;
      const start = ttf.readUInt16BE(starts + 2 * s);
      if (cp < start) return 0;
      const delta = ttf.readInt16BE(deltas + 2 * s);
      const rangeOffset = ttf.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = ttf.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
