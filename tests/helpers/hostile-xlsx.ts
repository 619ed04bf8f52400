/**
 * @module
 * Hand-built .xlsx files for the import's limits: a zip bomb whose sheet XML is hundreds of
 * megabytes of one repeated character, compressed by streaming (the test never holds the
 * expanded sheet), optionally declaring smaller sizes than its content; and a plain sheet of
 * many small cells. The zip is written field by field (APPNOTE 4.3.7, 4.3.12, 4.3.16) so that a
 * test can make it lie.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type Part = { name: string; compressed: Buffer; crc: number; size: number; declaredSize?: number };

function smallPart(name: string, text: string): Part {
  const bytes = Buffer.from(text);
  return { name, compressed: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/** Deflates `repeat` copies of `chunk` between `head` and `tail` without ever holding them all. */
async function streamedPart(name: string, head: string, chunk: Buffer, repeat: number, tail: string): Promise<Part> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const ended = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  for (let i = 0; i < repeat; i++) await write(chunk);
  await write(Buffer.from(tail));
  deflate.end();
  await ended;
  return { name, compressed: Buffer.concat(out), crc: crc >>> 0, size };
}

function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + part.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

function workbookParts(): Part[] {
  return [
    smallPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    smallPart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    smallPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Inschrijvingen" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    smallPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * An .xlsx whose one cell holds `megabytes` MiB of "A" (about 1 MiB compressed per 1,000 MiB),
 * or, with `part: 'xl/styles.xml'`, whose styles part is that large instead. `declaredSize`
 * makes the archive state that size for the large part instead of the true one.
 */
export async function zipBombXlsx({
  megabytes,
  declaredSize,
  part = 'xl/worksheets/sheet1.xml',
}: {
  megabytes: number;
  declaredSize?: number;
  part?: 'xl/worksheets/sheet1.xml' | 'xl/styles.xml';
}): Promise<Uint8Array> {
  const large =
    part === 'xl/styles.xml'
      ? await streamedPart(
          part,
          `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><!--`,
          Buffer.alloc(1024 * 1024, 'A'),
          megabytes,
          '--></styleSheet>',
        )
      : await streamedPart(
          part,
          `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
          Buffer.alloc(1024 * 1024, 'A'),
          megabytes,
          `</t></is></c></row>${SHEET_TAIL}`,
        );
  const parts = part === 'xl/styles.xml' ? [...workbookParts(), smallPart('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${SHEET_TAIL}`)] : workbookParts();
  return zip([...parts, declaredSize === undefined ? large : { ...large, declaredSize }]);
}

/** An .xlsx with `rows` x `columns` cells, each the number 1: small packed and unpacked, but many cells. */
export function manyCellsXlsx({ rows, columns }: { rows: number; columns: number }): Uint8Array {
  const letters = (n: number) =>
    n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));
  const lines: string[] = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) {
    lines.push(`<row r="${r}">`);
    for (let c = 1; c <= columns; c++) lines.push(`<c r="${letters(c)}${r}"><v>1</v></c>`);
    lines.push('</row>');
  }
  lines.push(SHEET_TAIL);
  return zip([...workbookParts(), smallPart('xl/worksheets/sheet1.xml', lines.join(''))]);
}
