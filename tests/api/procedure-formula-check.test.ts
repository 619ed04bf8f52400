/**
 * The formula check per lot of a procedure (issue 21, docs/procedures.md "Per lot in the
 * region"): `GET /api/v1/procedures/:id/formula-check` checks each lot on its own formula and
 * says per lot what it found; a lot's answer is exactly the single tender's check of that lot.
 * Another organisation gets 404, an evaluator on every lot 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportedLot, procedureWorld, seatOnEachLot } from '../helpers/procedure-world.js';
import { exampleProcedure } from '../helpers/procedures.js';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];

/** The example with lot L2's formula made to invite underbidding: price weight 80, quality 20 (7, 6, 4, 3), no minimums. */
function procedureWithOneBadLot() {
  const file = exampleProcedure();
  const l2 = file.lots[1]?.dossier;
  if (l2 === undefined) throw new Error('example without L2');
  const weights = [7, 6, 4, 3];
  l2.award = { ...l2.award, priceWeight: 80 };
  l2.criteria = l2.criteria.map(({ minimum: _minimum, ...criterion }, i) => ({ ...criterion, weight: weights[i] ?? 0 }));
  return file;
}

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld({ file: procedureWithOneBadLot() }));
});
afterAll(() => t.close());

describe('GET /api/v1/procedures/:id/formula-check', () => {
  it('checks each lot on its own formula, in lot order, and names the lot that invites underbidding', async () => {
    const response = await w.almereInkoper.get(`/api/v1/procedures/${id}/formula-check`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body;
    expect(body.procedureId).toBe(id);
    expect(body.lots.map((lot: { lotId: string; route: string; check: { verdict: string } }) => [lot.lotId, lot.route, lot.check.verdict])).toEqual([
      ['L1', 'B1-route', 'resists-underbidding'],
      ['L2', 'onderwijsroute', 'invites-underbidding'],
      ['L3', 'Z-route', 'resists-underbidding'],
    ]);
    expect(body.lotsInvitingUnderbidding).toEqual(['L2']);
    expect(body.lots[1].sentence).toBe(`Perceel L2 (onderwijsroute): ${body.lots[1].check.verdictSentence}`);
    expect(body.lots[1].check.suggestions.length).toBeGreaterThan(0);
  });

  it("gives per lot exactly the single tender's check of that lot", async () => {
    const body = (await w.almereInkoper.get(`/api/v1/procedures/${id}/formula-check`)).body;
    for (const [i, lot] of lots.entries()) {
      const single = await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/formula-check`);
      expect(single.status).toBe(200);
      expect(body.lots[i].tenderId).toBe(lot.tenderId);
      expect(body.lots[i].check).toEqual(single.body);
    }
  });

  it('is for the inkoper and auditor: 404 to another organisation, 403 to an evaluator on every lot', async () => {
    expect((await w.almereAuditor.get(`/api/v1/procedures/${id}/formula-check`)).status).toBe(200);
    expect((await w.utrechtInkoper.get(`/api/v1/procedures/${id}/formula-check`)).status).toBe(404);
    expect((await w.almereBeoordelaar.get(`/api/v1/procedures/${id}/formula-check`)).status).toBe(404);
    await seatOnEachLot(w.almereInkoper, lots, w.almereBeoordelaar.userId);
    expect((await w.almereBeoordelaar.get(`/api/v1/procedures/${id}/formula-check`)).status).toBe(403);
  });
});
