/**
 * pdfsig and pdftotext from poppler-utils: the PDF reader's own view of a report. A missing
 * tool fails the test with the command to install it; skipping would hide an unsigned report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(tool: 'pdfsig' | 'pdftotext', args: string[]): { stdout: string; status: number | null } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed; install poppler-utils (apt-get install -y poppler-utils)`);
  }
  if (result.error) throw result.error;
  return { stdout: `${result.stdout}${result.stderr}`, status: result.status };
}

export function writeTemp(name: string, bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-report-')), name);
  writeFileSync(file, bytes);
  return file;
}

/** pdfsig's report on the file's signatures. */
export function pdfsig(pdf: Buffer): string {
  return run('pdfsig', [writeTemp('signed.pdf', pdf)]).stdout;
}

/**
 * The text of the PDF in the order it is drawn (`-raw`: a label before its value, a table row
 * by row), with all whitespace runs (line breaks included) as one space. Poppler's layout
 * analysis would read a column of labels apart from its values, depending on the font's
 * metrics rather than on what the report says.
 */
export function pdfText(pdf: Buffer): string {
  const { stdout } = run('pdftotext', ['-raw', '-enc', 'UTF-8', writeTemp('report.pdf', pdf), '-']);
  return normaliseWhitespace(stdout);
}

export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text in the order the PDF draws it (`pdftotext -raw`), without the page footers (the
 * bottom 50 points of an A4 page are cut off), so a text that flows over pages reads on.
 */
export function pdfBodyText(pdf: Buffer): string {
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '0', '-W', '595', '-H', '790', writeTemp('report.pdf', pdf), '-']).stdout;
}

/** The alternative text of the report's Figure, as written: a literal string or UTF-16BE hex. */
export function figureAlt(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const literal = /\/S \/Figure\n\/Alt \(((?:\\.|[^\\)])*)\)/.exec(raw);
  if (literal) {
    // PDF literal string escapes (ISO 32000-1 §7.3.4.2), then UTF-16BE when it starts with its BOM.
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    const bytes = (literal[1] as string).replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
      /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (escapes[e] ?? e),
    );
    return bytes.startsWith('\xFE\xFF') ? Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le') : bytes;
  }
  const hex = /\/S \/Figure\n\/Alt <FEFF([0-9A-Fa-f]*)>/.exec(raw);
  if (!hex) throw new Error('no Figure with /Alt');
  return Buffer.from(hex[1] as string, 'hex')
    .swap16()
    .toString('utf16le');
}
