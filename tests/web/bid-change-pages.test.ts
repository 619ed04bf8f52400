/**
 * The pages that change a bid: before the opening edit and delete, each after a confirmation;
 * after it a correction with a reason and a withdrawal, each after a confirmation; the
 * price-only flags on the bids page as soon as the bids are in; deleting a draft tender; the
 * sum of the weights when it is not 100. Each through the same services as the API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender } from '../helpers/panel.js';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';
import { ijssellandB1Example } from '../helpers/dossiers.js';
import { pageWorld } from './page-world.js';
import { importAlmereTender } from '../helpers/tenders.js';

const EXAMPLE = ijssellandB1Example();
const REASON = 'Bij het overnemen van het formulier zijn twee cijfers verwisseld.';

let t: TestApp;
let w: World;
let page: PageClient;
let id: string;
beforeEach(async () => {
  ({ t, w, page } = await pageWorld());
  id = await importAlmereTender(w, EXAMPLE);
});
afterEach(() => t.close());

const bidsPath = () => `/aanbestedingen/${id}/inschrijvingen`;
const apiBid = async (bidId: string) => ((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as any[]).find((b) => b.id === bidId);
/** The hidden inputs of a confirmation page, as the browser sends them back. */
const hiddenValues = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').replace(/&amp;/g, '&')]));
const open = async () => expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);

describe('the bids page', () => {
  it('shows the price-only flags as soon as the bids are in, with links to edit and delete before the opening', async () => {
    const text = visibleText((await page.get(bidsPath())).html);
    expect(text).toContain(
      '€\u00a0289.000,00 3 mogelijk abnormaal laag: vergelijking met het gemiddelde van de andere inschrijvingen, afstand tot de eerstvolgende inschrijving,',
    );
    expect(text).toContain(
      'B3 Snel Inburgeren B.V.: vergelijking met het gemiddelde van de andere inschrijvingen : Inschrijving ligt 38,73% onder het gemiddelde',
    );
    expect(text).toContain('Deze signalen volgen uit de prijzen alleen en staan er zodra de inschrijvingen binnen zijn');
    expect(text).toContain('Het onderzoek naar een gemarkeerde inschrijving begint na het openen, op de pagina Uitslag.');
    expect(text).toContain('B1 wijzigen B1 verwijderen');
    expect(text).not.toContain('B1 corrigeren');
  });

  it('offers correction and withdrawal instead once opened, and no changes to an auditor', async () => {
    await open();
    const text = visibleText((await page.get(bidsPath())).html);
    expect(text).toContain('B1 corrigeren Intrekking B1 vastleggen');
    expect(text).not.toContain('B1 wijzigen');
    expect((await page.get(`${bidsPath()}/B1/wijzigen`)).status).toBe(409);
    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const seen = await auditor.get(bidsPath());
    expect(seen.status).toBe(200);
    expect(visibleText(seen.html)).not.toContain('B1 corrigeren');
    expect((await auditor.get(`${bidsPath()}/B1/correctie`)).status).toBe(403);
  });
});

