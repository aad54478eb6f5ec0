/**
 * The heavy half of charting: Vega-Lite compiles the spec, Vega lays it out
 * and writes SVG (no browser, no canvas), resvg turns the SVG into PNG with
 * the bundled DejaVu fonts only, never the machine's, so a chart comes out
 * the same everywhere. Import this module dynamically (index.ts does): the
 * answer path and start-up never load it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { fontMeasurer, type MeasureText } from './font-metrics.js';
import type { ChartModel } from './model.js';
import { chartSpec, FONT_FAMILY, type SpecOptions } from './spec.js';

/** PNG pixels per SVG pixel: sharp on high-density screens, small enough to upload. Default 2. */
export const DEFAULT_PNG_SCALE = 2;

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** The fonts charts are drawn with, shipped in the dejavu-fonts-ttf package. */
export const FONT_FILES = [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')];

let measure: MeasureText | undefined;
function measurer(): MeasureText {
  if (!measure) {
    const m = fontMeasurer(readFileSync(FONT_FILES[0]!));
    measure = m;
    // Vega measures label text to lay out axes; give it the real font instead of its guess.
    const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
    metrics.width = (item, text) => {
      const value = text ?? item.text;
      const lines = Array.isArray(value) ? value.map(String) : [String(value ?? '')];
      return Math.max(0, ...lines.map((l) => m(l, item.fontSize ?? 11)));
    };
  }
  return measure;
}
interface TextItem {
  text?: unknown;
  fontSize?: number;
}

/** The chart as an SVG document. */
export async function renderSvg(model: ChartModel, options: SpecOptions = {}): Promise<string> {
  const spec = chartSpec(model, { measure: measurer(), ...options });
  // Vega-Lite warns about nothing we can act on here; its logger would write to the console.
  const compiled = compile(spec as never, { logger: quietLogger() }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG image, `scale` pixels per SVG pixel. */
export async function renderPng(model: ChartModel, options: SpecOptions & { scale?: number } = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(model, options), options.scale ?? DEFAULT_PNG_SCALE);
}

/** Rasterises an SVG with the bundled fonts only. resvg works on libuv's thread pool, off the event loop. */
export async function svgToPng(svg: string, scale = DEFAULT_PNG_SCALE): Promise<Buffer> {
  const options: ResvgRenderOptions = {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
  };
  return (await renderAsync(svg, options)).asPng();
}

function quietLogger() {
  const self = {
    level: () => self,
    error: () => self,
    warn: () => self,
    info: () => self,
    debug: () => self,
  };
  return self as never;
}
