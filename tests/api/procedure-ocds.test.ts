/**
 * `GET /api/v1/procedures/{id}/ocds` (issue 21): the three-lot example as one OCDS release,
 * valid against the OCDS 1.1.5 schemas and the declared extensions as the single export is,
 * whose awards follow the recorded decisions (L2 decided alone, for the bid the lot order gives
 * it), with the access of a lot's OCDS export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportedLot, importProcedure, procedureWorld, seatOnEachLot } from '../helpers/procedure-world.js';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';
import { validators } from '../unit/ocds/ocds-schemas.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld({
    config: { publicBaseUrl: 'https://gunningswijzer.ijsselland.example.nl/aanbesteden', ocidPrefix: 'ocds-ijs123' },
  }));
});
afterAll(() => t.close());

const ocds = (client: World['almereInkoper'] = w.almereInkoper) => client.get(`/api/v1/procedures/${id}/ocds`);

describe('GET /api/v1/procedures/{id}/ocds', () => {
  it('is a valid release package with every lot and no award while the lots are draft', async () => {
    const response = await ocds(w.almereAuditor);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(validators.official.validatePackage(response.body)).toEqual([]);
    expect(validators.extended.validatePackage(response.body)).toEqual([]);
    expect(response.body.uri).toBe(`https://gunningswijzer.ijsselland.example.nl/aanbesteden/api/v1/procedures/${id}/ocds`);
    const release = response.body.releases[0];
    expect(release.ocid).toBe(`ocds-ijs123-${id}`);
    expect(release.tender.lots.map((lot: { id: string }) => lot.id)).toEqual(['L1', 'L2', 'L3']);
    expect(release.tender.lotDetails.maximumLotsAwardedPerSupplier).toBe(1);
    expect(release.awards).toBeUndefined();
  });

  it('awards a lot decided by the procedure’s decision to its allocated bid, and no lot that is undecided', async () => {
    for (const lot of lots) expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/open`)).status).toBe(200);
    const decided = await w.almereInkoper.post(`/api/v1/procedures/${id}/award-decision`, { lots: ['L2'] });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const response = await ocds();
    expect(response.status).toBe(200);
    expect(validators.official.validatePackage(response.body)).toEqual([]);
    expect(validators.extended.validatePackage(response.body)).toEqual([]);
    const release = response.body.releases[0];
    // Lot order: L1 to NT2 Centrum Zwolle, so L2 goes to Taalschool IJsselland (B1), not to Zwolle (B2), its best bid.
    expect(
      release.awards.map((a: { id: string; status: string; relatedLots: string[]; relatedBids: string[] }) => [a.id, a.status, a.relatedLots, a.relatedBids]),
    ).toEqual([['award-L2', 'pending', ['L2'], ['L2-B1']]]);
    expect(release.awards[0].date).toBe(decided.body.decidedAt);
    expect(release.awards[0].suppliers.map((s: { name: string }) => s.name)).toEqual(['Taalschool IJsselland']);
    expect(release.tender.lots.map((lot: { status: string }) => lot.status)).toEqual(['active', 'active', 'active']);
  });

  it('answers 404 to another organisation and to an evaluator on some lots, 403 to an evaluator on every lot', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const url = `/api/v1/procedures/${imported.id}/ocds`;
    expect((await w.almereInkoper.get(url)).status).toBe(200);
    for (const client of [w.utrechtInkoper, w.utrechtAuditor, w.lelystadInkoper]) expect((await client.get(url)).status).toBe(404);
    await seatOnEachLot(w.almereInkoper, imported.lots.slice(0, 1), w.almereBeoordelaar.userId);
    expect((await w.almereBeoordelaar.get(url)).status).toBe(404);
    await seatOnEachLot(w.almereInkoper, imported.lots.slice(1), w.almereBeoordelaar.userId);
    expect((await w.almereBeoordelaar.get(url)).status).toBe(403);
  });

  it('answers 409 while a lot is not a complete dossier, naming the missing scores by their path', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const bid = { provider: { name: 'Taalschool De Nieuwe', kvk: '05999999', keurmerk: true }, price: 400000 };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${imported.lots[1]?.tenderId}/bids`, bid)).status).toBe(201);
    const response = await w.almereInkoper.get(`/api/v1/procedures/${imported.id}/ocds`);
    expect(response.status).toBe(409);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('lots[1].dossier.bids[3].scores.K1');
  });
});
