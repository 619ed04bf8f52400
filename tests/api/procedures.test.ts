/**
 * Procedures with several lots in the server (issue 21, docs/procedures.md "In the server"):
 * the three-lot example imported as one procedure with a tender per lot, listed, read,
 * exported back to the same file, allocated under its limitation (equal to the domain's
 * `evaluateProcedure` on the file), its limitation changed while every lot is draft and
 * refused after; and every procedure route is 404 to another organisation, the allocation
 * never reaches an evaluator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStandstillEnd } from '../../src/domain/lifecycle/standstill.js';
import { evaluateProcedure } from '../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import {
  type ImportedLot,
  type ImportedProcedure,
  importProcedure,
  openLots,
  procedureImportUrl as importUrl,
  procedureWorld,
} from '../helpers/procedure-world.js';
import { exampleProcedure } from '../helpers/procedures.js';
import type { World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];
const BIDDER_PREFERENCE = { awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' }, preferences: { '05234567': ['L2', 'L1', 'L3'] } };

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld());
});
afterAll(() => t.close());

describe('POST /api/v1/procedures/import', () => {
  it('creates the procedure and a draft tender per lot, each with its dossier, in the file order', async () => {
    const file = exampleProcedure();
    const procedure = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body;
    expect(procedure).toMatchObject({
      id,
      organisationId: w.orgs.almere,
      procedure: { reference: 'ZWL-2027-INB', title: 'Inburgering regio IJsselland 2027-2029', buyer: 'Gemeente Zwolle' },
      awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] },
      preferences: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(procedure.lots.map((lot: { lotId: string; title: string; status: string }) => [lot.lotId, lot.title, lot.status])).toEqual([
      ['L1', 'Inburgering B1-route regio IJsselland 2027-2029', 'draft'],
      ['L2', 'Inburgering onderwijsroute regio IJsselland 2027-2029', 'draft'],
      ['L3', 'Inburgering Z-route regio IJsselland 2027-2029', 'draft'],
    ]);
    for (const [i, lot] of lots.entries()) {
      const dossier = await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/dossier`);
      expect(dossier.status).toBe(200);
      expect(dossier.body.bids.map((bid: { provider: { kvk: string } }) => bid.provider.kvk)).toEqual(
        file.lots[i]?.dossier.bids.map((bid) => bid.provider.kvk),
      );
    }
  });

  it('records procedure.import and, per lot, tender.import naming the procedure, the lot and its place', async () => {
    const events = t.db.sqlite
      .prepare(
        "SELECT action, entity_type AS entityType, entity_id AS entityId, tender_id AS tenderId, change FROM audit_events WHERE action = 'procedure.import'",
      )
      .all() as { action: string; entityType: string; entityId: string; tenderId: string | null; change: string }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: 'procedure', entityId: id, tenderId: null });
    expect(JSON.parse(events[0]?.change ?? '{}').after.lots).toEqual(lots.map(({ lotId, tenderId }) => ({ lotId, tenderId })));
    for (const [position, lot] of lots.entries()) {
      const trail = (await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/audit-events`)).body;
      expect(trail.map((e: { action: string }) => e.action)).toEqual(['tender.import']);
      expect(trail[0].change.procedure).toEqual({ id, lotId: lot.lotId, position });
    }
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('reports every problem of the file with its path from the file root, and writes nothing', async () => {
    const file = exampleProcedure() as unknown as { lots: { id: string; dossier: { bids: { price?: unknown }[] } }[]; awardLimit: { lotOrder: string[] } };
    (file.lots[1] as (typeof file.lots)[number]).dossier.bids[0] = { ...(file.lots[1]?.dossier.bids[0] ?? {}), price: 'veel' };
    file.awardLimit.lotOrder = ['L1', 'L2', 'L9'];
    const before = (await w.almereInkoper.get('/api/v1/tenders')).body.length;
    const response = await w.almereInkoper.post(importUrl(w.orgs.almere), file);
    expect(response.status).toBe(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['lots[1].dossier.bids[0].price', 'awardLimit.lotOrder[2]', 'awardLimit.lotOrder']));
    expect((await w.almereInkoper.get('/api/v1/tenders')).body.length).toBe(before);
  });

  it('refuses a two-envelope lot with bids (409, the lot named), as the dossier import does', async () => {
    const file = exampleProcedure();
    (file.lots[2] as Procedure['lots'][number]).dossier.tender.envelopes = 'two';
    const response = await w.almereInkoper.post(importUrl(w.orgs.almere), file);
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: 'lots[2].dossier.bids', message: 'geen inschrijvingen bij twee enveloppen' }]);
  });

  it('is for an inkoper of the organisation only', async () => {
    expect((await w.almereAuditor.post(importUrl(w.orgs.almere), exampleProcedure())).status).toBe(403);
    expect((await w.utrechtInkoper.post(importUrl(w.orgs.almere), exampleProcedure())).status).toBe(404);
  });
});

describe('GET /api/v1/procedures', () => {
  it("lists the organisation's procedures to its members, and none to another organisation", async () => {
    expect((await w.almereInkoper.get('/api/v1/procedures')).body.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await w.almereAuditor.get('/api/v1/procedures')).body.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await w.utrechtInkoper.get('/api/v1/procedures')).body).toEqual([]);
    expect((await w.lelystadInkoper.get('/api/v1/procedures')).body).toEqual([]);
  });
});

describe('GET /api/v1/procedures/{id}/export', () => {
  it('gives back the imported file, each lot as its tender dossier, with the same evaluation', async () => {
    const exported = await w.almereInkoper.get(`/api/v1/procedures/${id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(exampleProcedure());
    for (const [i, lot] of lots.entries()) {
      expect(exported.body.lots[i].dossier).toEqual((await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/dossier`)).body);
    }
    expect(evaluateProcedure(exported.body)).toEqual(evaluateProcedure(exampleProcedure()));
  });
});

describe('GET /api/v1/procedures/{id}/allocation', () => {
  it("is the domain's evaluateProcedure on the export: under lot order NT2 Centrum Zwolle gets L1 only", async () => {
    const response = await w.almereAuditor.get(`/api/v1/procedures/${id}/allocation`);
    expect(response.status).toBe(200);
    const expected = evaluateProcedure(exampleProcedure());
    expect(response.body.allocation).toEqual(expected.allocation);
    expect(response.body.allocation.map((a: { lotId: string; winner: string }) => [a.lotId, a.winner])).toEqual([
      ['L1', 'B2'],
      ['L2', 'B1'],
      ['L3', 'B2'],
    ]);
    expect(response.body.lots).toEqual(expected.lots.map((lot, i) => ({ lotId: lot.lotId, tenderId: lots[i]?.tenderId, result: lot.result })));
  });
});

describe('PUT /api/v1/procedures/{id}/award-limit', () => {
  it('checks the limitation against the lots and their bidders', async () => {
    const missing = await w.almereInkoper.put(`/api/v1/procedures/${id}/award-limit`, {
      awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'awardLimit.lotOrder', message: 'perceel "L3" ontbreekt; de volgorde noemt elk perceel precies één keer' }]);
    const stranger = await w.almereInkoper.put(`/api/v1/procedures/${id}/award-limit`, { ...BIDDER_PREFERENCE, preferences: { '09999999': ['L1'] } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].path).toBe('preferences.09999999');
    expect((await w.almereAuditor.put(`/api/v1/procedures/${id}/award-limit`, BIDDER_PREFERENCE)).status).toBe(403);
  });

  it('changes the rule while every lot is draft, and the allocation follows: Zwolle keeps L2, which it prefers', async () => {
    const changed = await w.almereInkoper.put(`/api/v1/procedures/${id}/award-limit`, BIDDER_PREFERENCE);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject(BIDDER_PREFERENCE);
    const allocation = (await w.almereInkoper.get(`/api/v1/procedures/${id}/allocation`)).body.allocation;
    expect(allocation.map((a: { lotId: string; winner: string; winnerWithoutLimit: string }) => [a.lotId, a.winner, a.winnerWithoutLimit])).toEqual([
      ['L1', 'B1', 'B2'],
      ['L2', 'B2', 'B2'],
      ['L3', 'B2', 'B1'],
    ]);
    const file = { ...exampleProcedure(), ...BIDDER_PREFERENCE } as Procedure;
    expect(allocation).toEqual(evaluateProcedure(file).allocation);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${id}/export`)).body).toEqual(file);
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null });
  });
});

describe('the lots of a procedure', () => {
  it('refuses to delete a lot on its own (409)', async () => {
    const response = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${lots[1]?.tenderId}`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('perceel L2 van een procedure');
  });
});

describe('access to a procedure', () => {
  it('is 404 on every procedure route to another organisation', async () => {
    for (const client of [w.utrechtInkoper, w.utrechtAuditor, w.lelystadInkoper]) {
      for (const path of ['', '/export', '/allocation']) expect((await client.get(`/api/v1/procedures/${id}${path}`)).status).toBe(404);
      expect((await client.put(`/api/v1/procedures/${id}/award-limit`, BIDDER_PREFERENCE)).status).toBe(404);
    }
  });

  it('is 404 to an evaluator on one lot only, and an evaluator on every lot sees the lots but never the allocation or the file', async () => {
    const [first, ...rest] = lots;
    expect((await w.almereInkoper.post(`/api/v1/tenders/${first?.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    expect((await w.almereBeoordelaar.get(`/api/v1/procedures/${id}`)).status).toBe(404);
    expect((await w.almereBeoordelaar.get('/api/v1/procedures')).body).toEqual([]);
    for (const lot of rest) {
      expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    }
    const seen = await w.almereBeoordelaar.get(`/api/v1/procedures/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.lots.map((lot: { lotId: string }) => lot.lotId)).toEqual(['L1', 'L2', 'L3']);
    expect((await w.almereBeoordelaar.get(`/api/v1/procedures/${id}/allocation`)).status).toBe(403);
    expect((await w.almereBeoordelaar.get(`/api/v1/procedures/${id}/export`)).status).toBe(403);
    expect((await w.almereBeoordelaar.put(`/api/v1/procedures/${id}/award-limit`, BIDDER_PREFERENCE)).status).toBe(403);
  });
});

describe('once a lot is opened', () => {
  it('fixes the limitation (409), like the formula', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${lots[0]?.tenderId}/open`)).status).toBe(200);
    const response = await w.almereInkoper.put(`/api/v1/procedures/${id}/award-limit`, { awardLimit: null });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('perceel L1 is al geopend');
    expect((await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.awardLimit).toEqual(BIDDER_PREFERENCE.awardLimit);
  });
});

describe('a two-envelope lot', () => {
  it('has no allocation and no export before its price opening (409, the lot named)', async () => {
    const file = exampleProcedure();
    const third = file.lots[2] as Procedure['lots'][number];
    third.dossier.tender.envelopes = 'two';
    third.dossier.bids = [];
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere, { ...file, awardLimit: undefined });
    for (const path of ['/export', '/allocation']) {
      const response = await w.almereInkoper.get(`/api/v1/procedures/${imported.id}${path}`);
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/^Perceel L3: /);
    }
  });
});

describe('a lot that is not yet a complete dossier', () => {
  it('has no allocation (409, the missing scores by their path in the file), where its own evaluation is a preview', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const second = imported.lots[1];
    const bid = { provider: { name: 'Taalschool De Nieuwe', kvk: '05999999', keurmerk: true }, price: 400000 };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${second?.tenderId}/bids`, bid)).status).toBe(201);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${second?.tenderId}/evaluation`)).status).toBe(200);
    const response = await w.almereInkoper.get(`/api/v1/procedures/${imported.id}/allocation`);
    expect(response.status).toBe(409);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['K1', 'K2', 'K3', 'K4'].map((k) => `lots[1].dossier.bids[3].scores.${k}`));
  });
});

describe('the award decision of a lot under the limitation', () => {
  it('is taken for the winner the limitation gives the lot, also when that is not its own winner, with both and the reason recorded', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const procedureLots = imported.lots;
    // Bidder preference: Zwolle (B2 on L2, B1 on L3) keeps L2, which it prefers; L3 goes to Het Taalhuis Kampen (B2).
    expect((await w.almereInkoper.put(`/api/v1/procedures/${imported.id}/award-limit`, BIDDER_PREFERENCE)).status).toBe(200);
    await openLots(w.almereInkoper, procedureLots);
    const draw = { drawOfLots: { winner: 'B1', record: 'De inkoper heeft op 2 maart geloot in bijzijn van de notaris.' } };
    const refused = await w.almereInkoper.post(`/api/v1/tenders/${procedureLots[2]?.tenderId}/award-decision`, draw);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'drawOfLots', message: 'geen gedeelde eerste plaats onder de gunningsbeperking' }]);
    const third = await w.almereInkoper.post(`/api/v1/tenders/${procedureLots[2]?.tenderId}/award-decision`);
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    expect(third.body).toMatchObject({ status: 'award-proposed', winner: 'B2' });
    const stored = t.db.sqlite.prepare('SELECT award_decision AS decision FROM tenders WHERE id = ?').get(procedureLots[2]?.tenderId) as { decision: string };
    expect(JSON.parse(stored.decision).limitation).toEqual({
      winnerWithoutLimit: 'B1',
      reason: expect.stringMatching(/^Gegund aan de op één na beste inschrijving, Het Taalhuis Kampen \(B2\)/),
    });
    const second = await w.almereInkoper.post(`/api/v1/tenders/${procedureLots[1]?.tenderId}/award-decision`);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.winner).toBe('B2');
  });

  it('waits until every lot is complete (409), since a lot’s winner depends on the others', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const [, second, third] = imported.lots;
    const bid = { provider: { name: 'Taalschool De Nieuwe', kvk: '05999999', keurmerk: true }, price: 400000 };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${third?.tenderId}/bids`, bid)).status).toBe(201);
    expect((await w.almereInkoper.post(`/api/v1/tenders/${second?.tenderId}/open`)).status).toBe(200);
    const response = await w.almereInkoper.post(`/api/v1/tenders/${second?.tenderId}/award-decision`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('eerst moet elk perceel volledig beoordeeld zijn');
  });
});

describe('POST /api/v1/procedures/{id}/award-decision', () => {
  /** Snel Inburgeren (B3) on L1 is possibly abnormally low: its art. 2.116 review must be decided before any decision on L1. */
  const acceptLowBid = async (tenderId: string) => {
    const review = (body: unknown) => w.almereInkoper.post(`/api/v1/tenders/${tenderId}/bids/B3/low-bid-review`, body);
    expect((await review({ action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoeveel contacturen rekent u?'] })).status).toBe(200);
    expect((await review({ action: 'record-explanation', explanation: 'Wij werken met groepen van 16 en een eigen lesmethode.' })).status).toBe(200);
    expect((await review({ action: 'decide', decision: 'accepted', motivation: 'De toelichting maakt de prijs aannemelijk.' })).status).toBe(200);
  };
  const opened = async (file: Procedure = exampleProcedure()): Promise<ImportedProcedure> => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere, file);
    await openLots(w.almereInkoper, imported.lots);
    await acceptLowBid(imported.lots[0]?.tenderId ?? '');
    return imported;
  };
  const statuses = async (procedure: { id: string }) =>
    (await w.almereInkoper.get(`/api/v1/procedures/${procedure.id}`)).body.lots.map((lot: { lotId: string; status: string }) => [lot.lotId, lot.status]);

  it('decides every lot in one go for the winner the lot order gives it, each with its standstill, winner without the limitation and reason', async () => {
    const procedure = await opened();
    const response = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/award-decision`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const standstillEndsOn = computeStandstillEnd(new Date(response.body.decidedAt));
    expect(response.body.lots.map((l: Record<string, unknown>) => [l.lotId, l.status, l.winner, l.winnerWithoutLimit, l.standstillEndsOn])).toEqual([
      ['L1', 'award-proposed', 'B2', 'B2', standstillEndsOn],
      ['L2', 'award-proposed', 'B1', 'B2', standstillEndsOn],
      ['L3', 'award-proposed', 'B2', 'B1', standstillEndsOn],
    ]);
    expect(response.body.lots[1].reason).toMatch(
      /^Gegund aan de op één na beste inschrijving, Taalschool IJsselland \(B1\): NT2 Centrum Zwolle \(KvK 05234567\) heeft al perceel L1/,
    );
    expect(await statuses(procedure)).toEqual([
      ['L1', 'award-proposed'],
      ['L2', 'award-proposed'],
      ['L3', 'award-proposed'],
    ]);
    const events = t.db.sqlite
      .prepare("SELECT action, entity_id AS entityId, change FROM audit_events WHERE action = 'procedure.award-decision' AND entity_id = ?")
      .all(procedure.id) as { change: string }[];
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.change ?? '{}').after.lots.map((l: { lotId: string; winner: string }) => [l.lotId, l.winner])).toEqual([
      ['L1', 'B2'],
      ['L2', 'B1'],
      ['L3', 'B2'],
    ]);
    for (const lot of procedure.lots) {
      const trail = (await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/audit-events`)).body;
      const actions = trail.map((e: { action: string }) => e.action);
      expect(actions.filter((action: string) => action === 'tender.award-decision')).toHaveLength(1);
      expect(actions.at(-1)).toBe('tender.award-decision');
      expect(actions).not.toContain('procedure.award-decision');
    }
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('decides the lots the officer names only, refuses a lot decided already (409, named) and leaves withdrawing per lot', async () => {
    const procedure = await opened();
    const first = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/award-decision`, { lots: ['L2'] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.lots.map((l: { lotId: string; winner: string }) => [l.lotId, l.winner])).toEqual([['L2', 'B1']]);
    expect(await statuses(procedure)).toEqual([
      ['L1', 'open'],
      ['L2', 'award-proposed'],
      ['L3', 'open'],
    ]);
    const again = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/award-decision`, { lots: ['L3', 'L2'] });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/^De gunningsbeslissing is niet genomen\. Perceel L2: /);
    expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(['lots.L2']);
    expect(await statuses(procedure)).toEqual([
      ['L1', 'open'],
      ['L2', 'award-proposed'],
      ['L3', 'open'],
    ]);
    const l2 = procedure.lots[1]?.tenderId;
    const withdrawn = await w.almereInkoper.post(`/api/v1/tenders/${l2}/award-decision/withdraw`, {
      reason: 'Een bezwaar tegen de beslissing is gegrond verklaard.',
    });
    expect(withdrawn.body).toEqual({ status: 'open', withdrawnWinner: 'B1' });
    const rest = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/award-decision`, { lots: ['L3', 'L1'] });
    expect(rest.body.lots.map((l: { lotId: string }) => l.lotId)).toEqual(['L1', 'L3']);
  });

  it('refuses (409) while a lot is not complete, naming it, and decides nothing', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere);
    const [, , third] = imported.lots;
    const bid = { provider: { name: 'Taalschool De Nieuwe', kvk: '05999999', keurmerk: true }, price: 400000 };
    expect((await w.almereInkoper.post(`/api/v1/tenders/${third?.tenderId}/bids`, bid)).status).toBe(201);
    await openLots(w.almereInkoper, imported.lots);
    const response = await w.almereInkoper.post(`/api/v1/procedures/${imported.id}/award-decision`, { lots: ['L2'] });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('eerst moet elk perceel volledig beoordeeld zijn');
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('lots[2].dossier.bids[3].scores.K1');
    expect((await w.almereInkoper.get(`/api/v1/procedures/${imported.id}`)).body.lots[1].status).toBe('open');
  });

  it('without a limitation gives each lot its own winner; a lot not yet open is named in the 409', async () => {
    const imported = await importProcedure(w.almereInkoper, w.orgs.almere, { ...exampleProcedure(), awardLimit: undefined });
    const [first, , third] = imported.lots;
    for (const lot of [first, third]) expect((await w.almereInkoper.post(`/api/v1/tenders/${lot?.tenderId}/open`)).status).toBe(200);
    await acceptLowBid(first?.tenderId ?? '');
    const refused = await w.almereInkoper.post(`/api/v1/procedures/${imported.id}/award-decision`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['lots.L2']);
    const decided = await w.almereInkoper.post(`/api/v1/procedures/${imported.id}/award-decision`, { lots: ['L1', 'L3'] });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.lots.map((l: Record<string, unknown>) => [l.lotId, l.winner, l.winnerWithoutLimit, l.reason])).toEqual([
      ['L1', 'B2', 'B2', null],
      ['L3', 'B1', 'B1', null],
    ]);
  });

  it('names only lots of the procedure, each once (400)', async () => {
    const procedure = await opened();
    const response = await w.almereInkoper.post(`/api/v1/procedures/${procedure.id}/award-decision`, { lots: ['L1', 'L9', 'L1'] });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'lots[1]', message: 'geen perceel van deze procedure (L1, L2, L3)' },
      { path: 'lots[2]', message: 'perceel L1 staat er al' },
    ]);
  });

  it('is 404 to another organisation, 403 to an auditor and to an evaluator on every lot', async () => {
    const procedure = await opened();
    const url = `/api/v1/procedures/${procedure.id}/award-decision`;
    for (const client of [w.utrechtInkoper, w.utrechtAuditor, w.lelystadInkoper]) expect((await client.post(url)).status).toBe(404);
    expect((await w.almereBeoordelaar.post(url)).status).toBe(404);
    for (const lot of procedure.lots) {
      expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    }
    expect((await w.almereBeoordelaar.post(url)).status).toBe(403);
    expect((await w.almereAuditor.post(url)).status).toBe(403);
    expect(await statuses(procedure)).toEqual([
      ['L1', 'open'],
      ['L2', 'open'],
      ['L3', 'open'],
    ]);
  });
});
