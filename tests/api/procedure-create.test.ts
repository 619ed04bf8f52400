/**
 * Making a procedure in the product (issue 21, docs/procedures.md "Making a procedure"):
 * three lots from the templates, a fourth as a copy of a lot's award rules, one lot's
 * settings copied onto others and then changed on one lot alone, the refusals (a lot no
 * longer draft, a bad lot id, another organisation, an auditor), and deleting a procedure
 * with its lots (refused while a lot has a bid). The audit check replays every event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tiedProcedure } from '../helpers/procedures.js';
import { seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;

type Lot = { lotId: string; tenderId: string; title: string; status: string };
type Facts = { reference: string; title: string; buyer: string; lot: string; estimatedValue?: number; expectedLearners?: number; envelopes?: string };
/** GET /tenders/{id}: the dossier's tender facts, flattened here next to the award rules. */
type Tender = Facts & { award: unknown; criteria: unknown; lowBidRules?: unknown };

const createUrl = (organisationId: string) => `/api/v1/procedures?organisationId=${organisationId}`;
const THREE_LOTS = {
  reference: 'ALM-2028-INB',
  title: 'Inburgering Almere 2028-2030',
  lots: [
    { id: 'L1', title: 'Inburgering B1-route Almere', template: 'b1-route', estimatedValue: 520000, expectedLearners: 80 },
    { id: 'L2', title: 'Inburgering onderwijsroute Almere', template: 'onderwijsroute', estimatedValue: 450000 },
    { id: 'L3', title: 'Inburgering Z-route Almere', lot: 'Z-route Almere', template: 'z-route' },
  ],
};

const lotsOf = async (procedureId: string): Promise<Lot[]> => (await w.almereInkoper.get(`/api/v1/procedures/${procedureId}`)).body.lots;
const flat = (view: { tender: Facts; award: unknown; criteria: unknown; lowBidRules?: unknown }): Tender => ({
  ...view.tender,
  award: view.award,
  criteria: view.criteria,
  lowBidRules: view.lowBidRules,
});
const tenderOf = async (tenderId: string): Promise<Tender> => flat((await w.almereInkoper.get(`/api/v1/tenders/${tenderId}`)).body);
const tenderOfLot = async (lotId: string): Promise<Tender & { id: string }> => {
  const lot = (await lotsOf(id)).find((l) => l.lotId === lotId);
  return { ...(await tenderOf(lot?.tenderId ?? '')), id: lot?.tenderId ?? '' };
};
const rules = (tender: Tender) => ({ award: tender.award, criteria: tender.criteria, lowBidRules: tender.lowBidRules });

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  const created = await w.almereInkoper.post(createUrl(w.orgs.almere), THREE_LOTS);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  id = created.body.id;
});
afterAll(() => t.close());

