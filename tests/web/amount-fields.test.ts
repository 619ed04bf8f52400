/**
 * Amounts typed into the forms are read as the command line reads them
 * (src/domain/amount-text.ts): `400.000` is four hundred thousand euros whatever form it is
 * typed in, and an ambiguous `400,000` is refused at its field with the reason, saving nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { formValuesOf, visibleText, type PageClient } from './page-client.js';
import { pageWorld } from './page-world.js';

let t: TestApp;
let w: World;
let page: PageClient;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
});
afterEach(() => t.close());

const AMBIGUOUS =
  '"400,000" is dubbelzinnig: drie cijfers na de komma kunnen duizendtallen zijn of decimalen. Schrijf 400.000 of 400000 voor duizendtallen, of 400,00 met decimalen.';

async function tenders(): Promise<{ id: string; tender: { estimatedValue?: number; expectedLearners?: number } }[]> {
  return (await w.almereInkoper.get('/api/v1/tenders')).body;
}

async function createTender(estimatedValue: string, expectedLearners = '80') {
  return page.post('/nieuwe-aanbesteding', {
    template: 'b1-route',
    reference: 'ALM-2027-B1',
    title: 'Inburgering B1 Almere',
    estimatedValue,
    expectedLearners,
  });
}

const idOf = (location: string | null) => /^\/aanbestedingen\/([^/]+)\/instellingen$/.exec(location ?? '')?.[1] ?? '';

describe('amounts in the forms', () => {
  it('reads 400.000 on the new-tender form as €\u00a0400.000 and 1.200 learners as twelve hundred', async () => {
    const created = await createTender('400.000', '1.200');
    expect(created.status, visibleText(created.html).slice(0, 400)).toBe(303);
    const [tender] = await tenders();
    expect(tender?.tender).toMatchObject({ estimatedValue: 400000, expectedLearners: 1200 });
  });

  it('refuses 400,000 on the new-tender form at its field, with the reason, and creates nothing', async () => {
    const refused = await createTender('400,000');
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(`id="veld-estimatedValue-fout">${AMBIGUOUS.replace(/"/g, '&quot;')}</div>`);
    expect(refused.html).toContain('href="#veld-estimatedValue">Raming: &quot;400,000&quot; is dubbelzinnig');
    expect(visibleText(refused.html)).not.toContain('moet een getal zijn');
    expect(await tenders()).toEqual([]);
  });

  it('reads and refuses amounts on the settings form the same way', async () => {
    const id = idOf((await createTender('520.000')).location);
    const form = formValuesOf((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
    const refused = await page.post(`/aanbestedingen/${id}/instellingen`, {
      ...form,
      estimatedValue: '1.234.5',
      'lowBidRules.costFloor.teacherHourlyCost': '55,000',
    });
    expect(refused.status).toBe(400);
    const text = visibleText(refused.html);
    expect(text).toContain('Raming: "1.234.5": de punten staan niet om de drie cijfers.');
    expect(text).toContain('"55,000" is dubbelzinnig');
    expect((await tenders())[0]?.tender.estimatedValue).toBe(520000);
    const saved = await page.post(`/aanbestedingen/${id}/instellingen`, { ...form, estimatedValue: '610.000,50' });
    expect(saved.status, visibleText(saved.html).slice(0, 600)).toBe(303);
    expect((await tenders())[0]?.tender.estimatedValue).toBe(610000.5);
  });

  it('shows a saved amount as money with what it covers, asks the overhead as a percentage, and keeps both through a save', async () => {
    const id = idOf((await createTender('520.000')).location);
    const html = (await page.get(`/aanbestedingen/${id}/instellingen`)).html;
    const form = formValuesOf(html);
    // The b1-route template's cost floor: EUR 55 per teaching hour, 35% overhead, EUR 350 per learner.
    expect(form.estimatedValue).toBe('520.000,00');
    expect(form['lowBidRules.costFloor.teacherHourlyCost']).toBe('55,00');
    expect(form['lowBidRules.costFloor.overheadShare']).toBe('35');
    const text = visibleText(html);
    expect(text).toContain('Opslag overhead (percentage, bijvoorbeeld 35)');
    expect(text).toMatch(/Raming \(EUR\) De geraamde opdrachtwaarde; nodig voor de vergelijking met de raming\. Bedrag in euro, totaal, excl\. btw\. €/);
    expect(text).toContain('Kosten docent per lesuur (EUR) Bedrag in euro, per lesuur, excl. btw.');
    expect(text).toContain('Vaste kosten per inburgeraar (EUR) Bedrag in euro, per inburgeraar, excl. btw.');
    // The hint is read with the field.
    expect(html).toMatch(/<input[^>]*id="veld-estimatedValue"[^>]*aria-describedby="veld-estimatedValue-uitleg"/);
    const saved = await page.post(`/aanbestedingen/${id}/instellingen`, { ...form, 'lowBidRules.costFloor.overheadShare': '20' });
    expect(saved.status, visibleText(saved.html).slice(0, 600)).toBe(303);
    const stored = (await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body;
    expect(stored.tender.estimatedValue).toBe(520000);
    expect(stored.lowBidRules.costFloor).toMatchObject({ teacherHourlyCost: 55, overheadShare: 0.2 });
  });

  it('marks the required fields of the new-tender form', async () => {
    const text = visibleText((await page.get('/nieuwe-aanbesteding')).html);
    expect(text).toContain('Kenmerk (verplicht)');
    expect(text).toContain('Titel (verplicht)');
    expect(text).not.toContain('Verwacht aantal inburgeraars (verplicht)');
  });

  it('reads a bid price of 565.000 as €\u00a0565.000 and refuses 565,000', async () => {
    const id = idOf((await createTender('520.000')).location);
    const bid = { 'provider.name': 'Taalhuis Flevoland', 'provider.kvk': '30123456', 'provider.keurmerk': 'ja' };
    const refused = await page.post(`/aanbestedingen/${id}/inschrijvingen`, { ...bid, price: '565,000' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.html)).toContain('Prijs: "565,000" is dubbelzinnig');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body).toEqual([]);
    expect((await page.post(`/aanbestedingen/${id}/inschrijvingen`, { ...bid, price: '565.000' })).status).toBe(303);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as { price: number }[];
    expect(bids.map((b) => b.price)).toEqual([565000]);
  });

  it('refuses an ambiguous price in an imported sheet at its cell, and reads a Dutch one', async () => {
    const id = idOf((await createTender('520.000')).location);
    const upload = (csv: string) => {
      const form = new FormData();
      form.set('bestand', new File([new TextEncoder().encode(csv)], 'inschrijvingen.csv'));
      return page.post(`/aanbestedingen/${id}/inschrijvingen/inlezen`, form);
    };
    const header = 'Nummer;Inschrijver;KvK-nummer;Keurmerk Blik op Werk;Prijs (EUR)\n';
    const refused = await upload(`${header}B1;Taalhuis Flevoland;30123456;ja;565,000\n`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.html)).toContain('Inschrijvingen 2 E (Prijs (EUR)) "565,000" is dubbelzinnig');
    expect((await upload(`${header}B1;Taalhuis Flevoland;30123456;ja;565.000\n`)).status).toBe(303);
    const bids = (await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as { price: number }[];
    expect(bids.map((b) => b.price)).toEqual([565000]);
  });
});