describe('editing a bid before the opening', () => {
  it('shows the change before and after, and records it only after "Ja"', async () => {
    const form = await page.get(`${bidsPath()}/B1/wijzigen`);
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/id="veld-priceLines-2-unitPrice"[^>]*value="500"/);
    const values = {
      'provider.name': 'Taalschool IJsselland',
      'provider.kvk': '05123456',
      'provider.keurmerk': 'ja',
      'priceLines[0].description': 'Taaltraject B1 per inburgeraar',
      'priceLines[0].quantity': '80',
      'priceLines[0].unitPrice': '4900',
      'priceLines[1].description': 'Examentraining en examens per inburgeraar',
      'priceLines[1].quantity': '80',
      'priceLines[1].unitPrice': '450',
      'priceLines[2].description': 'Voortgangsgesprekken (vier per jaar) per inburgeraar',
      'priceLines[2].quantity': '80',
      'priceLines[2].unitPrice': '550',
    };
    const kvk = (await apiBid('B1')).provider.kvk as string;
    values['provider.kvk'] = kvk;
    const check = await page.post(`${bidsPath()}/B1/wijzigen`, { ...values, actie: 'controleren' });
    expect(check.status).toBe(200);
    const text = visibleText(check.html);
    expect(text).toContain(
      'Prijsregel 3 Voortgangsgesprekken (vier per jaar) per inburgeraar: 80 x €\u00a0500,00 Voortgangsgesprekken (vier per jaar) per inburgeraar: 80 x €\u00a0550,00 ja',
    );
    expect(text).toContain('Prijs €\u00a0468.000,00 €\u00a0472.000,00 ja');
    expect((await apiBid('B1')).price).toBe(468000);
    const done = await page.post(`${bidsPath()}/B1/wijzigen`, { ...hiddenValues(check.html), actie: 'bevestigen' });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${bidsPath()}?gewijzigd=B1`);
    expect(visibleText((await page.get(done.location ?? '')).html)).toContain('Inschrijving B1 is gewijzigd.');
    expect((await apiBid('B1')).price).toBe(472000);
  });

  it('puts a refusal at its field, and goes back to the form with the typed values', async () => {
    const bad = await page.post(`${bidsPath()}/B2/wijzigen`, {
      'provider.name': '',
      'provider.kvk': '12',
      'priceLines[0].description': 'x',
      'priceLines[0].quantity': '80',
      'priceLines[0].unitPrice': 'veel',
      'priceLines[1].description': 'y',
      'priceLines[1].quantity': '80',
      'priceLines[1].unitPrice': '480',
      'priceLines[2].description': 'z',
      'priceLines[2].quantity': '80',
      'priceLines[2].unitPrice': '507,5',
      actie: 'controleren',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('href="#veld-provider-name">Inschrijver: mag niet leeg zijn</a>');
    expect(bad.html).toContain('href="#veld-provider-kvk">KvK-nummer: KvK-nummer moet precies 8 cijfers zijn</a>');
    expect(bad.html).toMatch(/href="#veld-priceLines-0-unitPrice">Prijsregel 1, eenheidsprijs: /);
    const back = await page.post(`${bidsPath()}/B2/wijzigen`, { 'provider.name': 'Nieuwe naam', actie: 'terug' });
    expect(back.status).toBe(200);
    expect(back.html).toMatch(/id="veld-provider-name"[^>]*value="Nieuwe naam"/);
  });
});

describe("the inschrijver's address on the bid pages", () => {
  it('adds a bid with an address, puts a bad postcode at its field, and edits the address after "Ja"', async () => {
    const form = {
      'provider.name': 'Taalschool Oost',
      'provider.kvk': '30111111',
      'provider.contactPerson': 'Jildou de Vries',
      'provider.street': 'Stationsplein 12',
      'provider.postcode': '0315 AB',
      'provider.place': 'Almere',
      'provider.email': '',
      price: '500.000',
    };
    const refused = await page.post(bidsPath(), form);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('href="#veld-provider-postcode">Postcode: geen geldige postcode (1234 AB)</a>');
    expect(refused.html).toMatch(/id="veld-provider-street"[^>]*value="Stationsplein 12"/);
    const added = await page.post(bidsPath(), { ...form, 'provider.postcode': '1315kt' });
    expect(added.status).toBe(303);
    const bid = ((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as any[]).find((b) => b.provider.name === 'Taalschool Oost');
    // The empty e-mail field is left out, not stored as an empty text.
    expect(bid.provider).toEqual({
      name: 'Taalschool Oost',
      kvk: '30111111',
      keurmerk: false,
      contactPerson: 'Jildou de Vries',
      street: 'Stationsplein 12',
      postcode: '1315 KT',
      place: 'Almere',
    });

    const edit = await page.get(`${bidsPath()}/${bid.id}/wijzigen`);
    expect(edit.html).toMatch(/id="veld-provider-postcode"[^>]*value="1315 KT"/);
    const check = await page.post(`${bidsPath()}/${bid.id}/wijzigen`, {
      'provider.name': 'Taalschool Oost',
      'provider.kvk': '30111111',
      'provider.contactPerson': 'Jildou de Vries',
      'provider.street': 'Stationsplein 14',
      'provider.postcode': '1315 KT',
      'provider.place': 'Almere',
      price: '500.000',
      actie: 'controleren',
    });
    expect(check.status).toBe(200);
    expect(visibleText(check.html)).toContain('Straat en huisnummer Stationsplein 12 Stationsplein 14 ja');
    expect(visibleText(check.html)).toContain('Postcode 1315 KT 1315 KT nee');
    const done = await page.post(`${bidsPath()}/${bid.id}/wijzigen`, { ...hiddenValues(check.html), actie: 'bevestigen' });
    expect(done.status).toBe(303);
    expect((await apiBid(bid.id)).provider.street).toBe('Stationsplein 14');
  });
});

describe('deleting a bid before the opening', () => {
  it('asks first, then deletes', async () => {
    const ask = await page.get(`${bidsPath()}/B4/verwijderen`);
    expect(visibleText(ask.html)).toContain('U verwijdert inschrijving B4 van Het Taalhuis Kampen (€\u00a0452.000,00, 3 prijsregels)');
    expect(await apiBid('B4')).toBeDefined();
    const done = await page.post(`${bidsPath()}/B4/verwijderen`, {});
    expect(done.location).toBe(`${bidsPath()}?verwijderd=B4`);
    expect(await apiBid('B4')).toBeUndefined();
  });
});

describe('a correction after the opening', () => {
  it('needs a reason of a sentence, shows the correction for confirmation and then lists it with its reason', async () => {
    await open();
    const form = await page.get(`${bidsPath()}/B3/correctie`);
    expect(visibleText(form.html)).toContain('Alleen een kennelijke verschrijving');
    const lines = {
      'priceLines[0].description': 'Taaltraject B1 per inburgeraar',
      'priceLines[0].quantity': '80',
      'priceLines[0].unitPrice': '3200',
      'priceLines[1].description': 'Examentraining en examens per inburgeraar',
      'priceLines[1].quantity': '80',
      'priceLines[1].unitPrice': '300',
      'priceLines[2].description': 'Voortgangsgesprekken (vier per jaar) per inburgeraar',
      'priceLines[2].quantity': '80',
      'priceLines[2].unitPrice': '1125',
    };
    const short = await page.post(`${bidsPath()}/B3/correctie`, { ...lines, reason: 'typfout', actie: 'controleren' });
    expect(short.status).toBe(400);
    expect(short.html).toContain(
      'href="#veld-reason">Reden van de correctie: geef de reden: schrijf minstens één volledige zin (minstens 20 tekens en 3 woorden)</a>',
    );
    const check = await page.post(`${bidsPath()}/B3/correctie`, { ...lines, reason: REASON, actie: 'controleren' });
    expect(check.status).toBe(200);
    expect(visibleText(check.html)).toContain('Prijs €\u00a0289.000,00 €\u00a0370.000,00 ja');
    expect((await apiBid('B3')).price).toBe(289000);
    const done = await page.post(`${bidsPath()}/B3/correctie`, { ...hiddenValues(check.html), actie: 'bevestigen' });
    expect(done.location).toBe(`${bidsPath()}?gecorrigeerd=B3`);
    const text = visibleText((await page.get(done.location ?? '')).html);
    expect(text).toContain('De correctie van inschrijving B3 is vastgelegd.');
    expect(text).toContain(`B3 Snel Inburgeren B.V. 2 maart 2026 €\u00a0289.000,00 €\u00a0370.000,00 ${REASON}`);
    expect((await apiBid('B3')).price).toBe(370000);
  });
});

describe('a withdrawal after the opening', () => {
  it('refuses a date after today at its field, asks to confirm, and takes the bid out of the ranking with its reason', async () => {
    await open();
    const form = await page.get(`${bidsPath()}/B3/intrekking`);
    expect(form.html).toMatch(/id="veld-receivedOn"[^>]*type="date"[^>]*value="2026-03-02"/);
    const reason = 'De school kan de docenten voor deze trajecten niet op tijd aannemen.';
    const late = await page.post(`${bidsPath()}/B3/intrekking`, { receivedOn: '2026-03-09', reason, actie: 'controleren' });
    expect(late.status).toBe(400);
    expect(late.html).toContain('href="#veld-receivedOn">Ontvangen op: de datum van ontvangst kan niet na vandaag (2026-03-02) liggen</a>');
    const check = await page.post(`${bidsPath()}/B3/intrekking`, { receivedOn: '2026-03-02', reason, actie: 'controleren' });
    expect(visibleText(check.html)).toContain(
      `Inschrijving B3 van Snel Inburgeren B.V. gaat uit de rangschikking, met als reden: ingetrokken door de inschrijver (ontvangen op 2 maart 2026): ${reason}`,
    );
    expect((await apiBid('B3')).withdrawal).toBeUndefined();
    const done = await page.post(`${bidsPath()}/B3/intrekking`, { ...hiddenValues(check.html), actie: 'bevestigen' });
    expect(done.location).toBe(`${bidsPath()}?ingetrokken=B3`);
    expect(visibleText((await page.get(done.location ?? '')).html)).toContain('ingetrokken (ontvangen op 2 maart 2026)');
    const results = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(results).toContain(`Snel Inburgeren B.V. (B3) ingetrokken door de inschrijver (ontvangen op 2 maart 2026): ${reason}`);
    expect((await page.get(`${bidsPath()}/B3/correctie`)).status).toBe(409);
  });
});

describe('the panel', () => {
  it('reads the reason of a correction on its scoring page, without any price', async () => {
    const panel = await createPanelTender(w.regioInkoper, w.orgs.regio);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panel}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${panel}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${panel}/bids/B1/correction`, { price: 556000, reason: REASON })).status).toBe(201);
    const evaluator = await loginPage(t, w.almereBeoordelaar.email, PASSWORD);
    const text = visibleText((await evaluator.get(`/aanbestedingen/${panel}/beoordelen/B1`)).html);
    expect(text).toContain(`Op 2 maart 2026 is een kennelijke verschrijving in de prijs van inschrijving B1 gecorrigeerd. Reden: ${REASON}`);
    expect(text).not.toMatch(/556\.000|565\.000|EUR|€/);
  });
});

