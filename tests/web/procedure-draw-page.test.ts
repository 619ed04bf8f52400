/**
 * The draw of lots on the procedure page (issue 21, docs/procedures.md "Ties"): for a lot
 * awaiting a draw the inkoper gets a form (the tied schools, the winner, the record); a
 * refused form keeps what was typed with the field's message; once recorded the allocation
 * table shows the draw. An auditor sees the table but no form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedure, procedureWorld } from '../helpers/procedure-world.js';
import { exampleProcedure, tiedProcedure } from '../helpers/procedures.js';
import { PASSWORD, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
let id: string;

const RECORD = 'Geloot op 2 maart 2027 door de inkoper in bijzijn van de jurist, met twee gesloten enveloppen.';

beforeAll(async () => {
  ({ t, w, id } = await procedureWorld({ file: tiedProcedure() }));
}, 60_000);
afterAll(() => t.close());

describe('the draw of lots on the procedure page', () => {
  it('shows the inkoper a form for the tied lot, refuses a record that is no sentence at its field, records the draw and shows it in the allocation', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = await client.get(`/procedures/${id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Loting nodig tussen Taalschool IJsselland (B1) en Het Taalhuis Kampen (B3).');
    expect(page.html).toContain(`action="/procedures/${id}/loting"`);
    expect(page.html).toContain('aria-label="Loting voor perceel L2"');
    expect(page.html).not.toContain('aria-label="Loting voor perceel L1"');
    expect(page.html).toMatch(/<option value="B3"[^>]*>Het Taalhuis Kampen \(B3\)<\/option>/);

    const refused = await client.post(`/procedures/${id}/loting`, { lotId: 'L2', winner: 'B3', record: 'geloot' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.html)).toContain('Verslag van de loting: beschrijf de loting (wie, wanneer, hoe)');
    expect(refused.html).toContain('id="loting-L2-record"');
    expect((await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.draws).toEqual([]);

    const recorded = await client.post(`/procedures/${id}/loting`, { lotId: 'L2', winner: 'B3', record: RECORD });
    expect(recorded.status).toBe(303);
    const after = await client.get(recorded.location ?? '');
    const afterText = visibleText(after.html);
    expect(afterText).toContain('De loting voor perceel L2 is vastgelegd');
    expect(afterText).toContain(`Geloot tussen Taalschool IJsselland (B1) en Het Taalhuis Kampen (B3); gevallen op Het Taalhuis Kampen (B3). ${RECORD}`);
    expect(afterText).toContain('Gegund na loting aan Het Taalhuis Kampen (B3)');
    expect(after.html).not.toContain(`action="/procedures/${id}/loting"`);
  });

  it('shows an auditor the allocation but no form, and refuses its post', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere, tiedProcedure());
    const client = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const page = await client.get(`/procedures/${imported.id}`);
    expect(visibleText(page.html)).toContain('Loting nodig tussen');
    expect(page.html).not.toContain('/loting"');
    const post = await client.post(`/procedures/${imported.id}/loting`, { lotId: 'L2', winner: 'B1', record: RECORD });
    expect(post.status).toBe(403);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${imported.id}`)).body.draws).toEqual([]);
  });

  it('without a limitation says between which bids a tied lot awaits its draw, from the allocation, but has no form: the draw belongs to the lot', async () => {
    // L3's B2 (Het Taalhuis Kampen) made equal to B1 (NT2 Centrum Zwolle): a shared first place, and no limitation.
    const file = exampleProcedure();
    delete file.awardLimit;
    const l3 = file.lots[2]!.dossier;
    const b1 = l3.bids.find((bid) => bid.id === 'B1')!;
    const b2 = l3.bids.find((bid) => bid.id === 'B2')!;
    b2.price = b1.price;
    b2.scores = { ...b1.scores };
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere, file);
    const allocation = await w.almereInkoper.get(`/api/v1/procedures/${imported.id}/allocation`);
    expect((allocation.body.allocation as { lotId: string; tiedBids?: string[] }[]).map((lot) => [lot.lotId, lot.tiedBids])).toEqual([
      ['L1', undefined],
      ['L2', undefined],
      ['L3', ['B1', 'B2']],
    ]);
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const page = await client.get(`/procedures/${imported.id}`);
    expect(visibleText(page.html)).toContain('Loting nodig tussen NT2 Centrum Zwolle (B1) en Het Taalhuis Kampen (B2).');
    expect(page.html).not.toContain('/loting"');
  });
});
