/**
 * @module
 * Laying out text in the embedded fonts once per process instead of once per document. pdfkit
 * (0.20) measures and encodes text through its font's `layout`: it walks the text character
 * by character, shapes each word (up to and including its space) with fontkit, caches that
 * per document only, and joins the words' glyph arrays with `concat` for every word. For
 * a report with long texts that walk and the garbage of the joins were most of its time
 * (bench/report-limits.bench.ts; profile in docs/documents-of-record.md).
 *
 * Here every document's embedded font gets a `layout` with the same result, from caches
 * shared by all documents per fontkit font: the shaped and scaled run of each word, and the
 * width of each measured string. pdfkit reads those runs and never changes them (it copies a
 * position before it widens it for word spacing), as its own per-document cache already
 * assumes; the sums are made in the same order, so the bytes of a report do not change.
 */

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth?: number };
type Run = { glyphs: unknown[]; positions: Position[]; advanceWidth: number };
type Layout = { glyphs: unknown[] | null; positions: Position[] | null; advanceWidth: number };

/** pdfkit's EmbeddedFont, as far as this module uses it. */
type EmbeddedFont = {
  font: object;
  layoutRun(text: string, features?: unknown): Run;
  layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
};

/** Entries per font and cache; a cache that is full is cleared, so unusual text cannot grow it without end. */
const CACHE_SIZE = 20_000;
/** Longer strings are measured word by word from the word cache rather than kept whole. */
const LONGEST_CACHED_WIDTH = 1_000;

type FontCaches = { runs: Map<string, Run>; widths: Map<string, number> };

const caches = new WeakMap<object, FontCaches>();
const installed = new WeakSet<object>();

function cachesOf(font: object): FontCaches {
  let found = caches.get(font);
  if (found === undefined) {
    found = { runs: new Map(), widths: new Map() };
    caches.set(font, found);
  }
  return found;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, value);
}

const SPACE = 32;
const TAB = 9;

/**
 * Calls `each` with the text's words as pdfkit cuts them: each ends after a space or tab,
 * the last one at the end of the text.
 */
function eachPiece(text: string, each: (piece: string) => void): void {
  let last = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === TAB) {
      each(text.slice(last, index + 1));
      last = index + 1;
    }
  }
  if (last < text.length) each(text.slice(last));
}

function sharedLayout(embedded: EmbeddedFont): EmbeddedFont['layout'] {
  const { runs, widths } = cachesOf(embedded.font);
  const runOf = (piece: string): Run => {
    let run = runs.get(piece);
    if (run === undefined) {
      const shaped = embedded.layoutRun(piece);
      // pdfkit's run computes its width on every read; the cached copy keeps the number.
      run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth: shaped.advanceWidth };
      remember(runs, piece, run);
    }
    return run;
  };

  return (text, features, onlyWidth) => {
    // Features (never asked for by our reports) go to pdfkit's own path, uncached as there.
    if (features) return embedded.layoutRun(text, features);
    if (onlyWidth) {
      const known = widths.get(text);
      if (known !== undefined) return { glyphs: null, positions: null, advanceWidth: known };
      let width = 0;
      eachPiece(text, (piece) => {
        width += runOf(piece).advanceWidth;
      });
      if (text.length <= LONGEST_CACHED_WIDTH) remember(widths, text, width);
      return { glyphs: null, positions: null, advanceWidth: width };
    }
    const glyphs: unknown[] = [];
    const positions: Position[] = [];
    let width = 0;
    eachPiece(text, (piece) => {
      const run = runOf(piece);
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
      width += run.advanceWidth;
    });
    return { glyphs, positions, advanceWidth: width };
  };
}

/**
 * Gives the document's current font (an embedded one) the shared layout, once per font and
 * document. A font without `layoutRun` (none of ours) is left as it is.
 */
export function shareFontLayout(font: unknown): void {
  if (typeof font !== 'object' || font === null || installed.has(font)) return;
  installed.add(font);
  const embedded = font as EmbeddedFont;
  if (typeof embedded.layoutRun !== 'function' || typeof embedded.font !== 'object') return;
  embedded.layout = sharedLayout(embedded);
}