describe('POST /api/v1/procedures', () => {
  it('makes the procedure and a draft tender per lot, each exactly as POST /tenders makes it from its template', async () => {
    const procedure = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body;
    // Without a buyer, the organisation's name, as for POST /tenders.
    const organisation = { name: 'Gemeente Almere' };
    expect(procedure).toMatchObject({
      organisationId: w.orgs.almere,
      procedure: { reference: 'ALM-2028-INB', title: 'Inburgering Almere 2028-2030', buyer: organisation.name },
      awardLimit: null,
      preferences: null,
    });
    expect(procedure.lots.map((l: Lot) => [l.lotId, l.title, l.status])).toEqual([
      ['L1', 'Inburgering B1-route Almere', 'draft'],
      ['L2', 'Inburgering onderwijsroute Almere', 'draft'],
      ['L3', 'Inburgering Z-route Almere', 'draft'],
    ]);
    for (const [i, lot] of THREE_LOTS.lots.entries()) {
      const tender = await tenderOf(procedure.lots[i].tenderId);
      const single = await w.almereInkoper.post('/api/v1/tenders', { organisationId: w.orgs.almere, template: lot.template, reference: 'X', title: 'X' });
      expect(single.status).toBe(201);
      expect(rules(tender)).toEqual(rules(flat(single.body)));
      expect(tender.reference).toBe(`ALM-2028-INB-${lot.id}`);
      expect(tender.buyer).toBe(organisation.name);
      expect(tender.estimatedValue).toBe(lot.estimatedValue);
      expect(tender.lot).toBe(lot.lot ?? single.body.tender.lot);
    }
    expect((await tenderOf(procedure.lots[0].tenderId)).expectedLearners).toBe(80);
  });

  it('records procedure.create and, per lot, tender.create naming the procedure, the lot and its place', async () => {
    const lots = await lotsOf(id);
    const events = t.db.sqlite.prepare("SELECT entity_id AS entityId, change FROM audit_events WHERE action = 'procedure.create'").all() as {
      entityId: string;
      change: string;
    }[];
    expect(events.map((e) => e.entityId)).toEqual([id]);
    expect(JSON.parse(events[0]?.change ?? '{}').after.lots).toEqual(
      lots.map(({ lotId, tenderId }, i) => ({ lotId, tenderId, template: THREE_LOTS.lots[i]?.template })),
    );
    for (const [position, lot] of lots.entries()) {
      const trail = (await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/audit-events`)).body;
      expect(trail.map((e: { action: string }) => e.action)).toEqual(['tender.create']);
      expect(trail[0].change.procedure).toEqual({ id, lotId: lot.lotId, position });
    }
  });

  it('refuses a bad lot id, a lot id used twice and an unknown template with their paths, and writes nothing', async () => {
    const before = (await w.almereInkoper.get('/api/v1/procedures')).body.length;
    const badId = await w.almereInkoper.post(createUrl(w.orgs.almere), { ...THREE_LOTS, lots: [{ ...THREE_LOTS.lots[0], id: 'L 1' }] });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ path: 'lots[0].id', message: 'id moet 1 tot 40 tekens zijn uit A-Z, a-z, 0-9, _ en -' }]);
    const twice = await w.almereInkoper.post(createUrl(w.orgs.almere), { ...THREE_LOTS, lots: [THREE_LOTS.lots[0], { ...THREE_LOTS.lots[1], id: 'L1' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'lots[1].id', message: 'perceel L1 staat er al eerder in' }]);
    const unknown = await w.almereInkoper.post(createUrl(w.orgs.almere), {
      ...THREE_LOTS,
      lots: [THREE_LOTS.lots[0], { ...THREE_LOTS.lots[1], template: 'geen' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'lots[1].template', message: 'onbekend sjabloon "geen"' }]);
    expect((await w.almereInkoper.get('/api/v1/procedures')).body.length).toBe(before);
  });

  it('is for an inkoper of the organisation only', async () => {
    expect((await w.almereAuditor.post(createUrl(w.orgs.almere), THREE_LOTS)).status).toBe(403);
    expect((await w.almereBeoordelaar.post(createUrl(w.orgs.almere), THREE_LOTS)).status).toBe(403);
    expect((await w.utrechtInkoper.post(createUrl(w.orgs.almere), THREE_LOTS)).status).toBe(404);
  });
});

describe('POST /api/v1/procedures/{id}/lots', () => {
  it('adds a copy of a lot last: its criteria, weights, scales, minimums, formula and low-bid rules exactly, not its estimate', async () => {
    const response = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, {
      id: 'L4',
      title: 'Inburgering onderwijsroute Almere-Poort',
      copyOf: 'L2',
      estimatedValue: 90000,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.lots.map((l: Lot) => l.lotId)).toEqual(['L1', 'L2', 'L3', 'L4']);
    const source = await tenderOfLot('L2');
    const copy = await tenderOfLot('L4');
    expect(copy.criteria).toEqual(source.criteria);
    expect(copy.award).toEqual(source.award);
    expect(copy.lowBidRules).toEqual(source.lowBidRules);
    expect(copy.lot).toBe(source.lot);
    expect(copy.estimatedValue).toBe(90000);
    expect(source.estimatedValue).toBe(450000);
    expect(copy.reference).toBe('ALM-2028-INB-L4');
  });

  it('adds a lot from a template, and refuses both or neither source, an id in use and an unknown lot to copy', async () => {
    const fromTemplate = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, { id: 'L5', title: 'Module Arbeidsmarkt', template: 'module-map' });
    expect(fromTemplate.status, JSON.stringify(fromTemplate.body)).toBe(201);
    expect(fromTemplate.body.lots.map((l: Lot) => l.lotId)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    const both = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, { id: 'L6', title: 'X', template: 'z-route', copyOf: 'L1' });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([{ path: 'template', message: 'geef precies één van template en copyOf' }]);
    const taken = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, { id: 'L2', title: 'X', template: 'z-route' });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual([{ path: 'id', message: 'perceel L2 bestaat al' }]);
    const missing = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, { id: 'L6', title: 'X', copyOf: 'L9' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'copyOf', message: 'perceel L9 bestaat niet in deze procedure' }]);
    expect((await lotsOf(id)).length).toBe(5);
  });

  it('adds the lot at the end of a published lot order', async () => {
    const other = await w.almereInkoper.post(createUrl(w.orgs.almere), { ...THREE_LOTS, reference: 'ALM-2028-ORDE' });
    const otherId = other.body.id;
    const limit = { awardLimit: { maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1', 'L3'] } };
    expect((await w.almereInkoper.put(`/api/v1/procedures/${otherId}/award-limit`, limit)).status).toBe(200);
    const added = await w.almereInkoper.post(`/api/v1/procedures/${otherId}/lots`, { id: 'L4', title: 'Extra', copyOf: 'L3' });
    expect(added.status).toBe(201);
    expect(added.body.awardLimit).toEqual({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L2', 'L1', 'L3', 'L4'] });
  });

  it('voids the draws of lots an imported file brought, as a new limitation does, and the audit check replays it', async () => {
    const record = 'Geloot op 2 maart 2027 door de inkoper in bijzijn van de jurist, met twee gesloten enveloppen.';
    const file = { ...tiedProcedure(), draws: [{ lotId: 'L2', winner: 'B1', record }] };
    const imported = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, file);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.draws).toEqual(file.draws);
    const added = await w.almereInkoper.post(`/api/v1/procedures/${imported.body.id}/lots`, { id: 'L4', title: 'Extra', copyOf: 'L1' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.draws).toEqual([]);
    expect(added.body.awardLimit.lotOrder).toEqual(['L1', 'L2', 'L3', 'L4']);
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('is for an inkoper of the organisation only', async () => {
    const body = { id: 'L7', title: 'X', template: 'z-route' };
    expect((await w.almereAuditor.post(`/api/v1/procedures/${id}/lots`, body)).status).toBe(403);
    expect((await w.utrechtInkoper.post(`/api/v1/procedures/${id}/lots`, body)).status).toBe(404);
    expect((await w.almereBeoordelaar.post(`/api/v1/procedures/${id}/lots`, body)).status).toBe(404);
  });
});

describe('POST /api/v1/procedures/{id}/lots/{lotId}/settings-copy', () => {
  it("copies one lot's award rules onto others, each with its own tender.update; afterwards one lot changes alone", async () => {
    const response = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots/L1/settings-copy`, { to: ['L3', 'L4'] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const l1 = await tenderOfLot('L1');
    const l3 = await tenderOfLot('L3');
    const l4 = await tenderOfLot('L4');
    expect(rules(l3)).toEqual(rules(l1));
    expect(rules(l4)).toEqual(rules(l1));
    // The lot's own facts stay its own.
    expect(l3.lot).toBe('Z-route Almere');
    expect(l4.estimatedValue).toBe(90000);
    for (const lot of [l3, l4]) {
      const trail = (await w.almereInkoper.get(`/api/v1/tenders/${lot.id}/audit-events`)).body;
      expect(trail.map((e: { action: string }) => e.action)).toEqual(['tender.create', 'tender.update']);
    }

    const award = { ...(l3.award as Record<string, unknown>), priceWeight: 5 };
    const patched = await w.almereInkoper.patch(`/api/v1/tenders/${l3.id}`, { award });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect((await tenderOfLot('L3')).award).toEqual(award);
    expect((await tenderOfLot('L1')).award).toEqual(l1.award);
    expect((await tenderOfLot('L4')).award).toEqual(l1.award);
    expect(l1.award).not.toEqual(award);
  });

  it('refuses an unknown source lot (404), an unknown or repeated target (400 with its path), and other callers', async () => {
    expect((await w.almereInkoper.post(`/api/v1/procedures/${id}/lots/L9/settings-copy`, { to: ['L3'] })).status).toBe(404);
    const bad = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots/L1/settings-copy`, { to: ['L3', 'L9', 'L3', 'L1'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'to[2]', message: 'perceel L3 staat er al eerder in' },
      { path: 'to[1]', message: 'perceel L9 bestaat niet in deze procedure' },
      { path: 'to[3]', message: 'perceel L1 is het bronperceel' },
    ]);
    expect((await w.almereAuditor.post(`/api/v1/procedures/${id}/lots/L1/settings-copy`, { to: ['L3'] })).status).toBe(403);
    expect((await w.utrechtInkoper.post(`/api/v1/procedures/${id}/lots/L1/settings-copy`, { to: ['L3'] })).status).toBe(404);
  });
});

describe('once a lot is opened', () => {
  it('refuses a new lot and a settings copy onto it with 409 naming the lot, and changes nothing', async () => {
    const l2 = await tenderOfLot('L2');
    const opened = await w.almereInkoper.post(`/api/v1/tenders/${l2.id}/open`, {});
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const add = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots`, { id: 'L8', title: 'X', template: 'z-route' });
    expect(add.status).toBe(409);
    expect(add.body.detail).toContain('perceel L2 is al geopend');
    const copy = await w.almereInkoper.post(`/api/v1/procedures/${id}/lots/L1/settings-copy`, { to: ['L5', 'L2'] });
    expect(copy.status).toBe(409);
    expect(copy.body.detail).toContain('perceel L2 is al geopend');
    // L5 comes first in `to` and is draft: the transaction left it as it was too.
    const trail = (await w.almereInkoper.get(`/api/v1/tenders/${(await tenderOfLot('L5')).id}/audit-events`)).body;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['tender.create']);
    expect((await lotsOf(id)).length).toBe(5);
    const remove = await w.almereInkoper.request('DELETE', `/api/v1/procedures/${id}`);
    expect(remove.status).toBe(409);
    expect(remove.body.detail).toMatch(/^Perceel L2: /);
  });
});

describe('DELETE /api/v1/procedures/{id}', () => {
  it('deletes the procedure and every lot; a second GET is 404 and the audit check still holds', async () => {
    const created = await w.almereInkoper.post(createUrl(w.orgs.almere), { ...THREE_LOTS, reference: 'ALM-2028-WEG' });
    const doomed: Lot[] = created.body.lots;
    expect((await w.almereAuditor.request('DELETE', `/api/v1/procedures/${created.body.id}`)).status).toBe(403);
    expect((await w.utrechtInkoper.request('DELETE', `/api/v1/procedures/${created.body.id}`)).status).toBe(404);
    expect((await w.almereBeoordelaar.request('DELETE', `/api/v1/procedures/${created.body.id}`)).status).toBe(404);
    const response = await w.almereInkoper.request('DELETE', `/api/v1/procedures/${created.body.id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(204);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${created.body.id}`)).status).toBe(404);
    for (const lot of doomed) expect((await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}`)).status).toBe(404);
    const event = t.db.sqlite.prepare("SELECT change FROM audit_events WHERE action = 'procedure.delete'").get() as { change: string };
    expect(JSON.parse(event.change).before.lots).toEqual(doomed.map(({ lotId, tenderId }) => ({ lotId, tenderId })));
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });

  it('refuses while a lot has a bid (409 naming the lot), and deletes nothing', async () => {
    const created = await w.almereInkoper.post(createUrl(w.orgs.almere), { ...THREE_LOTS, reference: 'ALM-2028-BOD' });
    const l3: Lot = created.body.lots[2];
    const bid = await w.almereInkoper.post(`/api/v1/tenders/${l3.tenderId}/bids`, {
      provider: { name: 'Taalschool Zuid', kvk: '30345678', keurmerk: true },
      price: 410000,
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);
    const response = await w.almereInkoper.request('DELETE', `/api/v1/procedures/${created.body.id}`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe(
      'Perceel L3: er is 1 inschrijving geregistreerd; een procedure met inschrijvingen blijft bewaard. Verwijder eerst de inschrijvingen.',
    );
    expect((await lotsOf(created.body.id)).map((l) => l.lotId)).toEqual(['L1', 'L2', 'L3']);
  });
});

describe('the audit trail', () => {
  it('replays every event of making, copying and deleting into the state tables', async () => {
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });
});
