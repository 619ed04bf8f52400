/**
 * @module
 * Finds a PDF signature's /ByteRange and /Contents in the raw bytes, without a PDF parser:
 * a signature dictionary is written uncompressed (its Contents cannot be inside a compressed
 * stream, ISO 32000-1 12.8.1), so reading it as text is both enough and honest about what is
 * checked. With several signatures the last one written is taken: it covers the most.
 */

export type SignatureField = {
  byteRange: [number, number, number, number];
  /** The CMS bytes from the /Contents hole, padding included. */
  contents: Buffer;
  subFilter: string | null;
  /** Problems with the field's shape, in Dutch; empty when the field is well formed. */
  problems: string[];
  coversWholeDocument: boolean;
};

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const HEX = /^[0-9A-Fa-f]*$/;

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

/** True when the bytes just before `position` (spaces skipped) spell `/Contents`. */
function precededByContentsKey(text: string, position: number): boolean {
  let end = position;
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  return text.slice(Math.max(0, end - '/Contents'.length), end) === '/Contents';
}

/** The signature dictionary around the ByteRange: from its object header to `endobj`. */
function dictionaryAround(text: string, from: number, to: number): string {
  const start = text.lastIndexOf(' obj', from);
  const end = text.indexOf('endobj', to);
  return text.slice(start === -1 ? from : start, end === -1 ? text.length : end);
}

/**
 * @example const field = readSignatureField(pdf); if (field) console.log(field.byteRange);
 * @returns null when the file has no /ByteRange at all.
 */
export function readSignatureField(pdf: Buffer): SignatureField | null {
  // latin1 maps every byte to one character, so string offsets are byte offsets.
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(BYTE_RANGE)];
  const match = matches[matches.length - 1];
  if (!match) return null;
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const problems: string[] = [];
  if (matches.length > 1) problems.push(`het bestand bevat ${matches.length} handtekeningen; alleen de laatste is gecontroleerd`);

  // ByteRange is [offset length offset length]: the hole runs from a + b to c.
  const holeStart = a + b;
  const holeIsContents = holeStart < c && c <= pdf.length && text[holeStart] === '<' && text[c - 1] === '>' && precededByContentsKey(text, holeStart);
  const hex = holeIsContents ? text.slice(holeStart + 1, c - 1) : '';
  const wellFormedHex = holeIsContents && hex.length % 2 === 0 && HEX.test(hex);
  if (!holeIsContents) problems.push('het gat in de ByteRange is niet de /Contents van de handtekening');
  else if (!wellFormedHex) problems.push('de /Contents van de handtekening is geen geldige hexadecimale tekst');

  const coversWholeDocument = a === 0 && holeIsContents && c + d === pdf.length;
  if (a !== 0) problems.push(`de ByteRange begint niet bij het begin van het bestand (maar bij byte ${a})`);
  if (c + d < pdf.length) problems.push(`${pdf.length - (c + d)} bytes aan het eind van het bestand vallen buiten de handtekening`);
  if (c + d > pdf.length) problems.push('de ByteRange wijst voorbij het eind van het bestand');

  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionaryAround(text, match.index, c))?.[1] ?? null;
  return {
    byteRange: [a, b, c, d],
    contents: wellFormedHex ? Buffer.from(hex, 'hex') : Buffer.alloc(0),
    subFilter,
    problems,
    coversWholeDocument,
  };
}
