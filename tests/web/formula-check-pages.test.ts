/**
 * The formula check (issue 10) on the pages: live on the settings form of a draft, computed
 * from the unsaved values, and the confirmation with a motivation that opening a tender
 * whose formula invites underbidding asks for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { formValuesOf, visibleText, type PageClient } from './page-client.js';
import { draftFromTemplate, pageWorld } from './page-world.js';

let t: TestApp;
let w: World;
let page: PageClient;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
});
afterEach(() => t.close());

/** The region with this id, as the browser's DOMParser would find it for enhance.js. */
function region(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `region ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start) + '</section>'.length);
}

/**
 * The deliberately bad tender of tests/unit/formula-check/tenders.ts `badTender()`, made
 * through the pages: the B1-route criteria at half their weights without minimums,
 * lowest-relative with price weight 60, estimate €\u00a0520.000 for 60 learners.
 */
async function createBadTender(): Promise<{ id: string; values: Record<string, string> }> {
  const id = await draftFromTemplate(page, {
    reference: 'ALM-2027-ONDER',
    title: 'Inburgering B1 met een slechte formule',
    estimatedValue: '520.000',
    expectedLearners: '60',
  });
  const values = formValuesOf((await page.get(`/aanbestedingen/${id}/instellingen`)).html);
  for (let row = 0; values[`criteria[${row}].originalId`] !== undefined; row += 1) {
    if (values[`criteria[${row}].originalId`] === '') continue;
    const weight = Number((values[`criteria[${row}].weight`] ?? '').replace(',', '.'));
    values[`criteria[${row}].weight`] = String(weight / 2).replace('.', ',');
    values[`criteria[${row}].minimum`] = '';
  }
  values['award.method'] = 'lowest-relative';
  values['award.priceWeight'] = '60';
  const saved = await page.post(`/aanbestedingen/${id}/instellingen`, { ...values, actie: 'opslaan' });
  expect(saved.status, visibleText(saved.html).slice(0, 800)).toBe(303);
  return { id, values };
}

describe('the formula check on the settings page', () => {
  it('marks a formula that invites underbidding, with every number in a sentence and the suggestions', async () => {
    const { id } = await createBadTender();
    const html = (await page.get(`/aanbestedingen/${id}/instellingen`)).html;
    expect(html).toContain('data-preview="voorbeeld formulecontrole"');
    const check = region(html, 'formulecontrole');
    expect(check).toContain('aria-live="polite"');
    expect(check).toContain('<h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="formulecontrole-kop">');
    expect(check).toMatch(/class="utrecht-alert utrecht-alert--warning" data-verdict="invites-underbidding"/);
    const text = visibleText(check);
    expect(text).toContain('Let op: deze formule lokt onderbieden uit.');
    expect(text).toContain('Deze formule lokt onderbieden uit. Bij de methode Laagste prijs relatief');
    // The price of a quality point, overall and per criterion step.
    expect(text).toContain('Bij een verwachte prijs van €\u00a0520.000,00 is één kwaliteitspunt €\u00a08.666,67 prijsverlaging waard.');
    expect(text).toContain('Eén stap op K1 (van 75 naar 100) is 3,13 punten, €\u00a027.083,33 prijsverlaging waard.');
    // The underbidder test and the rank-reversal example.
    expect(text).toContain('Volgens de rekenkern wint de onderbieder met 1,88 punten voorsprong');
    expect(text).toContain('De onderbieder wint bij elke prijs vanaf de kostenvloer tot en met €\u00a0259.999,99');
    expect(text).toContain('een verliezende inschrijving bepaalt wie wint');
    // The suggestions, each with its sentence, its re-check and its patch.
    expect(text).toContain('Voorstellen die de uitkomst keren');
    expect(text).toContain('Verlaag het prijsgewicht van 60 naar 56,47');
    expect(check).toContain('data-suggestion="lower-price-weight"');
    expect(check).toContain('data-suggestion="switch-to-fixed-price"');
    expect(text).toContain('Nagerekend met deze wijziging: Deze formule is bestand tegen onderbieden.');
    expect(check).toContain('&quot;path&quot;:&quot;/award/priceWeight&quot;');
  });

  it('follows the unsaved method: fixed-price turns the verdict, without saving', async () => {
    const { id, values } = await createBadTender();
    const preview = await page.post(`/aanbestedingen/${id}/instellingen`, {
      ...values,
      'award.method': 'fixed-price',
      'award.fixedPrice': '520.000',
      actie: 'voorbeeld',
    });
    expect(preview.status).toBe(200);
    const check = region(preview.html, 'formulecontrole');
    expect(check).toContain('data-verdict="resists-underbidding"');
    expect(check).not.toContain('Voorstellen die de uitkomst keren');
    expect(visibleText(check)).toContain('Deze formule is bestand tegen onderbieden.');
    // The example region refreshes along with it.
    expect(visibleText(region(preview.html, 'voorbeeld'))).toContain('De prijs staat vast op €\u00a0520.000,00');
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.award.method).toBe('lowest-relative');
    // Back to the stored bad formula: invites again.
    const back = await page.post(`/aanbestedingen/${id}/instellingen`, { ...values, actie: 'voorbeeld' });
    expect(region(back.html, 'formulecontrole')).toContain('data-verdict="invites-underbidding"');
  });

  it('waits for valid settings before checking', async () => {
    const { id, values } = await createBadTender();
    const preview = await page.post(`/aanbestedingen/${id}/instellingen`, { ...values, 'award.priceWeight': 'veel', actie: 'voorbeeld' });
    expect(visibleText(region(preview.html, 'formulecontrole'))).toContain('De formulecontrole verschijnt zodra de instellingen kloppen');
  });

  it('shows a template formula that resists underbidding as such', async () => {
    const created = await page.post('/nieuwe-aanbesteding', {
      template: 'b1-route',
      reference: 'ALM-OK',
      title: 'Inburgering B1',
      estimatedValue: '520.000',
      expectedLearners: '80',
    });
    const html = (await page.get(`${created.location}`)).html;
    expect(region(html, 'formulecontrole')).toContain('data-verdict="resists-underbidding"');
    const confirm = await page.get((created.location ?? '').replace(/instellingen$/, 'openen'));
    expect(confirm.html).not.toContain('name="confirmUnderbiddingRisk"');
  });
});

describe('opening a tender whose formula invites underbidding', () => {
  it('asks for an explicit confirmation and a motivation, refuses each missing one at its field, and then opens', async () => {
    const { id } = await createBadTender();
    const confirm = await page.get(`/aanbestedingen/${id}/openen`);
    const text = visibleText(confirm.html);
    expect(text).toContain('Let op: deze formule lokt onderbieden uit.');
    expect(confirm.html).toContain('name="confirmUnderbiddingRisk"');
    expect(confirm.html).toMatch(/<textarea[^>]*id="veld-motivation"[^>]*name="motivation"/);

    const unconfirmed = await page.post(`/aanbestedingen/${id}/openen`, { motivation: 'De raad heeft deze verdeling zo vastgesteld.' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.html).toContain('href="#veld-confirmUnderbiddingRisk">Bevestiging: bevestig dat u met deze formule wilt openen</a>');
    expect(unconfirmed.html).toContain('id="veld-confirmUnderbiddingRisk-fout">bevestig dat u met deze formule wilt openen</div>');
    // What was typed stays.
    expect(unconfirmed.html).toContain('De raad heeft deze verdeling zo vastgesteld.</textarea>');

    const tooShort = await page.post(`/aanbestedingen/${id}/openen`, { confirmUnderbiddingRisk: 'ja', motivation: 'ok' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.html).toMatch(/href="#veld-motivation">Motivering: [^<]+<\/a>/);
    expect(tooShort.html).toMatch(/id="veld-motivation"[^>]*aria-invalid="true"[^>]*aria-describedby="veld-motivation-uitleg veld-motivation-fout"/);
    expect(tooShort.html).toMatch(/<input[^>]*name="confirmUnderbiddingRisk"[^>]*checked/);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.status).toBe('draft');

    const motivation = 'De gemeenteraad heeft deze prijsverhouding vastgesteld; de lage-biedingsregels vangen het risico op.';
    const opened = await page.post(`/aanbestedingen/${id}/openen`, { confirmUnderbiddingRisk: 'ja', motivation });
    expect(opened.status, visibleText(opened.html).slice(0, 800)).toBe(303);
    expect(opened.location).toBe(`/aanbestedingen/${id}?geopend=1`);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.status).toBe('open');
    const audit = visibleText((await page.get(`/aanbestedingen/${id}/audit`)).html);
    expect(audit).toContain(motivation);
  });
});
