/**
 * The award decision and the award: what blocks the decision, the standstill date in
 * Europe/Amsterdam, and the lock after the award. The clock is injected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { pdfDocument, uploadDocument } from '../helpers/documents.js';
import { createPanelTender, motivationFor, runPanel, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
});
afterEach(() => t.close());

const SCORES = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };

/** A regio tender scored by one evaluator with consensus in place: ready for the award decision. */
async function readyPanelTender(): Promise<string> {
  const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
  await runPanel(w.regioInkoper, id, [{ evaluator: w.almereBeoordelaar, scores: SCORES }]);
  await setConsensus(w.regioInkoper, id, SCORES);
  return id;
}

describe('POST /api/v1/tenders/:id/award-decision', () => {
  it('sets award-proposed with the standstill end in Amsterdam and stores the ranking it rests on', async () => {
    const id = await readyPanelTender();
    t.clock.set('2026-10-24T21:30:00Z'); // 23:30 CEST; summer time ends the next night
    const decided = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ status: 'award-proposed', winner: 'B1', standstillEndsOn: '2026-11-13', awardAllowedOn: '2026-11-14' });
    const tender = await w.almereAuditor.get(`/api/v1/tenders/${id}`);
    expect(tender.body).toMatchObject({
      status: 'award-proposed',
      awardDecision: { decidedAt: '2026-10-24T21:30:00.000Z', winner: 'B1', standstillEndsOn: '2026-11-13', awardAllowedOn: '2026-11-14' },
      awardedAt: null,
    });
    const stored = JSON.parse((t.db.sqlite.prepare('SELECT award_decision AS d FROM tenders WHERE id = ?').get(id) as { d: string }).d);
    expect(stored).toMatchObject({ winner: 'B1', decisionDate: '2026-10-24', decidedBy: w.regioInkoper.userId, drawOfLots: null });
    expect(stored.evaluation.bids.map((b: { bidId: string; rank: number }) => [b.bidId, b.rank])).toEqual([
      ['B1', 1],
      ['B2', 2],
    ]);
    // One evaluator: severity, but no pair of ratings to agree on.
    expect(stored.evaluation.panel).toMatchObject({ evaluators: [{ userId: w.almereBeoordelaar.userId, severity: 0 }], agreement: { alpha: null, units: 0 } });
    const events = (await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)).toMatchObject({
      action: 'tender.award-decision',
      change: { before: { status: 'open' }, after: { status: 'award-proposed', winner: 'B1', standstillEndsOn: '2026-11-13' } },
    });
    expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(409);
  });

  it('is refused while consensus scores are missing, naming them', async () => {
    const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
    await setConsensus(w.regioInkoper, id, { B1: { K1: 8, K2: 6 }, B2: { K1: 6 } });
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('De consensusscores zijn niet compleet; er ontbreekt nog: NT2 Centrum Almere (B2) op K2.');
  });

  it('is refused while a panel member has not sealed', async () => {
    const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
    await setConsensus(w.regioInkoper, id, SCORES);
    await w.regioInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId });
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('nog niet verzegeld');
  });

  it('asks for a draw of lots when rank 1 is shared, and records it', async () => {
    const base = exampleDossier();
    // B2 (NT2 Centrum Almere) wins the example; B3 is its twin: same price, same scores.
    const twin = { ...base.bids[1]!, provider: { ...base.bids[1]!.provider, name: 'Tweeling Taal', kvk: '30999999' } };
    const dossier = { ...base, bids: [base.bids[0]!, base.bids[1]!, twin].map((b, i) => ({ ...b, id: `B${i + 1}` })) };
    const id = (await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier })).body.id;
    await w.almereInkoper.post(`/api/v1/tenders/${id}/open`);
    const tied = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(tied.status).toBe(409);
    expect(tied.body.detail).toContain('De eerste plaats wordt gedeeld door B2 en B3');
    expect(tied.body.detail).toContain('loting');
    const wrong = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`, {
      drawOfLots: { winner: 'B1', record: 'Geloot door de notaris op 3 maart 2026.' },
    });
    expect(wrong.body.errors).toEqual([{ path: 'drawOfLots.winner', message: 'loten kan alleen tussen B2 en B3' }]);
    const record = 'Loting op 2 maart 2026 door notaris De Vries in bijzijn van beide inschrijvers.';
    const drawn = await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`, { drawOfLots: { winner: 'B3', record } });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    expect(drawn.body.winner).toBe('B3');
    const events = (await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)!.change.after.drawOfLots).toEqual({ winner: 'B3', record, tiedBids: ['B2', 'B3'] });
  });

  it('refuses a draw of lots when there is a single winner, and is for the inkoper only', async () => {
    const id = await readyPanelTender();
    expect((await w.almereAuditor.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(403);
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`, {
      drawOfLots: { winner: 'B2', record: 'Er is geloot, maar dat was niet nodig.' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('drawOfLots');
  });

  it('is refused before the tender is opened', async () => {
    const id = await createPanelTender(w.regioInkoper, w.orgs.regio, { open: false });
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(response.status).toBe(409);
    expect(response.body.type).toBe('/problems/tender-locked');
  });
});

describe('POST /api/v1/tenders/:id/award and the lock', () => {
  /** Every write route under /tenders/:id with who calls it and a body that would otherwise be valid. */
  function writeCalls(id: string, inkoper: TestClient, evaluator: TestClient, newcomer: string): Record<string, () => Promise<{ status: number; body: any }>> {
    const bidBody = { provider: { name: 'Laatkomer', kvk: '30777777', keurmerk: true }, price: 500000 };
    return {
      'PATCH /api/v1/tenders/:id': () => inkoper.patch(`/api/v1/tenders/${id}`, { title: 'Andere titel' }),
      'POST /api/v1/tenders/:id/open': () => inkoper.post(`/api/v1/tenders/${id}/open`),
      'POST /api/v1/tenders/:id/bids': () => inkoper.post(`/api/v1/tenders/${id}/bids`, bidBody),
      'PUT /api/v1/tenders/:id/bids/:bidId/consensus/:criterionId': () =>
        inkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, { score: 8, motivation: 'Na het besluit toch nog anders gewogen.' }),
      'POST /api/v1/tenders/:id/consensus/adopt-agreed': () => inkoper.post(`/api/v1/tenders/${id}/consensus/adopt-agreed`, {}),
      'POST /api/v1/tenders/:id/bids/:bidId/low-bid-review': () =>
        inkoper.post(`/api/v1/tenders/${id}/bids/B2/low-bid-review`, { action: 'decide', decision: 'accepted', motivation: 'Achteraf toch bekeken.' }),
      'POST /api/v1/tenders/:id/evaluators': () => inkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: newcomer }),
      'POST /api/v1/tenders/:id/conflict-declaration': () => evaluator.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true }),
      'PUT /api/v1/tenders/:id/bids/:bidId/scores/:criterionId': () =>
        evaluator.put(`/api/v1/tenders/${id}/bids/B1/scores/K1`, { score: 10, motivation: motivationFor('B1', 'K1', 10) }),
      'POST /api/v1/tenders/:id/scores/seal': () => evaluator.post(`/api/v1/tenders/${id}/scores/seal`),
      'POST /api/v1/tenders/:id/award-decision': () => inkoper.post(`/api/v1/tenders/${id}/award-decision`),
      'POST /api/v1/tenders/:id/award-decision/withdraw': () =>
        inkoper.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: 'Het bezwaar van B2 is gegrond verklaard.' }),
      'POST /api/v1/tenders/:id/award': () => inkoper.post(`/api/v1/tenders/${id}/award`),
      'POST /api/v1/tenders/:id/quality-lock': () => inkoper.post(`/api/v1/tenders/${id}/quality-lock`),
      'POST /api/v1/tenders/:id/price-opening': () => inkoper.post(`/api/v1/tenders/${id}/price-opening`, { prices: [{ bidId: 'B1', price: 500000 }] }),
      'POST /api/v1/tenders/:id/price-opening/confirm': () =>
        inkoper.post(`/api/v1/tenders/${id}/price-opening/confirm`, { prices: [{ bidId: 'B1', price: 500000 }] }),
      'DELETE /api/v1/tenders/:id': () => inkoper.request('DELETE', `/api/v1/tenders/${id}`),
      'PATCH /api/v1/tenders/:id/bids/:bidId': () => inkoper.patch(`/api/v1/tenders/${id}/bids/B1`, { price: 500000 }),
      'DELETE /api/v1/tenders/:id/bids/:bidId': () => inkoper.request('DELETE', `/api/v1/tenders/${id}/bids/B1`),
      'POST /api/v1/tenders/:id/bids/:bidId/correction': () =>
        inkoper.post(`/api/v1/tenders/${id}/bids/B1/correction`, { price: 500000, reason: 'Na de gunning toch nog een verschrijving gevonden.' }),
      'POST /api/v1/tenders/:id/bids/:bidId/withdrawal': () =>
        inkoper.post(`/api/v1/tenders/${id}/bids/B1/withdrawal`, { receivedOn: '2026-11-14', reason: 'De winnaar trekt zich na de gunning alsnog terug.' }),
      'POST /api/v1/tenders/:id/bids/:bidId/documents': () =>
        uploadDocument(t, inkoper, `/api/v1/tenders/${id}/bids/B1/documents?envelope=quality&name=laat.pdf`, pdfDocument('Na de gunning')),
    };
  }

  it('waits for the day after the standstill, then locks the tender: every write answers 409', async () => {
    const id = await readyPanelTender();
    const newcomer = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
    t.clock.set('2026-10-24T21:30:00Z');
    expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`)).body.standstillEndsOn).toBe('2026-11-13');

    t.clock.set('2026-11-13T22:59:00Z'); // 23:59 on 13 November in Amsterdam
    const early = await w.regioInkoper.post(`/api/v1/tenders/${id}/award`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('De opschortende termijn loopt tot en met 13 november 2026; definitief gunnen kan vanaf 14 november 2026.');
    // During the standstill nothing changes either.
    const consensus = await w.regioInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, { score: 6, motivation: 'Tijdens de termijn toch aangepast.' });
    expect(consensus.status).toBe(409);
    expect(consensus.body.detail).toBe('De consensusscores liggen vast sinds de gunningsbeslissing.');

    t.clock.set('2026-11-14T08:00:00Z');
    expect((await w.almereAuditor.post(`/api/v1/tenders/${id}/award`)).status).toBe(403);
    const awarded = await w.regioInkoper.post(`/api/v1/tenders/${id}/award`);
    expect(awarded.status, JSON.stringify(awarded.body)).toBe(200);
    expect(awarded.body).toEqual({ status: 'awarded', winner: 'B1', awardedAt: '2026-11-14T08:00:00.000Z' });
    const events = (await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)).toMatchObject({ action: 'tender.award', change: { after: { status: 'awarded', locked: true } } });

    const calls = writeCalls(id, w.regioInkoper, w.almereBeoordelaar, newcomer.userId);
    // Issuing a report records the tender; it changes nothing, so it stays possible after the award.
    const RECORDS = new Set(['POST /api/v1/tenders/:id/reports']);
    const writeRoutes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'GET' && r.method !== 'ALL' && r.path.startsWith('/api/v1/tenders/:id'))
          .map((r) => `${r.method} ${r.path}`)
          .filter((route) => !RECORDS.has(route)),
      ),
    ];
    expect(
      writeRoutes.filter((route) => calls[route] === undefined),
      'write routes this test does not know yet',
    ).toEqual([]);
    const answers: Record<string, string> = {};
    for (const route of writeRoutes) {
      const response = await calls[route]!();
      answers[route] = `${response.status} ${response.body.detail}`;
    }
    const locked = 'De aanbesteding is definitief gegund en daarmee vergrendeld; er kan niets meer worden gewijzigd.';
    expect(answers).toEqual(Object.fromEntries(writeRoutes.map((route) => [route, `409 ${locked}`])));
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}`)).body).toMatchObject({ status: 'awarded', awardedAt: '2026-11-14T08:00:00.000Z' });
    const report = await w.regioInkoper.post(`/api/v1/tenders/${id}/reports`, { kind: 'evaluation' });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
  });

  it('is refused before an award decision', async () => {
    const id = await readyPanelTender();
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award`);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('Definitief gunnen kan pas na de gunningsbeslissing en de opschortende termijn.');
  });
});

