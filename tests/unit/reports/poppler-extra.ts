/**
 * pdffonts and pdfdetach from poppler-utils, and the raw XMP packet of a PDF: what the
 * PDF/A tests read back from a report. A missing tool fails the test with the command to
 * install it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeTemp } from './poppler.js';

function run(tool: 'pdffonts' | 'pdfdetach' | 'pdfinfo', args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed; install poppler-utils (apt-get install -y poppler-utils)`);
  }
  if (result.error) throw result.error;
  return `${result.stdout}${result.stderr}`;
}

export type FontRow = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

/** pdffonts' table: one row per font the pages use. */
export function pdffonts(pdf: Buffer): FontRow[] {
  const lines = run('pdffonts', [writeTemp('fonts.pdf', pdf)])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name, type (one or two words), encoding, emb, sub, uni, object, id
    const [emb, sub, uni] = columns.slice(-5, -2);
    return { name: columns[0] ?? '', type: columns.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** pdfdetach -list: the embedded files' names. */
export function pdfdetachList(pdf: Buffer): string[] {
  return run('pdfdetach', ['-list', writeTemp('detach.pdf', pdf)])
    .split('\n')
    .slice(1)
    .map((line) => /^\d+: (.*)$/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
}

/** pdfdetach -savefile: one embedded file's bytes. */
export function pdfdetachSave(pdf: Buffer, name: string): Buffer {
  const file = writeTemp('detach.pdf', pdf);
  const out = join(dirname(file), `out-${name}`);
  run('pdfdetach', ['-savefile', name, '-o', out, file]);
  return readFileSync(out);
}

export function pdfinfo(pdf: Buffer): string {
  return run('pdfinfo', [writeTemp('info.pdf', pdf)]);
}

/** The XMP packet as written (the metadata stream is not compressed, as PDF/A wants). */
export function xmpPacket(pdf: Buffer): string {
  const text = pdf.toString('utf8');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  if (start === -1 || end === -1) throw new Error('no XMP packet found');
  return text.slice(start, end + '<?xpacket end="w"?>'.length);
}
