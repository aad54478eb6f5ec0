/**
 * Generators of the documents that once cost minutes and gigabytes to load:
 * an HTML page of deeply nested spans, a PDF whose pages share one huge
 * compressed content stream, and a very large text file. Written for tests
 * and for measuring the loader (tests/bench/hostile-load.ts).
 */
import { deflateSync } from 'node:zlib';

/** A page whose text sits inside `depth` nested spans (about 13 bytes per level). */
export function deeplyNestedHtml(depth = 100_000): string {
  return `<!doctype html><html><head><title>Deep</title></head><body><p>Nested spans ahead of the words below.</p>${'<span>'.repeat(depth)}The innermost words.${'</span>'.repeat(depth)}</body></html>`;
}

export interface SharedStreamOptions {
  /** Pages, each drawing the one content stream. Default 80. */
  pages?: number;
  /** Size of the content stream once inflated. Default 100 MiB. */
  streamBytes?: number;
  /** Whether the stream is text drawn again and again (default), or one line of text and then lines drawn as graphics. */
  text?: boolean;
}

/**
 * A PDF whose pages all draw the same content stream: `streamBytes` of
 * operators, deflated (the repetition compresses about a thousand to one).
 */
export function sharedStreamPdf({ pages = 80, streamBytes = 100 * 1024 * 1024, text = true }: SharedStreamOptions = {}): Buffer {
  const first = 'BT /F1 11 Tf 72 720 Td (A page drawn from a shared stream.) Tj ET\n';
  const line = text ? 'BT /F1 11 Tf 72 700 Td (The same line drawn again and again.) Tj ET\n' : '72 700 m 540 700 l S\n';
  const raw = Buffer.from(first + line.repeat(Math.ceil(streamBytes / line.length)), 'latin1');
  const packed = deflateSync(raw, { level: 9 });
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = Array.from({ length: pages }, (_, i) => `${5 + i} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add(Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]));
  for (let i = 0; i < pages; i++) add('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>');
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const WORDS = ['harbour', 'council', 'tram', 'station', 'budget', 'million', 'opened', 'delegates', 'Monday', 'plan', 'river', 'bridge', 'school', 'survey', 'energy', 'workers'];

/** `bytes` of plain English-looking prose in paragraphs, the same every time. */
export function largeText(bytes = 50 * 1024 * 1024): string {
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const words = Array.from({ length: 8 + (next() % 10) }, () => WORDS[next() % WORDS.length]!);
      sentences.push(`${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)} ${next() % 900} times.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}
