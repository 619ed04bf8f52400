/**
 * One panel for a whole procedure (issue 21, docs/procedures.md "In the server"): the inkoper
 * seats a beoordelaar on the panel of every lot at once, the beoordelaar declares once about
 * every school of the procedure and can then score on each lot; a lot that refuses writes
 * nothing on any lot; another organisation gets 404 and an auditor 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motivationFor } from '../helpers/panel.js';
import { type ImportedLot, procedureWorld } from '../helpers/procedure-world.js';
import { createMember, type World } from '../helpers/seed.js';
import type { TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
let id: string;
let lots: ImportedLot[];
type Member = Awaited<ReturnType<typeof createMember>>;
let bea: Member;
let bert: Member;
let carla: Member;

const auditRows = (action: string) =>
  t.db.sqlite
    .prepare('SELECT entity_type AS entityType, entity_id AS entityId, tender_id AS tenderId, change FROM audit_events WHERE action = ?')
    .all(action) as {
    entityType: string;
    entityId: string;
    tenderId: string | null;
    change: string;
  }[];

beforeAll(async () => {
  ({ t, w, id, lots } = await procedureWorld());
  bea = w.almereBeoordelaar;
  bert = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  carla = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
});
afterAll(() => t.close());

describe('POST /api/v1/procedures/{id}/evaluators', () => {
  it('seats the beoordelaar on the panel of all three lots at once, with one procedure event and each lot its own', async () => {
    const added = await w.almereInkoper.post(`/api/v1/procedures/${id}/evaluators`, { userId: bea.userId });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.userId).toBe(bea.userId);
    expect(
      added.body.lots.map((l: { lotId: string; assigned: boolean; onPanel: boolean; declaration: unknown }) => [l.lotId, l.assigned, l.onPanel, l.declaration]),
    ).toEqual([
      ['L1', true, true, null],
      ['L2', true, true, null],
      ['L3', true, true, null],
    ]);
    for (const lot of lots) {
      const panel = await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/panel`);
      expect(panel.body.members.map((m: { userId: string }) => m.userId)).toEqual([bea.userId]);
    }
    const procedureEvents = auditRows('procedure.panel.add');
    expect(procedureEvents).toHaveLength(1);
    expect(procedureEvents[0]).toMatchObject({ entityType: 'procedure', entityId: id, tenderId: null });
    expect(JSON.parse(procedureEvents[0]?.change ?? '{}').after.lots.map((l: { lotId: string }) => l.lotId)).toEqual(['L1', 'L2', 'L3']);
    expect(auditRows('panel.assign').map((e) => e.tenderId)).toEqual(lots.map((l) => l.tenderId));
  });

  it('refuses the whole call when one lot refuses (409 naming the lot), and writes nothing on any lot', async () => {
    // Bert is already on L2's panel through the tender's own route.
    const l2 = lots[1]?.tenderId;
    expect((await w.almereInkoper.post(`/api/v1/tenders/${l2}/evaluators`, { userId: bert.userId })).status).toBe(201);
    const before = auditRows('panel.assign').length;
    const refused = await w.almereInkoper.post(`/api/v1/procedures/${id}/evaluators`, { userId: bert.userId });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^Perceel L2: .*al in het beoordelingspanel/);
    for (const [i, lot] of lots.entries()) {
      const panel = await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}/panel`);
      expect(panel.body.members.map((m: { userId: string }) => m.userId)).toEqual(i === 1 ? [bea.userId, bert.userId] : [bea.userId]);
    }
    expect(auditRows('panel.assign')).toHaveLength(before);
    expect(auditRows('procedure.panel.add')).toHaveLength(1);
  });

  it('refuses someone who is no beoordelaar (400 naming the lot), and an auditor or evaluator may not add (403)', async () => {
    const inkoper = await w.almereInkoper.post(`/api/v1/procedures/${id}/evaluators`, { userId: w.almereAuditor.userId });
    expect(inkoper.status).toBe(400);
    expect(inkoper.body.detail).toMatch(/^Perceel L1: /);
    expect((await w.almereAuditor.post(`/api/v1/procedures/${id}/evaluators`, { userId: carla.userId })).status).toBe(403);
  });

  it('is 404 to an inkoper of another organisation, on every procedure panel route', async () => {
    expect((await w.utrechtInkoper.post(`/api/v1/procedures/${id}/evaluators`, { userId: carla.userId })).status).toBe(404);
    expect((await w.utrechtInkoper.get(`/api/v1/procedures/${id}/evaluators`)).status).toBe(404);
    expect((await w.utrechtAuditor.post(`/api/v1/procedures/${id}/declaration`, { noConflict: true })).status).toBe(404);
    expect(auditRows('panel.assign').filter((e) => JSON.parse(e.change).after.userId === carla.userId)).toEqual([]);
  });
});

describe('POST /api/v1/procedures/{id}/declaration', () => {
  it('is 404 to a beoordelaar on only one lot (it may not see the procedure) and 403 to the inkoper', async () => {
    expect((await bert.post(`/api/v1/procedures/${id}/declaration`, { noConflict: true })).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/procedures/${id}/declaration`, { noConflict: true })).status).toBe(403);
  });

  it('GET shows the evaluator, before it declares, every school of every lot once by KvK; 404 to a member of one lot only', async () => {
    const subject = await bea.get(`/api/v1/procedures/${id}/declaration`);
    expect(subject.status).toBe(200);
    expect(subject.body.schools.map((s: { kvk: string }) => s.kvk)).toEqual(['05123456', '05234567', '05345678', '05456789']);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${id}/declaration`)).body).toEqual(subject.body);
    expect((await bert.get(`/api/v1/procedures/${id}/declaration`)).status).toBe(404);
  });

  it('records one declaration about every school on every lot; then the evaluator scores on L1, L2 and L3', async () => {
    for (const lot of lots) {
      await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/open`);
      const early = await bea.put(`/api/v1/tenders/${lot.tenderId}/bids/B1/scores/K1`, { score: 8, motivation: motivationFor('B1', 'K1', 8) });
      expect(early.status).toBe(403);
    }
    const declared = await bea.post(`/api/v1/procedures/${id}/declaration`, { noConflict: true, remarks: 'Geen banden met de scholen.' });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body.lots.map((l: { lotId: string; onPanel: boolean; declaration: string }) => [l.lotId, l.onPanel, l.declaration])).toEqual([
      ['L1', true, 'no-conflict'],
      ['L2', true, 'no-conflict'],
      ['L3', true, 'no-conflict'],
    ]);
    const events = auditRows('panel.declare-no-conflict');
    expect(events.map((e) => e.tenderId)).toEqual(lots.map((l) => l.tenderId));
    const allSchools = ['05123456', '05234567', '05345678', '05456789'];
    for (const event of events) {
      const after = JSON.parse(event.change).after;
      expect(after.declaredAbout.map((s: { kvk: string }) => s.kvk)).toEqual(allSchools);
      expect(after.remarks).toBe('Geen banden met de scholen.');
    }
    for (const lot of lots) {
      const put = await bea.put(`/api/v1/tenders/${lot.tenderId}/bids/B1/scores/K1`, { score: 8, motivation: motivationFor('B1', 'K1', 8) });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    const again = await bea.post(`/api/v1/procedures/${id}/declaration`, { noConflict: true });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/^Perceel L1: u heeft uw verklaring al/);
  });

  it('a conflict with one school takes the evaluator off the panel only of the lots where that school bid', async () => {
    const added = await w.almereInkoper.post(`/api/v1/procedures/${id}/evaluators`, { userId: carla.userId });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const unknown = await carla.post(`/api/v1/procedures/${id}/declaration`, { noConflict: false, conflictWith: ['09999999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('conflictWith[0]');
    // 05345678 bid on L1 (B3) and L3 (B3), not on L2.
    const declared = await carla.post(`/api/v1/procedures/${id}/declaration`, { noConflict: false, conflictWith: ['05345678'] });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    expect(declared.body.lots.map((l: { lotId: string; onPanel: boolean; declaration: string }) => [l.lotId, l.onPanel, l.declaration])).toEqual([
      ['L1', false, 'conflict'],
      ['L2', true, 'no-conflict'],
      ['L3', false, 'conflict'],
    ]);
    const [l1, l2] = lots;
    expect((await carla.put(`/api/v1/tenders/${l2?.tenderId}/bids/B1/scores/K1`, { score: 6, motivation: motivationFor('B1', 'K1', 6) })).status).toBe(200);
    expect((await carla.put(`/api/v1/tenders/${l1?.tenderId}/bids/B1/scores/K1`, { score: 6, motivation: motivationFor('B1', 'K1', 6) })).status).toBe(403);
  });

  it('GET lists every member (in the order of the lots, then of assignment) with its seat, declaration and seal per lot (inkoper, auditor); an evaluator may not', async () => {
    const panel = await w.almereAuditor.get(`/api/v1/procedures/${id}/evaluators`);
    expect(panel.status).toBe(200);
    const rows = panel.body.map((m: { userId: string; lots: { lotId: string; assigned: boolean; declaration: string | null; sealedAt: string | null }[] }) => [
      m.userId,
      m.lots.map((l) => `${l.lotId}:${l.assigned ? (l.declaration ?? 'undeclared') : '-'}:${l.sealedAt === null ? 'open' : 'sealed'}`),
    ]);
    expect(rows).toEqual([
      [bea.userId, ['L1:no-conflict:open', 'L2:no-conflict:open', 'L3:no-conflict:open']],
      // In the order of the lots, then of assignment: Carla sat on L1, Bert only on L2.
      [carla.userId, ['L1:conflict:open', 'L2:no-conflict:open', 'L3:conflict:open']],
      [bert.userId, ['L1:-:open', 'L2:undeclared:open', 'L3:-:open']],
    ]);
    expect((await bea.get(`/api/v1/procedures/${id}/evaluators`)).status).toBe(403);
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null, state: { unknownActions: [] } });
  });
});
