/**
 * Before the opening an inkoper edits and deletes a bid (`PATCH`, `DELETE
 * /api/v1/tenders/:id/bids/:bidId`) and deletes a draft tender (`DELETE /api/v1/tenders/:id`);
 * every change is in the audit trail, and none of it is possible once the tender is opened.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { createPanelTender } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  id = await importAlmereTender(w, exampleDossier());
});
afterEach(() => t.close());

const events = async (action: string) =>
  ((await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[]).filter((e) => e.action === action);
const bidOf = async (bidId: string) => ((await w.almereInkoper.get(`/api/v1/tenders/${id}/bids`)).body as any[]).find((b) => b.id === bidId);

describe('PATCH /api/v1/tenders/:id/bids/:bidId before the opening', () => {
  it('changes the inschrijver and the price, with the bid before and after in the audit trail', async () => {
    const provider = { name: 'Taalhuis Flevoland B.V.', kvk: '30123456', keurmerk: false };
    const response = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { provider, price: 556000 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ id: 'B1', provider, price: 556000, scores: { K1: 8, K2: 6, K3: 8, K4: 6 } });
    expect(await bidOf('B1')).toMatchObject({ provider, price: 556000 });
    const [event] = await events('bid.update');
    expect(event?.change.before).toMatchObject({ id: 'B1', provider: { name: 'Taalhuis Flevoland', keurmerk: true }, price: 565000 });
    expect(event?.change.after).toMatchObject({ id: 'B1', provider, price: 556000 });
    // The evaluation follows at once.
    const evaluation = (await w.almereInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}/dossier`)).body.bids[0].price).toBe(556000);
    expect(evaluation.bids.map((b: { bidId: string }) => b.bidId)).toContain('B1');
  });

  it('makes the price the sum of new price lines, and refuses a price the lines do not add up to (400 at price)', async () => {
    const lines = [
      { description: 'Trajecten B1', quantity: 100, unitPrice: 4900 },
      { description: 'Examens', quantity: 100.5, unitPrice: 400.01 },
    ];
    const response = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B4`, { priceLines: lines });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.price).toBe(530201.01);
    const refused = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B4`, { price: 540000 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'price', message: 'de prijsregels tellen op tot €\u00a0530.201,01, niet tot de prijs €\u00a0540.000,00' }]);
    // null removes the lines; the price stays.
    const removed = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B4`, { priceLines: null });
    expect(removed.status).toBe(200);
    expect(removed.body).not.toHaveProperty('priceLines');
    expect(removed.body.price).toBe(530201.01);
  });

  it('refuses bad input with the field named, and writes nothing for a change that changes nothing', async () => {
    const bad = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 'veel', provider: { name: 'X', kvk: '123', keurmerk: true } });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['price', 'provider.kvk']);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, {})).status).toBe(400);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { extra: 1 })).body.errors).toEqual([{ path: 'extra', message: 'onbekend veld' }]);
    const same = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 565000 });
    expect(same.status).toBe(200);
    expect(await events('bid.update')).toEqual([]);
    expect((await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B9`, { price: 1000 })).status).toBe(404);
  });
});

describe('DELETE /api/v1/tenders/:id/bids/:bidId before the opening', () => {
  it('removes the bid with its price lines and imported scores; the audit trail keeps it as it was', async () => {
    const response = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}/bids/B4`);
    expect(response.status).toBe(204);
    expect(await bidOf('B4')).toBeUndefined();
    const lines = t.db.sqlite.prepare("SELECT count(*) AS n FROM bid_price_lines WHERE tender_id = ? AND bid_id = 'B4'").get(id) as { n: number };
    const scores = t.db.sqlite.prepare("SELECT count(*) AS n FROM consensus_scores WHERE tender_id = ? AND bid_id = 'B4'").get(id) as { n: number };
    expect([lines.n, scores.n]).toEqual([0, 0]);
    const [event] = await events('bid.delete');
    expect(event?.change).toMatchObject({ before: { id: 'B4', price: 540201.01, scores: { K1: 6 } }, after: null });
    expect((await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}/bids/B4`)).status).toBe(404);
    // The state check replays the update and the delete: the tables agree with the trail.
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });
});

describe('after the opening', () => {
  it('answers 409 to editing or deleting a bid, with the reason in Dutch', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const patched = await w.almereInkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 556000 });
    expect(patched.status).toBe(409);
    expect(patched.body).toMatchObject({
      type: '/problems/tender-locked',
      detail: 'Inschrijvingen registreren kan alleen zolang de aanbesteding in voorbereiding is; bij het openen sluit de inschrijving.',
    });
    expect((await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}/bids/B1`)).status).toBe(409);
    const deleted = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}`);
    expect(deleted.status).toBe(409);
    expect(deleted.body.detail).toBe(
      'Alleen een aanbesteding in voorbereiding kan worden verwijderd; een geopende aanbesteding blijft bewaard met haar inschrijvingen en beoordeling.',
    );
    expect((await bidOf('B1')).price).toBe(565000);
  });
});

describe('who may', () => {
  it('gives another organisation 404, an auditor and a beoordelaar on the panel 403, a beoordelaar off the panel 404', async () => {
    const panelMember = w.almereBeoordelaar;
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: panelMember.userId })).status).toBe(201);
    const offPanel = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
    const calls = [
      (c: typeof w.almereInkoper) => c.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 556000 }),
      (c: typeof w.almereInkoper) => c.request('DELETE', `/api/v1/tenders/${id}/bids/B1`),
      (c: typeof w.almereInkoper) => c.request('DELETE', `/api/v1/tenders/${id}`),
    ];
    for (const call of calls) {
      expect((await call(w.utrechtInkoper)).status).toBe(404);
      expect((await call(offPanel)).status).toBe(404);
      expect((await call(w.almereAuditor)).status).toBe(403);
      expect((await call(panelMember)).status).toBe(403);
    }
    expect((await bidOf('B1')).price).toBe(565000);
  });
});

describe('DELETE /api/v1/tenders/:id', () => {
  it('removes a draft tender and every row of it; the audit trail keeps its events and the state check expects no rows', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const before = (t.db.sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE tender_id = ?').get(id) as { n: number }).n;
    const response = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}`);
    expect(response.status).toBe(204);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).status).toBe(404);
    expect(((await w.almereInkoper.get('/api/v1/tenders')).body as { id: string }[]).map((x) => x.id)).not.toContain(id);
    for (const table of ['criteria', 'bids', 'bid_price_lines', 'consensus_scores', 'panel_members']) {
      expect((t.db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE tender_id = ?`).get(id) as { n: number }).n, table).toBe(0);
    }
    const kept = t.db.sqlite.prepare('SELECT action, change FROM audit_events WHERE tender_id = ? ORDER BY seq').all(id) as {
      action: string;
      change: string;
    }[];
    expect(kept).toHaveLength(before + 1);
    expect(kept.at(-1)?.action).toBe('tender.delete');
    expect(JSON.parse(kept.at(-1)?.change ?? '{}')).toMatchObject({
      before: { status: 'draft', reference: 'ALM-2026-INB-01', bids: ['B1', 'B2', 'B3', 'B4'], panel: [w.almereBeoordelaar.userId] },
      after: null,
    });
    expect(verifyAuditTrail(t.ctx)).toMatchObject({ valid: true, stateMismatch: null });
    // A row of the deleted tender put back behind the application's back is found.
    t.db.sqlite.pragma('foreign_keys = OFF');
    t.db.sqlite.prepare("INSERT INTO criteria (tender_id, id, position, title, weight, scale) VALUES (?, 'K1', 0, 'Terug', 1, '[0,1]')").run(id);
    t.db.sqlite.pragma('foreign_keys = ON');
    expect(verifyAuditTrail(t.ctx).stateMismatch).toMatchObject({ table: 'criteria', key: { tender_id: id, id: 'K1' }, problem: 'no-event' });
  });

  it('refuses (409) while a report about the draft exists: an issued report is a record', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation' })).status).toBe(201);
    const response = await w.almereInkoper.request('DELETE', `/api/v1/tenders/${id}`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe(
      'Over deze aanbesteding is een rapport uitgebracht; een uitgebracht rapport is een vastlegging en blijft bewaard, en daarmee ook de aanbesteding.',
    );
    expect((await w.almereInkoper.get(`/api/v1/tenders/${id}`)).status).toBe(200);
  });

  it('refuses an opened tender even with the panel gone', async () => {
    const opened = await createPanelTender(w.almereInkoper, w.orgs.almere);
    expect((await w.almereInkoper.request('DELETE', `/api/v1/tenders/${opened}`)).status).toBe(409);
  });
});
