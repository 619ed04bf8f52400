/**
 * @module
 * The part of fontkit's API the reports use (fontkit ships no type declarations). pdfkit
 * accepts a parsed fontkit font wherever it accepts a font file, which is what lets the
 * reports parse each font once per process instead of once per document.
 */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