describe('POST /api/v1/tenders/:id/award-decision/withdraw', () => {
  const REASON = 'Het bezwaar van NT2 Centrum Almere over de score op K1 is gegrond verklaard.';

  it('opens the tender again with the reason in the audit trail; a new decision has a new standstill', async () => {
    const id = await readyPanelTender();
    t.clock.set('2026-10-24T21:30:00Z');
    expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`)).body.winner).toBe('B1');

    t.clock.set('2026-11-02T10:00:00Z');
    expect((await w.almereAuditor.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: REASON })).status).toBe(403);
    const short = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: 'fout' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('reason');
    const withdrawn = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: REASON });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body).toEqual({ status: 'open', withdrawnWinner: 'B1' });
    expect((await w.almereAuditor.get(`/api/v1/tenders/${id}`)).body).toMatchObject({ status: 'open', awardDecision: null });
    const events = (await w.almereAuditor.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.at(-1)).toMatchObject({
      action: 'tender.award-decision.withdraw',
      change: { before: { status: 'award-proposed', winner: 'B1', standstillEndsOn: '2026-11-13' }, after: { status: 'open', reason: REASON } },
    });
    expect((await w.almereAuditor.get('/api/v1/audit/verify')).body.valid).toBe(true);
    const timeline = (await w.almereAuditor.get(`/api/v1/tenders/${id}/timeline`)).body as { description: string }[];
    expect(timeline.at(-1)?.description).toBe(
      `Gunningsbeslissing ingetrokken (voorlopig gegund aan Taalhuis Flevoland (B1)); de aanbesteding is weer geopend. Reden: "${REASON}"`,
    );

    // Open again: the consensus is corrected, and the new decision names the new winner.
    for (const [bidId, score] of [
      ['B1', 6],
      ['B2', 8],
    ] as const) {
      const corrected = await w.regioInkoper.put(`/api/v1/tenders/${id}/bids/${bidId}/consensus/K1`, {
        score,
        motivation: `Na het bezwaar opnieuw gewogen: ${score} punten voor ${bidId}.`,
        deviationReason: 'Het gegronde bezwaar wees op een onderdeel dat de beoordelaar over het hoofd zag.',
      });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    }
    const again = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual({ status: 'award-proposed', winner: 'B2', standstillEndsOn: '2026-11-22', awardAllowedOn: '2026-11-23' });
  });

  it('is refused when there is no decision to withdraw', async () => {
    const id = await readyPanelTender();
    const response = await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision/withdraw`, { reason: REASON });
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('Er is geen gunningsbeslissing om in te trekken.');
  });
});
