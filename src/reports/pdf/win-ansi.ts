/**
 * @module
 * The built-in PDF fonts (Helvetica) encode text as WinAnsi: Latin-1 plus a few typographic
 * characters such as the euro sign and curly quotes. pdfkit writes any other character as a
 * wrong byte, so text from the data (motivations, names) passes through here first: accents
 * outside WinAnsi lose their accent (ő -> o), anything else becomes '?'. Embedding a Unicode
 * font would avoid this but makes every report larger and slower to render.
 */

// pdfkit's own map of the characters WinAnsi puts in 0x80-0x9F.
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

function isWinAnsi(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRAS.has(code);
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * @example toWinAnsi('Ørestad ≥ 3 (ő)') // "Ørestad ? 3 (o)"
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const base = char.normalize('NFD').replace(COMBINING_MARKS, '');
    out += base !== '' && [...base].every((c) => isWinAnsi(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}
