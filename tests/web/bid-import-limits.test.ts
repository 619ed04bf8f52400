import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBidSheet } from '../../src/web/sheet/read-bid-sheet.js';
import { manyCellsXlsx, zipBombXlsx } from '../helpers/hostile-xlsx.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, ORIGIN, visibleText, type PageClient } from './page-client.js';
import { draftFromTemplate } from './page-world.js';

// The real reader, watched: a refused upload must never reach it.
vi.mock('../../src/web/sheet/read-bid-sheet.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/web/sheet/read-bid-sheet.js')>();
  return { ...actual, readBidSheet: vi.fn(actual.readBidSheet) };
});

let t: TestApp;
let w: World;
let inkoper: PageClient;
let auditor: PageClient;
let id: string;
let bomb: Uint8Array;
beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
  auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
  id = await draftFromTemplate(inkoper, { reference: 'ZWL-2027-INB-B1', title: 'Inburgering B1-route' });
  // 300 MiB of sheet XML, about 300 KB packed.
  bomb = await zipBombXlsx({ megabytes: 300 });
});
afterAll(() => t.close());
beforeEach(() => {
  vi.mocked(readBidSheet).mockClear();
});

function upload(client: PageClient, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('bestand', new File([bytes], name));
  return client.post(`/aanbestedingen/${id}/inschrijvingen/inlezen`, form);
}

/** The largest growth of the process's resident memory while `work` runs, sampled every few ms. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; megabytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, megabytes: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

async function bidCount(): Promise<number> {
  return ((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as unknown[]).length;
}

describe('a spreadsheet beyond the import limits', () => {
  it('refuses a zip bomb from its central directory with 413, memory staying flat', async () => {
    expect(bomb.byteLength).toBeLessThan(1.5 * 1024 * 1024);
    const { result, megabytes } = await peakGrowth(() => upload(inkoper, bomb, 'inschrijvingen.xlsx'));
    expect(result.status).toBe(413);
    expect(visibleText(result.html)).toContain('Uitgepakt is het .xlsx-bestand groter dan 32 MiB, het maximum voor een blad met inschrijvingen.');
    expect(megabytes).toBeLessThan(100);
    expect(await bidCount()).toBe(0);
  });

  it('stops inflating a bomb that declares a small size at that size, and calls the file unreadable', async () => {
    const liar = await zipBombXlsx({ megabytes: 300, declaredSize: 4096 });
    const { result, megabytes } = await peakGrowth(() => upload(inkoper, liar, 'inschrijvingen.xlsx'));
    expect(result.status).toBe(400);
    expect(visibleText(result.html)).toContain('het bestand is geen leesbaar Excel-bestand (.xlsx)');
    expect(megabytes).toBeLessThan(100);
  });

  it('refuses a styles part beyond its own limit, naming the part', async () => {
    const styles = await upload(inkoper, await zipBombXlsx({ megabytes: 5, part: 'xl/styles.xml' }), 'stijlen.xlsx');
    expect(styles.status).toBe(413);
    expect(visibleText(styles.html)).toContain('Het onderdeel xl/styles.xml van het .xlsx-bestand is uitgepakt groter dan 4 MiB, het maximum.');
  });

  it('refuses a sheet of more rows, or more cells, than the limits, naming the limit', async () => {
    const rows = await upload(inkoper, manyCellsXlsx({ rows: 10_001, columns: 1 }), 'rijen.xlsx');
    expect(rows.status).toBe(413);
    expect(visibleText(rows.html)).toContain('Het blad Inschrijvingen heeft meer dan 10.000 rijen, het maximum.');
    const cells = await upload(inkoper, manyCellsXlsx({ rows: 2_500, columns: 45 }), 'cellen.xlsx');
    expect(cells.status).toBe(413);
    expect(visibleText(cells.html)).toContain('Het bestand heeft meer dan 100.000 gevulde cellen, het maximum.');
    const wide = await upload(inkoper, manyCellsXlsx({ rows: 2, columns: 51 }), 'breed.xlsx');
    expect(visibleText(wide.html)).toContain('Het blad Inschrijvingen heeft waarden voorbij kolom 50 (AX), het maximum.');
  });

  it('refuses a CSV of more than 5 MiB, and a CSV of too many rows', async () => {
    const big = await upload(inkoper, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x3b), 'groot.csv');
    expect(big.status).toBe(413);
    expect(visibleText(big.html)).toContain('Het bestand is groter dan 5 MiB, het maximum voor een blad met inschrijvingen.');
    const rows = await upload(inkoper, new TextEncoder().encode('Inschrijver;KvK-nummer\n'.concat('School;30123456\n'.repeat(10_000))), 'rijen.csv');
    expect(rows.status).toBe(413);
    expect(visibleText(rows.html)).toContain('Het blad Inschrijvingen heeft meer dan 10.000 rijen, het maximum.');
    expect(await bidCount()).toBe(0);
  });
});

describe('who may upload', () => {
  it("refuses an auditor's upload with 403 before the file is read", async () => {
    const response = await upload(auditor, bomb, 'inschrijvingen.xlsx');
    expect(response.status).toBe(403);
    expect(readBidSheet).not.toHaveBeenCalled();
  });

  it("does not even read an auditor's request body", async () => {
    let pulled = false;
    const boundary = 'grens';
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(
            new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="x.xlsx"\r\n\r\nx\r\n--${boundary}--\r\n`),
          );
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await t.app.request(`${ORIGIN}/aanbestedingen/${id}/inschrijvingen/inlezen`, {
      method: 'POST',
      headers: {
        cookie: [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': '120',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(403);
    expect(pulled).toBe(false);
  });

  it('refuses an upload once the tender is open (409), before the file is read', async () => {
    const otherId = await draftFromTemplate(inkoper, { reference: 'ZWL-2027-INB-B2', title: 'Inburgering B1-route 2' });
    await w.almereInkoper.post(`/api/v1/tenders/${otherId}/bids`, { provider: { name: 'Taalhuis', kvk: '30123456', keurmerk: true }, price: 500000 });
    expect(
      (
        await w.almereInkoper.post(`/api/v1/tenders/${otherId}/open`, {
          confirmUnderbiddingRisk: true,
          motivation: 'De formule is bewust zo gekozen voor deze test.',
        })
      ).status,
    ).toBe(200);
    const form = new FormData();
    form.set('bestand', new File([bomb], 'inschrijvingen.xlsx'));
    const response = await inkoper.post(`/aanbestedingen/${otherId}/inschrijvingen/inlezen`, form);
    expect(response.status).toBe(409);
    expect(readBidSheet).not.toHaveBeenCalled();
  });
});
