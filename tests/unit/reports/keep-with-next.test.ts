import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bottomOf, bulletList, heading, labelledRows, paragraph } from '../../../src/reports/pdf/layout.js';
import { startPdf, type PdfDocument } from '../../../src/reports/pdf/pdf-document.js';
import { drawTable, headedTable } from '../../../src/reports/pdf/table.js';
import { writeTemp } from './poppler.js';

/** The lines of page `page` (1-based) as pdftotext reads them in drawing order. */
function pageLines(pdf: Buffer, page: number): string[] {
  const file = writeTemp('page.pdf', pdf);
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== '\f');
}

async function render(draw: (doc: PdfDocument) => void): Promise<Buffer> {
  const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
  draw(doc);
  doc.end();
  return finished;
}

/** Paragraphs until `room` points (or a little less) are left on the page. */
function fillPageUntil(doc: PdfDocument, room: number): void {
  for (let i = 0; bottomOf(doc) - doc.y > room + 20; i++) paragraph(doc, { text: `Vulregel ${i}.`, after: 2 });
}

const LONG = Array.from({ length: 14 }, (_, i) => `Zin ${i + 1} van een lange motivering die over meerdere regels loopt.`).join(' ');
const HEADING = 'Kopje dat bij zijn inhoud hoort';

/** What may follow a heading: a block taller than the room below it, but shorter than a page. */
const FOLLOWERS: Record<string, (doc: PdfDocument) => void> = {
  'label-value rows': (doc) => labelledRows(doc, { rows: [['Motivering', LONG]] }),
  'a list': (doc) => bulletList(doc, { items: [LONG, 'Tweede punt.'] }),
  'a paragraph': (doc) => paragraph(doc, { text: LONG }),
};

describe('keep-with-next: a heading never ends a page', () => {
  for (const [name, follow] of Object.entries(FOLLOWERS)) {
    it(`keeps a heading at the foot of a page with ${name}`, async () => {
      // Rooms around the heading's own reserve (its height and four lines), where it stays on the page.
      for (const room of [70, 85, 100]) {
        const pdf = await render((doc) => {
          fillPageUntil(doc, room);
          heading(doc, { text: HEADING, level: 2 });
          follow(doc);
        });
        const first = pageLines(pdf, 1);
        expect(first.at(-1), `room ${room}`).not.toBe(HEADING);
        const second = pageLines(pdf, 2);
        expect(second.at(-1), `room ${room}`).not.toBe(HEADING);
      }
    });
  }
});

describe('keep-with-next: a heading over a table whose first row is very tall', () => {
  // A first row of about 40 lines (some 330 points): taller than any room a heading reserves.
  const TALL = `${LONG} ${LONG} ${LONG}`;
  const table = {
    columns: [
      { header: 'Criterium', width: 0.3 },
      { header: 'Motivering', width: 0.55 },
      { header: 'Score', width: 0.15, align: 'right' as const },
    ],
    rows: [{ cells: ['K1 Didactiek', TALL, '8'] }, { cells: ['K2 Begeleiding', 'Kort.', '6'] }],
  };
  const ROOMS = [70, 120, 200, 300];

  it('moves the heading to the next page with the header row and the first row (headedTable)', async () => {
    for (const room of ROOMS) {
      const pdf = await render((doc) => {
        fillPageUntil(doc, room);
        headedTable(doc, { text: HEADING, level: 2 }, table);
      });
      const first = pageLines(pdf, 1);
      expect(first.at(-1), `room ${room}`).toMatch(/^Vulregel \d+\.$/);
      const second = pageLines(pdf, 2);
      expect(second.slice(0, 3), `room ${room}`).toEqual([HEADING, 'Criterium Motivering Score', expect.stringMatching(/^K1 Didactiek Zin 1 van een lange/)]);
    }
  });

  it('keeps the heading on the page with the start of the first row when a plain heading comes before the table', async () => {
    for (const room of ROOMS) {
      const pdf = await render((doc) => {
        fillPageUntil(doc, room);
        heading(doc, { text: HEADING, level: 2 });
        drawTable(doc, table);
      });
      const first = pageLines(pdf, 1);
      const at = first.indexOf(HEADING);
      expect(at, `room ${room}`).toBeGreaterThan(-1);
      expect(first.length - 1, `room ${room}: the heading ends the page`).toBeGreaterThan(at);
      expect(first.slice(at + 1).join(' '), `room ${room}`).toMatch(/K1 Didactiek|Criterium/);
    }
  });
});

describe('a table over several pages', () => {
  it('repeats its header row at the top of every page it continues on', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ cells: [`B${i + 1}`, `Taalschool ${i + 1}`, String(100 - (i % 50))] }));
    const pdf = await render((doc) => {
      heading(doc, { text: 'Rangorde', level: 1 });
      drawTable(doc, {
        columns: [
          { header: 'Code', width: 0.2 },
          { header: 'School', width: 0.6 },
          { header: 'Score', width: 0.2, align: 'right' },
        ],
        rows,
      });
    });
    for (const page of [2, 3]) {
      const lines = pageLines(pdf, page);
      expect(lines[0], `page ${page}`).toBe('Code School Score');
      expect(lines[1], `page ${page}`).toMatch(/^B\d+ Taalschool \d+ \d+$/);
    }
  });
});
