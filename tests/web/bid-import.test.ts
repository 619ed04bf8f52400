import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { visibleText, type PageClient } from './page-client.js';
import { draftFromTemplate, pageWorld } from './page-world.js';

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
  id = await draftFromTemplate(page, { reference: 'ZWL-2027-INB-B1', title: 'Inburgering B1-route', estimatedValue: '520000', expectedLearners: '80' });
});
afterEach(() => t.close());

async function download(path: string): Promise<Uint8Array> {
  const response = await t.app.request(`http://localhost${path}`, { headers: { cookie: [...page.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('bestand', new File([bytes], name));
  return page.post(`/aanbestedingen/${id}/inschrijvingen/inlezen`, form);
}

async function bidIds(): Promise<string[]> {
  return ((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as { id: string }[]).map((b) => b.id);
}

describe('importing bids from a sheet', () => {
  it('imports the downloadable example sheet: four bids with their price lines', async () => {
    const response = await upload(await download('/voorbeelden/inschrijvingen.xlsx'), 'inschrijvingen.xlsx');
    expect(response.status, visibleText(response.html).slice(0, 600)).toBe(303);
    expect(response.location).toBe(`/aanbestedingen/${id}/inschrijvingen?ingelezen=4`);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body;
    expect(bids.map((b: { id: string }) => b.id)).toEqual(['B1', 'B2', 'B3', 'B4']);
    expect(bids[0]).toMatchObject({ provider: { name: 'Taalschool IJsselland', kvk: '05123456', keurmerk: true }, price: 468000 });
    expect(bids[2].priceLines).toHaveLength(3);
    const list = visibleText((await page.get(`/aanbestedingen/${id}/inschrijvingen?ingelezen=4`)).html);
    expect(list).toContain('4 inschrijvingen ingelezen.');
    expect(list).toContain('B3 Snel Inburgeren B.V. 05345678 ja €\u00a0289.000,00 3');
  });

  it('imports the CSV example (semicolons, as a Dutch Excel writes it)', async () => {
    const response = await upload(await download('/voorbeelden/inschrijvingen.csv'), 'inschrijvingen.csv');
    expect(response.status, visibleText(response.html).slice(0, 600)).toBe(303);
    expect(await bidIds()).toEqual(['B1', 'B2', 'B3', 'B4']);
  });

  it('reports every bad row with its row and column, and imports nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download('/voorbeelden/inschrijvingen.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Inschrijvingen');
    sheet!.getCell('C3').value = '0512'; // B2: KvK too short
    sheet!.getCell('D4').value = 'misschien'; // B3: no yes/no
    sheet!.getCell('B5').value = ''; // B4: no name
    workbook.getWorksheet('Prijsregels')!.getCell('D2').value = 'duur'; // B1's first line: no amount
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const response = await upload(bytes, 'fout.xlsx');
    expect(response.status).toBe(400);
    const text = visibleText(response.html);
    expect(text).toContain('Niets ingelezen: 4 fouten in het bestand');
    expect(text).toContain('Inschrijvingen 3 C (KvK-nummer) KvK-nummer moet precies 8 cijfers zijn');
    expect(text).toContain('Inschrijvingen 4 D (Keurmerk Blik op Werk) vul ja of nee in');
    expect(text).toContain('Inschrijvingen 5 B (Inschrijver) mag niet leeg zijn');
    expect(text).toContain('Prijsregels 2 D (Eenheidsprijs (EUR)) "duur" is geen bedrag: gebruik alleen cijfers, punten en een komma');
    expect(await bidIds()).toEqual([]);
    // The audit trail holds no trace of the rolled-back bids either.
    const events = (await w.almereInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string }[];
    expect(events.map((e) => e.action)).not.toContain('bid.create');
  });

  it('refuses a file that is no spreadsheet, and a sheet without the required columns', async () => {
    const junk = await upload(new TextEncoder().encode('geen spreadsheet'), 'x.xlsx');
    expect(visibleText(junk.html)).toContain('het bestand is geen leesbaar Excel-bestand (.xlsx)');
    const noColumns = await upload(new TextEncoder().encode('Naam;Bedrag\nSchool;1000\n'), 'x.csv');
    expect(visibleText(noColumns.html)).toContain('kolom "KvK-nummer" ontbreekt in de kopregel');
    expect(await bidIds()).toEqual([]);
  });
});

describe("a school's address in a sheet", () => {
  it('reads the optional address columns, reports a bad postcode at its cell, and leaves empty cells out', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download('/voorbeelden/inschrijvingen.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Inschrijvingen');
    expect([6, 7, 8, 9, 10].map((column) => sheet!.getRow(1).getCell(column).value)).toEqual([
      'Contactpersoon',
      'Straat en huisnummer',
      'Postcode',
      'Plaats',
      'E-mailadres',
    ]);
    sheet!.getCell('F2').value = 'Jildou de Vries';
    sheet!.getCell('G2').value = 'Stationsplein 12';
    sheet!.getCell('H2').value = '1315kt';
    sheet!.getCell('I2').value = 'Almere';
    sheet!.getCell('H3').value = '0315 KT';
    const refused = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'adres.xlsx');
    expect(refused.status).toBe(400);
    expect(visibleText(refused.html)).toContain('Inschrijvingen 3 H (Postcode) geen geldige postcode (1234 AB)');
    sheet!.getCell('H3').value = null;
    const response = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'adres.xlsx');
    expect(response.status, visibleText(response.html).slice(0, 600)).toBe(303);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body;
    expect(bids[0].provider).toEqual({
      name: 'Taalschool IJsselland',
      kvk: '05123456',
      keurmerk: true,
      contactPerson: 'Jildou de Vries',
      street: 'Stationsplein 12',
      postcode: '1315 KT',
      place: 'Almere',
    });
    expect(bids[1].provider).toEqual({ name: 'NT2 Centrum Zwolle', kvk: expect.any(String), keurmerk: expect.any(Boolean) });
  });
});

describe('text in a sheet', () => {
  it('applies the single-line rule and the maximum of the bid schema to each cell, by row and column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download('/voorbeelden/inschrijvingen.xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Inschrijvingen');
    sheet!.getCell('B2').value = 'Taalschool\nGegund aan: Taalschool'; // Alt+Enter in a cell
    sheet!.getCell('B3').value = 'N'.repeat(201);
    workbook.getWorksheet('Prijsregels')!.getCell('B2').value = 'Lesuren \u202eB1';
    const response = await upload(new Uint8Array(await workbook.xlsx.writeBuffer()), 'tekst.xlsx');
    expect(response.status).toBe(400);
    const text = visibleText(response.html);
    expect(text).toContain('Inschrijvingen 2 B (Inschrijver) de naam mag geen regeleinde bevatten (U+000A op positie 11)');
    expect(text).toContain('Inschrijvingen 3 B (Inschrijver) de naam is te lang: hoogstens 200 tekens (nu 201)');
    expect(text).toContain('Prijsregels 2 B (Omschrijving) de omschrijving mag geen richtingsteken bevatten (U+202E op positie 9)');
    expect(await bidIds()).toEqual([]);
  });
});

describe('adding one bid', () => {
  it('adds a valid bid and shows a bad one with errors at its fields', async () => {
    const bad = await page.post(`/aanbestedingen/${id}/inschrijvingen`, { 'provider.name': 'Taalhuis', 'provider.kvk': '123', price: '1.000,001' });
    expect(bad.status).toBe(400);
    const text = visibleText(bad.html);
    expect(text).toContain('KvK-nummer: KvK-nummer moet precies 8 cijfers zijn');
    expect(text).toContain('Prijs: "1.000,001" heeft 3 decimalen; een bedrag heeft er hoogstens 2.');
    const good = await page.post(`/aanbestedingen/${id}/inschrijvingen`, {
      'provider.name': 'Taalhuis',
      'provider.kvk': '30123456',
      'provider.keurmerk': 'ja',
      price: '565.000,50',
    });
    expect(good.status).toBe(303);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body;
    expect(bids).toEqual([{ id: 'B1', provider: { name: 'Taalhuis', kvk: '30123456', keurmerk: true }, price: 565000.5, scores: {} }]);
  });
});
