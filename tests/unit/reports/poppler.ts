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
