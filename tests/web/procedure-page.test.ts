/**
 * The page of a procedure with several lots (issue 21): its lots linked to their tender
 * pages, the award limitation in Dutch, the allocation with a reason per lot for an inkoper
 * or auditor and never for an evaluator; linked from the tender list and from each lot's
 * overview; 404 to another organisation, decided by the same access as the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProcedure } from '../helpers/procedures.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;
let lots: { lotId: string; tenderId: string }[];

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
  expect(imported.status).toBe(201);
  id = imported.body.id;
  lots = imported.body.lots;
}, 60_000);
afterAll(() => t.close());

describe('GET /procedures/:id', () => {
  it('shows the lots with links, the limitation in Dutch and the allocation with its reasons', async () => {
    const page = await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(text).toContain('Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2, L3.');
    for (const lot of lots) expect(page.html).toContain(`href="/aanbestedingen/${lot.tenderId}"`);
    expect(text).toContain('Toewijzing van de percelen');
    // L2: NT2 Centrum Zwolle won it on its own, but already has L1 under the lot order.
    expect(text).toMatch(/L2\s+Taalschool IJsselland \(B1\)\s+NT2 Centrum Zwolle \(B2\)\s+Gegund aan de op één na beste inschrijving/);
  });

  it('shows an evaluator on every lot the lots but not the allocation', async () => {
    for (const lot of lots)
      expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const page = await (await loginPage(t, w.almereBeoordelaar.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Inburgering Z-route regio IJsselland 2027-2029');
    expect(text).not.toContain('Toewijzing van de percelen');
    expect(text).not.toContain('Gegund aan');
  });

  it('is 404 to another organisation', async () => {
    const page = await (await loginPage(t, w.utrechtInkoper.email, PASSWORD)).get(`/procedures/${id}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.html)).not.toContain('ZWL-2027-INB');
  });
});

describe('links to the procedure', () => {
  it('from the tender list and from the overview of each lot', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const list = await client.get('/aanbestedingen');
    expect(list.html).toContain(`href="/procedures/${id}"`);
    expect(visibleText(list.html)).toContain('ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    const overview = await client.get(`/aanbestedingen/${lots[1]?.tenderId}`);
    expect(visibleText(overview.html)).toContain('Perceel L2 van procedure ZWL-2027-INB: Inburgering regio IJsselland 2027-2029');
    expect(overview.html).toContain(`href="/procedures/${id}"`);
  });
});
