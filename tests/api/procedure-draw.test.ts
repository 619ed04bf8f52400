/**
 * A draw of lots for a lot under the award limitation (issue 21, docs/procedures.md "Ties"):
 * the three-lot example with Het Taalhuis Kampen's bid on L2 made equal to Taalschool
 * IJsselland's, so under lot order L2 is tied between them at the margin (NT2 Centrum Zwolle
 * has L1), counts for both, and L3 (Zwolle and Kampen only) is then left to nobody. The draw
 * is recorded on the procedure; the allocation and the award decision use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import { type ImportedProcedure, importProcedure, openLots } from '../helpers/procedure-world.js';
import { exampleProcedure, tiedProcedure } from '../helpers/procedures.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;

const RECORD = 'Geloot op 2 maart 2027 door de inkoper in bijzijn van de jurist, met twee gesloten enveloppen.';

async function opened(file: Procedure = tiedProcedure()): Promise<ImportedProcedure> {
  const imported = await importProcedure(w.almereInkoper, w.orgs.almere, file);
  await openLots(w.almereInkoper, imported.lots);
  // Snel Inburgeren (B3) on L1 is possibly abnormally low: its review must be decided before any decision on L1.
  const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${imported.lots[0]?.tenderId}/bids/B3/low-bid-review`, body);
  expect((await review({ action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen rekent u?'] })).status).toBe(200);
  expect((await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' })).status).toBe(200);
  expect((await review({ action: 'decide', decision: 'accepted', motivation: 'De toelichting maakt de prijs aannemelijk.' })).status).toBe(200);
  return imported;
}

const winners = (allocation: { lotId: string; winner: string | null }[]) => Object.fromEntries(allocation.map((a) => [a.lotId, a.winner]));

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterAll(() => t.close());

describe('POST /api/v1/procedures/{id}/draws', () => {
  it('a tie at the margin: 409 on the decision before, the draw recorded, the allocation names the winner and the decision succeeds with the draw', async () => {
    const procedure = await opened();
    const url = `/api/v1/procedures/${procedure.id}`;
    const before = await w.almereInkoper.get(`${url}/allocation`);
    expect(before.status).toBe(200);
    expect(winners(before.body.allocation)).toEqual({ L1: 'B2', L2: null, L3: null });
    expect(before.body.allocation[1].reason).toContain('loting is nodig');

    const refused = await w.almereInkoper.post(`${url}/award-decision`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['lots.L2', 'lots.L3']);
    const lotRefused = await w.almereInkoper.post(`/api/v1/tenders/${procedure.lots[1]!.tenderId}/award-decision`, {});
    expect(lotRefused.status).toBe(409);
    expect(lotRefused.body.detail).toContain('De loting wordt bij de procedure vastgelegd.');

    const recorded = await w.almereInkoper.post(`${url}/draws`, { lotId: 'L2', winner: 'B1', record: RECORD });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.draws).toEqual([{ lotId: 'L2', winner: 'B1', record: RECORD }]);
    expect((await w.almereInkoper.get(url)).body.draws).toEqual([{ lotId: 'L2', winner: 'B1', record: RECORD }]);

    const after = await w.almereInkoper.get(`${url}/allocation`);
    // IJsselland wins the draw on L2, so L2 no longer counts for Kampen, which gets L3.
    expect(winners(after.body.allocation)).toEqual({ L1: 'B2', L2: 'B1', L3: 'B2' });
    expect(after.body.allocation[1]).toMatchObject({
      winner: 'B1',
      drawOfLots: { winner: 'B1', record: RECORD, tiedBids: ['B1', 'B3'] },
      reason: expect.stringContaining('Gegund na loting aan Taalschool IJsselland (B1)'),
    });

    const decided = await w.almereInkoper.post(`${url}/award-decision`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.lots.map((lot: { lotId: string; winner: string }) => [lot.lotId, lot.winner])).toEqual([
      ['L1', 'B2'],
      ['L2', 'B1'],
      ['L3', 'B2'],
    ]);
    const events = await w.almereInkoper.get(`/api/v1/tenders/${procedure.lots[1]!.tenderId}/audit-events`);
    const decision = events.body.find((e: { action: string }) => e.action === 'tender.award-decision');
    expect(decision.change.after.drawOfLots).toEqual({ winner: 'B1', record: RECORD, tiedBids: ['B1', 'B3'] });

    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null });
  });

  it("the lot's own award decision uses the draw as well", async () => {
    const procedure = await opened();
    expect((await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/draws`, { lotId: 'L2', winner: 'B3', record: RECORD })).status).toBe(201);
    const decided = await w.almereInkoper.post(`/api/v1/tenders/${procedure.lots[1]!.tenderId}/award-decision`, {});
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.winner).toBe('B3');
    // Kampen won L2, so L3 (Zwolle at its maximum, Kampen too) still goes to nobody.
    const allocation = await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}/allocation`);
    expect(winners(allocation.body.allocation)).toEqual({ L1: 'B2', L2: 'B3', L3: null });
  });

  it('refuses a draw on an untied lot (409), a winner not among the tied bids (400 naming winner), an unknown lot and a record that is no sentence (400)', async () => {
    const procedure = await opened();
    const url = `/api/v1/procedures/${procedure.id}/draws`;
    const untied = await w.almereInkoper.post(url, { lotId: 'L1', winner: 'B2', record: RECORD });
    expect(untied.status).toBe(409);
    expect(untied.body.detail).toContain('Perceel L1 wacht niet op een loting');
    const notTied = await w.almereInkoper.post(url, { lotId: 'L2', winner: 'B2', record: RECORD });
    expect(notTied.status).toBe(400);
    expect(notTied.body.errors).toEqual([{ path: 'winner', message: 'loten kan alleen tussen B1 en B3' }]);
    const unknown = await w.almereInkoper.post(url, { lotId: 'L9', winner: 'B1', record: RECORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('lotId');
    const short = await w.almereInkoper.post(url, { lotId: 'L2', winner: 'B1', record: 'geloot - - - - - - - - - -' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('record');
    expect((await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}`)).body.draws).toEqual([]);
  });

  it('is 404 to another organisation and 403 to an auditor', async () => {
    const procedure = await opened();
    const url = `/api/v1/procedures/${procedure.id}/draws`;
    const body = { lotId: 'L2', winner: 'B1', record: RECORD };
    for (const client of [w.utrechtInkoper, w.utrechtAuditor, w.lelystadInkoper]) expect((await client.post(url, body)).status).toBe(404);
    expect((await w.almereAuditor.post(url, body)).status).toBe(403);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}`)).body.draws).toEqual([]);
  });

  it('the export carries the draws and imports back to the same draws and allocation', async () => {
    const procedure = await opened();
    expect((await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/draws`, { lotId: 'L2', winner: 'B1', record: RECORD })).status).toBe(201);
    const exported = await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}/export`);
    expect(exported.body.draws).toEqual([{ lotId: 'L2', winner: 'B1', record: RECORD }]);
    const again = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exported.body);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.draws).toEqual([{ lotId: 'L2', winner: 'B1', record: RECORD }]);
    const reexported = await w.almereInkoper.get(`/api/v1/procedures/${again.body.id}/export`);
    expect(reexported.body.draws).toEqual(exported.body.draws);
    // A procedure without draws exports no draws field at all (the file as before).
    const plain = await opened(exampleProcedure());
    expect((await w.almereInkoper.get(`/api/v1/procedures/${plain.id}/export`)).body).not.toHaveProperty('draws');
  });

  it('a new award limitation voids the draws an imported file brought (every lot still draft), and the audit check replays it', async () => {
    const file = { ...tiedProcedure(), draws: [{ lotId: 'L2', winner: 'B1', record: RECORD }] };
    const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, file);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.draws).toEqual(file.draws);
    const changed = await w.almereInkoper.put(`/api/v1/procedures/${imported.body.id}/award-limit`, {
      awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1', 'L3'] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.draws).toEqual([]);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${imported.body.id}/export`)).body).not.toHaveProperty('draws');
    expect((await w.almereAuditor.get('/api/v1/audit/verify')).body).toMatchObject({ valid: true, stateMismatch: null });
  });

  it('a draw from the file that decides nothing is reported by the allocation, and a draw recorded for that lot replaces it', async () => {
    // B2 (NT2 Centrum Zwolle) is not among L2's tied bids: the imported draw decides nothing.
    const procedure = await opened({ ...tiedProcedure(), draws: [{ lotId: 'L2', winner: 'B2', record: RECORD }] });
    const url = `/api/v1/procedures/${procedure.id}`;
    const before = await w.almereInkoper.get(`${url}/allocation`);
    expect(before.body.allocation[1]).toMatchObject({ winner: null, drawNotUsed: { winner: 'B2', record: RECORD } });
    expect(before.body.allocation[1].reason).toContain('De vastgelegde loting (gevallen op B2) is niet gebruikt');
    const recorded = await w.almereInkoper.post(`${url}/draws`, { lotId: 'L2', winner: 'B3', record: RECORD });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.draws).toEqual([{ lotId: 'L2', winner: 'B3', record: RECORD }]);
    const after = await w.almereInkoper.get(`${url}/allocation`);
    expect(after.body.allocation[1]).toMatchObject({ winner: 'B3', drawOfLots: { winner: 'B3', tiedBids: ['B1', 'B3'] } });
    expect(after.body.allocation[1]).not.toHaveProperty('drawNotUsed');
  });
});