describe('the results page while consensus scores are missing', () => {
  it('shows each flagged bid with its price-only flags and lets the review start', async () => {
    const body = {
      organisationId: w.orgs.almere,
      reference: 'ALM-2027-B1',
      title: 'Inburgering B1',
      template: 'b1-route',
      estimatedValue: 520000,
      expectedLearners: 80,
    };
    id = (await w.almereInkoper.post('/api/v1/tenders', body)).body.id;
    for (const bid of (EXAMPLE as { bids: { provider: unknown; price: number }[] }).bids) {
      expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/bids`, { provider: bid.provider, price: bid.price })).status).toBe(201);
    }
    await open();
    const text = visibleText((await page.get(`/aanbestedingen/${id}/uitslag`)).html);
    expect(text).toContain('De signalen voor mogelijk abnormaal lage inschrijvingen volgen uit de prijzen en staan hieronder al voor elke inschrijving.');
    expect(text).toContain('Snel Inburgeren B.V. (B3)');
    expect(text).toContain(
      'Nog niet alle consensusscores van Snel Inburgeren B.V. (B3) zijn er; deze signalen volgen uit de prijzen alleen. Het onderzoek kan al beginnen.',
    );
    expect(text).toContain('Toelichting vragen');
  });
});

describe('deleting a draft tender', () => {
  it('asks first, then deletes and says so in the list', async () => {
    const overview = visibleText((await page.get(`/aanbestedingen/${id}`)).html);
    expect(overview).toContain('Deze aanbesteding verwijderen');
    const ask = await page.get(`/aanbestedingen/${id}/verwijderen`);
    expect(visibleText(ask.html)).toContain('U verwijdert ZWL-2027-INB-B1 met de criteria, 4 inschrijvingen en het beoordelingspanel.');
    const done = await page.post(`/aanbestedingen/${id}/verwijderen`, {});
    expect(done.location).toBe('/aanbestedingen?verwijderd=ZWL-2027-INB-B1');
    expect(visibleText((await page.get(done.location ?? '')).html)).toContain('De aanbesteding ZWL-2027-INB-B1 is verwijderd');
    expect((await page.get(`/aanbestedingen/${id}`)).status).toBe(404);
  });
});

describe('weights that do not add up to 100', () => {
  it('show their sum and each share on the overview, the settings and the open page, before the opening', async () => {
    const criteria = (await w.almereInkoper.get(`/api/v1/tenders/${id}`)).body.criteria.map((c: { id: string; weight: number }) =>
      c.id === 'K1' ? { ...c, weight: 20 } : c,
    );
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { criteria })).status).toBe(200);
    const sentence = 'De gewichten tellen op tot 95 (kwaliteit 65, prijs 30), niet tot 100.';
    const shares = 'K1 Didactische aanpak en maatwerk per inburgeraar 21,05%';
    for (const path of [`/aanbestedingen/${id}`, `/aanbestedingen/${id}/instellingen`, `/aanbestedingen/${id}/openen`]) {
      const text = visibleText((await page.get(path)).html);
      expect(text, path).toContain(sentence);
      expect(text, path).toContain(shares);
      expect(text, path).toContain('Prijs 30 31,58% Totaal 95 100%');
    }
    // Weights of 100 say nothing extra.
    expect(
      (await w.almereInkoper.patch(`/api/v1/tenders/${id}`, { criteria: criteria.map((c: { id: string }) => (c.id === 'K1' ? { ...c, weight: 25 } : c)) }))
        .status,
    ).toBe(200);
    expect(visibleText((await page.get(`/aanbestedingen/${id}`)).html)).not.toContain('De gewichten tellen op tot');
  });
});
