/**
 * The form "Gunningsbeperking" on the procedure page (issue 21): an inkoper sets the
 * limitation while every lot is draft, through the service behind `PUT .../award-limit`:
 * lot order with a custom order (the allocation follows it), the bidders' preferences, no
 * limitation; a bad number and a position given twice are refused in Dutch at their field;
 * no form for an auditor or evaluator, nor once a lot is open; 404 to another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedure } from '../helpers/procedure-world.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let inkoper: PageClient;

/** A fresh import of the example (three draft lots with bids; at most 1 lot per school in the order L1, L2, L3). */
const importExample = () => importProcedure(w.almereInkoper, w.orgs.almere);
const limitOf = async (id: string) => {
  const body = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body;
  return { awardLimit: body.awardLimit, preferences: body.preferences };
};
const FORM_ACTION = (id: string) => `action="/procedures/${id}/gunningsbeperking"`;

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('the form "Gunningsbeperking" on the procedure page', () => {
  it('shows the current setting filled in, sets lot order with a custom order, and the allocation follows it', async () => {
    const { id } = await importExample();
    const page = await inkoper.get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(FORM_ACTION(id));
    expect(page.html).toContain('name="maxLotsPerBidder" type="text" value="1"');
    expect(page.html).toMatch(/name="rule" value="lot-order" checked/);
    expect(page.html).toContain('name="positie-L3" type="text" value="3"');
    const text = visibleText(page.html);
    expect(text).toContain('in de volgorde van de percelen');
    expect(text).toContain('naar de voorkeur van de inschrijver');
    expect(text).toContain('Taalschool IJsselland (KvK 05123456)');
    expect(text).toMatch(/L2\s+Taalschool IJsselland \(B1\)\s+NT2 Centrum Zwolle \(B2\)/);

    const set = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '1',
      rule: 'lot-order',
      'positie-L1': '2',
      'positie-L2': '1',
      'positie-L3': '3',
    });
    expect(set.status, visibleText(set.html)).toBe(303);
    expect(await limitOf(id)).toEqual({ awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1', 'L3'] }, preferences: null });
    const after = await inkoper.get(set.location ?? '');
    const afterText = visibleText(after.html);
    expect(afterText).toContain(
      'De gunningsbeperking is vastgelegd. Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L2, L1, L3.',
    );
    // L2 comes first now: NT2 Centrum Zwolle keeps it, so L1 goes elsewhere.
    expect(afterText).toMatch(/L2\s+NT2 Centrum Zwolle \(B2\)\s+NT2 Centrum Zwolle \(B2\)/);
    expect(after.html).toContain('name="positie-L1" type="text" value="2"');
  });

  it('sets bidder preference with one school\'s preference, parsed from "L2, L1"', async () => {
    const { id } = await importExample();
    const set = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '1',
      rule: 'bidder-preference',
      'positie-L1': '1',
      'positie-L2': '2',
      'positie-L3': '3',
      'voorkeur-05234567': 'L2, L1',
      'voorkeur-05123456': '',
    });
    expect(set.status, visibleText(set.html)).toBe(303);
    expect(await limitOf(id)).toEqual({ awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' }, preferences: { '05234567': ['L2', 'L1'] } });
    const after = await inkoper.get(set.location ?? '');
    const text = visibleText(after.html);
    expect(text).toContain('Ten hoogste 1 perceel per inschrijver, naar de voorkeur van de inschrijver.');
    expect(text).toContain('KvK 05234567: L2, L1');
    expect(after.html).toMatch(/name="rule" value="bidder-preference" checked/);
    expect(after.html).toContain('name="voorkeur-05234567" type="text" value="L2, L1"');
  });

  it('clears the limitation when the number is left empty', async () => {
    const { id } = await importExample();
    const set = await inkoper.post(`/procedures/${id}/gunningsbeperking`, { maxLotsPerBidder: '', rule: 'lot-order', 'positie-L1': '1' });
    expect(set.status, visibleText(set.html)).toBe(303);
    expect(await limitOf(id)).toEqual({ awardLimit: null, preferences: null });
    const text = visibleText((await inkoper.get(set.location ?? '')).html);
    expect(text).toContain('De gunningsbeperking is vastgelegd. Geen gunningsbeperking: elk perceel gaat naar zijn eigen winnaar.');
    expect((await inkoper.get(`/procedures/${id}`)).html).toContain('name="maxLotsPerBidder" type="text" value=""');
  });

  it('refuses a bad number, a position given twice and a lot a school did not bid on, in Dutch at the field, and changes nothing', async () => {
    const { id } = await importExample();
    const before = await limitOf(id);
    const badN = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '0',
      rule: 'lot-order',
      'positie-L1': '1',
      'positie-L2': '2',
      'positie-L3': '3',
    });
    expect(badN.status).toBe(400);
    expect(visibleText(badN.html)).toContain(
      'Ten hoogste zoveel percelen per inschrijver: vul een geheel getal van minstens 1 in, of laat het leeg voor geen gunningsbeperking',
    );
    expect(badN.html).toMatch(/id="veld-maxLotsPerBidder-fout"[^>]*>vul een geheel getal van minstens 1 in/);
    expect(badN.html).toContain('name="maxLotsPerBidder" type="text" value="0"');

    const twice = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '1',
      rule: 'lot-order',
      'positie-L1': '1',
      'positie-L2': '1',
      'positie-L3': '3',
    });
    expect(twice.status).toBe(400);
    expect(visibleText(twice.html)).toContain('Positie van perceel L2: positie 1 is al gegeven aan perceel L1; geef elke positie één keer');
    expect(twice.html).toMatch(/id="veld-positie-L2-fout"[^>]*>positie 1 is al gegeven aan perceel L1/);

    // The service's own check (a school prefers a lot it did not bid on) lands at that school's field.
    const notBid = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '1',
      rule: 'bidder-preference',
      'voorkeur-05123456': 'L3',
    });
    expect(notBid.status).toBe(400);
    expect(visibleText(notBid.html)).toContain('Voorkeur van Taalschool IJsselland (KvK 05123456): KvK 05123456 heeft niet ingeschreven op perceel "L3"');
    expect(notBid.html).toMatch(/id="veld-voorkeur-05123456-fout"/);
    expect(await limitOf(id)).toEqual(before);
  });

  it('gives an auditor and an evaluator no form and refuses their post; another organisation gets 404', async () => {
    const { id, lots } = await importExample();
    for (const lot of lots)
      expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const body = { maxLotsPerBidder: '2', rule: 'lot-order', 'positie-L1': '1', 'positie-L2': '2', 'positie-L3': '3' };
    for (const email of [w.almereAuditor.email, w.almereBeoordelaar.email]) {
      const client = await loginPage(t, email, PASSWORD);
      const page = await client.get(`/procedures/${id}`);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain(FORM_ACTION(id));
      expect((await client.post(`/procedures/${id}/gunningsbeperking`, body)).status).toBe(403);
    }
    const other = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await other.get(`/procedures/${id}`)).status).toBe(404);
    expect((await other.post(`/procedures/${id}/gunningsbeperking`, body)).status).toBe(404);
    expect((await limitOf(id)).awardLimit).toEqual({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] });
  });

  it('shows no form once a lot is open, but the setting in words and that it is fixed at opening', async () => {
    const { id, lots } = await importExample();
    const l1 = lots[0]?.tenderId ?? '';
    const opened = await w.almereInkoper.post(`/api/v1/tenders/${l1}/open`, {});
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const page = await inkoper.get(`/procedures/${id}`);
    expect(page.html).not.toContain(FORM_ACTION(id));
    const text = visibleText(page.html);
    expect(text).toContain('Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2, L3.');
    expect(text).toContain('De gunningsbeperking ligt vast sinds de opening (perceel L1 geopend)');
    const post = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '2',
      rule: 'lot-order',
      'positie-L1': '1',
      'positie-L2': '2',
      'positie-L3': '3',
    });
    expect(post.status).toBe(409);
    expect(visibleText(post.html)).toContain('De gunningsbeperking ligt vast: perceel L1 is al geopend.');
  });
});
