/**
 * A minimal PNG decoder for tests (8-bit RGB or RGBA, not interlaced, which is
 * what resvg writes): enough to check a chart's size and read its pixels
 * without another dependency. Throws on anything it does not understand.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const v = line[x]!;
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : -1;
      if (predicted < 0) throw new Error(`bad PNG filter ${filter}`);
      out[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, pixels: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([out[i * 3]!, out[i * 3 + 1]!, out[i * 3 + 2]!, 255], i * 4);
  return { width, height, pixels: rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export interface PixelBar {
  /** Top and bottom pixel rows of the bar. */
  top: number;
  bottom: number;
  left: number;
  /** Width in pixels, measured on the bar's middle row. */
  length: number;
  /** Colours met along the middle row, in order (a stacked bar has several). */
  colors: string[];
}

/**
 * Horizontal bars drawn in any of `colors` (#rrggbb): bands of consecutive
 * pixel rows that hold those colours, top to bottom.
 */
export function findBars(png: DecodedPng, colors: readonly string[]): PixelBar[] {
  const wanted = new Map(colors.map((c) => [parseInt(c.slice(1), 16), c]));
  const colorAt = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return wanted.get((png.pixels[i]! << 16) | (png.pixels[i + 1]! << 8) | png.pixels[i + 2]!);
  };
  const rows: boolean[] = [];
  for (let y = 0; y < png.height; y++) {
    let count = 0;
    for (let x = 0; x < png.width && count < 4; x++) if (colorAt(x, y)) count++;
    rows.push(count >= 4);
  }
  const bars: PixelBar[] = [];
  for (let y = 0; y < png.height; y++) {
    if (!rows[y]) continue;
    const top = y;
    while (y + 1 < png.height && rows[y + 1]) y++;
    const middle = (top + y) >> 1;
    let left = -1;
    let right = -1;
    const seen: string[] = [];
    for (let x = 0; x < png.width; x++) {
      const c = colorAt(x, middle);
      if (!c) continue;
      if (left < 0) left = x;
      right = x;
      if (seen.at(-1) !== c) seen.push(c);
    }
    bars.push({ top, bottom: y, left, length: right - left + 1, colors: seen });
  }
  return bars;
}
