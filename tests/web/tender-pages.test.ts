import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { formValuesOf, loginPage, visibleText, type PageClient } from './page-client.js';
import { draftFromTemplate, pageWorld } from './page-world.js';

let t: TestApp;
let w: World;
let page: PageClient;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
});
afterEach(() => t.close());

const createFromTemplate = () =>
  draftFromTemplate(page, { reference: 'ALM-2027-B1', title: 'Inburgering B1 Almere', estimatedValue: '520.000', expectedLearners: '80' });

describe('creating a tender from a template', () => {
  it('offers every template and creates a draft for the chosen organisation', async () => {
    const form = await page.get('/nieuwe-aanbesteding');
    for (const name of ['Inburgering B1-route', 'Inburgering onderwijsroute', 'Inburgering Z-route', 'Module Arbeidsmarkt en Participatie'])
      expect(visibleText(form.html)).toContain(name);
    const id = await createFromTemplate();
    const list = visibleText((await page.get('/aanbestedingen')).html);
    expect(list).toContain('ALM-2027-B1: Inburgering B1 Almere B1-route concept 2 maart 2026 - - 0 0');
    expect(id).not.toBe('');
  });

  it('reports a missing title at the field and in the summary', async () => {
    const response = await page.post('/nieuwe-aanbesteding', { template: 'b1-route', reference: 'ALM-1', title: '' });
    expect(response.status).toBe(400);
    expect(response.html).toContain('href="#veld-title">Titel: mag niet leeg zijn</a>');
    expect(response.html).toContain('id="veld-title-fout">mag niet leeg zijn</div>');
  });
});

describe('the settings of a draft', () => {
  it('shows the weights with their sum and shares, the formula in words and an example from the engine', async () => {
    const id = await createFromTemplate();
    const text = visibleText((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
    expect(text).toContain('K1 Didactische aanpak en maatwerk per inburgeraar 25 25%');
    expect(text).toContain('Prijs 20 20% Totaal 100 100%');
    expect(text).toContain('Totaalscore = kwaliteitspunten + prijsgewicht (20) x laagste prijs / eigen prijs.');
    // Three sample bids around the raming of €\u00a0520.000,00, scored by evaluateDossier itself.
    expect(text).toContain('A: beste kwaliteit, hoge prijs K1 100, K2 100, K3 100, K4 100, K5 100 €\u00a0598.000,00 80,00 13,04 93,04 1');
    expect(text).toContain('Kostenvloer: 600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar');
  });

  it('saves a change, and refuses invalid values with the dossier rules at the fields', async () => {
    const id = await createFromTemplate();
    const values = formValuesOf((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
    expect(values['criteria[0].weight']).toBe('25');
    const bad = await page.post(`/aanbestedingen/${id}/instellingen`, {
      ...values,
      'criteria[1].weight': 'veel',
      'award.method': 'min-max-set',
      actie: 'opslaan',
    });
    expect(bad.status).toBe(400);
    const text = visibleText(bad.html);
    expect(text).toContain('De instellingen zijn niet opgeslagen');
    expect(text).toContain('Criterium 2, gewicht: moet een getal zijn, niet een tekst');
    expect(text).toContain('Bodemprijs: ontbreekt; verplicht bij methode "min-max-set"');
    expect(bad.html).toMatch(/id="veld-criteria-1-weight"[^>]*aria-invalid="true"[^>]*aria-describedby="veld-criteria-1-weight-fout"/);
    const good = await page.post(`/aanbestedingen/${id}/instellingen`, {
      ...values,
      'criteria[1].weight': '22,5',
      'award.priceWeight': '30',
      actie: 'opslaan',
    });
    expect(good.status).toBe(303);
    const api = await w.almereInkoper.get(`/api/v1/tenders/${id}`);
    expect(api.body.criteria[1].weight).toBe(22.5);
    expect(api.body.award.priceWeight).toBe(30);
  });

  it('sets two envelopes on the settings page, and shows the choice', async () => {
    const id = await createFromTemplate();
    const values = formValuesOf((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
    expect(values.envelopes).toBe('one');
    const saved = await page.post(`/aanbestedingen/${id}/instellingen`, { ...values, envelopes: 'two', actie: 'opslaan' });
    expect(saved.status, saved.html.slice(0, 400)).toBe(303);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.tender.envelopes).toBe('two');
    const again = await page.get(`/aanbestedingen/${id}/instellingen`);
    expect(formValuesOf(again.html).envelopes).toBe('two');
    expect(visibleText(again.html)).toContain('twee enveloppen (prijs verzegeld tot de kwaliteit is vergrendeld)');
  });

  it('updates the example without saving', async () => {
    const id = await createFromTemplate();
    const values = formValuesOf((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
    const preview = await page.post(`/aanbestedingen/${id}/instellingen`, {
      ...values,
      'award.method': 'fixed-price',
      'award.fixedPrice': '480.000',
      actie: 'voorbeeld',
    });
    expect(preview.status).toBe(200);
    expect(visibleText(preview.html)).toContain('De prijs staat vast op €\u00a0480.000,00');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.award.method).toBe('lowest-relative');
  });

  it('opens after a confirmation, and then shows the settings read-only', async () => {
    const id = await createFromTemplate();
    const confirm = await page.get(`/aanbestedingen/${id}/openen`);
    expect(visibleText(confirm.html)).toContain('Na het openen kunnen criteria, gewichten, de gunningsmethode');
    const opened = await page.post(`/aanbestedingen/${id}/openen`, {});
    expect(opened.location).toBe(`/aanbestedingen/${id}?geopend=1`);
    const settings = await page.get(`/aanbestedingen/${id}/instellingen`);
    expect(settings.html).not.toContain('name="award.method"');
    expect(visibleText(settings.html)).toContain('liggen vast sinds de aanbesteding is geopend');
    const again = await page.post(`/aanbestedingen/${id}/openen`, {});
    expect(again.status).toBe(409);
    expect(visibleText(again.html)).toContain('De aanbesteding is al geopend.');
  });

  it('answers 404 for a tender of another organisation, as the API does', async () => {
    const id = await createFromTemplate();
    const other = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await other.get(`/aanbestedingen/${id}`)).status).toBe(404);
    expect((await other.get(`/aanbestedingen/${id}/instellingen`)).status).toBe(404);
  });
});
