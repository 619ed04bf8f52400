/**
 * @module
 * The reports' fonts: pdfkit's built-in standard fonts, which every PDF reader has, so that
 * nothing is embedded (and all text is WinAnsi, see win-ansi.ts).
 */
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier' } as const;
