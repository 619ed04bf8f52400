/**
 * The auditor's workspace: re-computing the evaluation from the exported dossier against the
 * stored one, the tender's timeline from its audit events, and that an auditor changes
 * nothing: every write route of the API answers 403.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClient } from '../helpers/client.js';
import { pdfDocument, uploadDocument } from '../helpers/documents.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { createPanelTender, motivationFor, runPanel, scoreAll, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { importAlmereTender } from '../helpers/tenders.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
});
afterEach(() => t.close());

const SCORES = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };

/** A regio tender scored by Almere's beoordelaar, decided on 24 October 2026 and awarded on 14 November. */
async function awardedPanelTender(): Promise<string> {
  t.clock.set('2026-10-01T08:00:00Z');
  const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
  await runPanel(w.regioInkoper, id, [{ evaluator: w.almereBeoordelaar, scores: SCORES }]);
  await setConsensus(w.regioInkoper, id, SCORES);
  t.clock.set('2026-10-24T21:30:00Z');
  expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(200);
  t.clock.set('2026-11-14T08:00:00Z');
  expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/award`)).status).toBe(200);
  return id;
}

async function rawText(client: TestClient, path: string): Promise<string> {
  const response = await t.app.request(path, { headers: { cookie: client.cookie ?? '' } });
  expect(response.status).toBe(200);
  return response.text();
}

const nameOf = async (client: TestClient): Promise<string> => (await client.get('/api/v1/auth/me')).body.name;

describe('GET /api/v1/tenders/:id/recompute', () => {
  it('matches the evaluation the award decision rests on, for the exported dossier it names', async () => {
    const id = await awardedPanelTender();
    const response = await w.almereAuditor.get(`/api/v1/tenders/${id}/recompute`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const dossier = await rawText(w.almereAuditor, `/api/v1/tenders/${id}/dossier`);
    expect(response.body).toEqual({
      matches: true,
      differences: [],
      stored: 'award-decision',
      storedAt: '2026-10-24T21:30:00.000Z',
      dossierSha256: createHash('sha256').update(dossier).digest('hex'),
    });
  });

  it('finds a stored evaluation that was tampered with in the database, field by field', async () => {
    const id = await awardedPanelTender();
    const stored = JSON.parse((t.db.sqlite.prepare('SELECT award_decision AS d FROM tenders WHERE id = ?').get(id) as { d: string }).d);
    const honestScore = stored.evaluation.bids[1].score as number;
    t.db.sqlite
      .prepare(
        `UPDATE tenders SET award_decision = json_set(award_decision, '$.evaluation.bids[1].score', 99.5, '$.evaluation.bids[0].lowBidFlags', json('[{"rule":"cost-floor"}]')) WHERE id = ?`,
      )
      .run(id);
    const response = await w.almereAuditor.get(`/api/v1/tenders/${id}/recompute`);
    expect(response.status).toBe(200);
    expect(response.body.matches).toBe(false);
    expect(response.body.differences).toEqual([
      { path: 'bids[0].lowBidFlags[0]', stored: { rule: 'cost-floor' } },
      { path: 'bids[1].score', stored: 99.5, recomputed: honestScore },
    ]);
  });

  it('ignores only the server additions: a changed review or panel statistic is not an engine field', async () => {
    const id = await awardedPanelTender();
    t.db.sqlite
      .prepare(
        `UPDATE tenders SET award_decision = json_set(award_decision, '$.evaluation.blockingReviews', json('[1]'), '$.evaluation.bids[0].lowBidReview', json('{"state":"open"}')) WHERE id = ?`,
      )
      .run(id);
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/recompute`)).body.matches).toBe(true);
    t.db.sqlite.prepare(`UPDATE tenders SET award_decision = json_remove(award_decision, '$.evaluation.effectiveWeights') WHERE id = ?`).run(id);
    const response = await w.regioInkoper.get(`/api/v1/tenders/${id}/recompute`);
    expect(response.body.matches).toBe(false);
    expect(response.body.differences.map((d: { path: string }) => d.path)).toEqual(['effectiveWeights']);
  });

  it('compares with the current evaluation before the award decision, and refuses an incomplete dossier (409)', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
    const id = imported.body.id as string;
    t.clock.set('2026-03-03T10:00:00Z');
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    const current = await w.almereAuditor.get(`/api/v1/tenders/${id}/recompute`);
    expect(current.body).toMatchObject({ matches: true, differences: [], stored: 'current-evaluation', storedAt: '2026-03-03T10:00:00.000Z' });

    const incomplete = await createPanelTender(w.almereInkoper, w.orgs.almere);
    const refused = await w.almereAuditor.get(`/api/v1/tenders/${incomplete}/recompute`);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.length).toBeGreaterThan(0);
    expect(refused.body.errors[0].path).toMatch(/^dossier\.bids\[0\]/);
  });

  it('is for the inkoper and auditors only', async () => {
    const id = await awardedPanelTender();
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/recompute`)).status).toBe(200);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/recompute`)).status).toBe(403);
    expect((await w.almereAdmin.get(`/api/v1/tenders/${id}/recompute`)).status).toBe(403);
    expect((await w.utrechtAuditor.get(`/api/v1/tenders/${id}/recompute`)).status).toBe(404);
  });
});

describe('GET /api/v1/tenders/:id/timeline', () => {
  it('tells who did what and when, in Dutch, with the values before and after', async () => {
    const id = await awardedPanelTender();
    const response = await w.almereAuditor.get(`/api/v1/tenders/${id}/timeline`);
    expect(response.status).toBe(200);
    const inkoper = await nameOf(w.regioInkoper);
    const evaluator = await nameOf(w.almereBeoordelaar);
    const timeline = response.body as {
      action: string;
      who: { name: string };
      description: string;
      before: unknown;
      after: unknown;
      at: string;
      redacted: boolean;
    }[];
    expect(timeline.map((e) => e.action)).toEqual([
      'tender.create',
      'bid.create',
      'bid.create',
      'tender.open',
      'panel.assign',
      'panel.declare-no-conflict',
      ...Array(4).fill('individual-score.set'),
      'panel.seal',
      ...Array(4).fill('consensus.set'),
      'tender.award-decision',
      'tender.award',
    ]);
    expect(timeline[0]).toMatchObject({
      who: { name: inkoper },
      description: 'Aanbesteding FLV-2027-PANEL aangemaakt, perceel B1-route.',
      before: null,
      redacted: false,
    });
    expect(timeline[1]).toMatchObject({
      description: 'Inschrijving B1 van Taalhuis Flevoland geregistreerd voor €\u00a0565.000,00.',
      after: { id: 'B1', price: 565000 },
    });
    expect(timeline[4]).toMatchObject({ who: { name: inkoper }, description: `${evaluator} toegevoegd aan het beoordelingspanel.` });
    // The declaration names the schools it was made about (issue 15).
    expect(timeline[5]).toMatchObject({
      who: { name: evaluator },
      description: 'Verklaard geen belangenverstrengeling te hebben (verklaring over Taalhuis Flevoland en NT2 Centrum Almere).',
      after: {
        declaredAbout: [
          { name: 'Taalhuis Flevoland', kvk: '30123456' },
          { name: 'NT2 Centrum Almere', kvk: '30234567' },
        ],
      },
    });
    // All sealed: the individual scores are shown in full.
    expect(timeline[6]).toMatchObject({
      who: { name: evaluator },
      description: 'Individuele score 8 gegeven voor Taalhuis Flevoland (B1) op K1.',
      before: null,
      after: { score: 8, motivation: motivationFor('B1', 'K1', 8) },
      redacted: false,
    });
    expect(timeline[11]).toMatchObject({
      who: { name: inkoper },
      description: 'Consensusscore 8 vastgesteld voor Taalhuis Flevoland (B1) op K1.',
      before: null,
      after: { score: 8 },
    });
    expect(timeline[15]).toMatchObject({
      at: '2026-10-24T21:30:00.000Z',
      description: 'Gunningsbeslissing genomen: voorlopig gegund aan Taalhuis Flevoland (B1); de opschortende termijn loopt tot en met 13 november 2026.',
      before: { status: 'open' },
      after: { status: 'award-proposed', winner: 'B1', standstillEndsOn: '2026-11-13' },
    });
    expect(timeline[16]).toMatchObject({
      at: '2026-11-14T08:00:00.000Z',
      description: 'Definitief gegund aan Taalhuis Flevoland (B1); de aanbesteding is vergrendeld.',
      before: { status: 'award-proposed' },
      after: { status: 'awarded', winner: 'B1', locked: true },
    });
  });

  it('describes changed consensus scores and art. 2.116 decisions with both values', async () => {
    t.clock.set('2026-03-02T09:00:00Z');
    const id = await importAlmereTender(w, exampleDossier());
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
    await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B2/consensus/K1`, { score: 6, motivation: 'Na herlezing van het plan is zes punten passend.' });
    const review = `/api/v1/tenders/${id}/bids/B3/low-bid-review`;
    await w.almereInkoper.post(review, { action: 'request-explanation', deadline: '2026-03-16', questions: ['Hoe is de prijs opgebouwd?'] });
    await w.almereInkoper.post(review, { action: 'record-explanation', explanation: 'Wij werken met vrijwilligers naast de docent.' });
    await w.almereInkoper.post(review, { action: 'decide', decision: 'rejected', motivation: 'Vrijwilligers vervangen geen bevoegde NT2-docenten.' });
    const timeline = (await w.almereAuditor.get(`/api/v1/tenders/${id}/timeline`)).body as { action: string; description: string; before: any; after: any }[];
    expect(timeline.map((e) => e.description)).toEqual([
      'Dossier ALM-2026-INB-01 ingelezen met 4 inschrijvingen.',
      'Aanbesteding geopend: de inschrijving is gesloten en criteria, gewichten en prijsformule liggen vast.',
      'Consensusscore voor NT2 Centrum Almere (B2) op K1 gewijzigd van 8 in 6.',
      'Inburgering Direct (B3) om een toelichting gevraagd op de prijs (art. 2.116 Aanbestedingswet), uiterlijk 16 maart 2026.',
      'Toelichting van Inburgering Direct (B3) ontvangen op 2 maart 2026 en vastgelegd.',
      'Onderzoek naar Inburgering Direct (B3) afgerond: afgewezen als abnormaal laag. Motivering: "Vrijwilligers vervangen geen bevoegde NT2-docenten."',
    ]);
    expect(timeline[2]).toMatchObject({ before: { score: 8, motivation: null }, after: { score: 6 } });
    expect(timeline[5]).toMatchObject({ before: { state: 'explanation-received' }, after: { state: 'rejected', decision: 'rejected' } });
  });

  it('keeps individual scores hidden until every evaluator has sealed, as the audit events do', async () => {
    const second = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
    const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
    for (const evaluator of [w.almereBeoordelaar, second]) {
      expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: evaluator.userId })).status).toBe(201);
      expect((await evaluator.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    }
    await scoreAll(w.almereBeoordelaar, id, SCORES);
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(200);
    await scoreAll(second, id, { B1: { K1: 10 } });

    const notice = { redacted: 'verborgen tot alle beoordelaars hun scores hebben verzegeld' };
    const hidden = (
      (await w.almereAuditor.get(`/api/v1/tenders/${id}/timeline`)).body as {
        action: string;
        description: string;
        before: unknown;
        after: unknown;
        redacted: boolean;
      }[]
    ).filter((e) => e.action === 'individual-score.set');
    expect(hidden).toHaveLength(5);
    for (const entry of hidden) {
      expect(entry).toMatchObject({ redacted: true, before: notice, after: notice });
      expect(entry.description).toMatch(
        /^Individuele score gegeven voor (Taalhuis Flevoland \(B1\)|NT2 Centrum Almere \(B2\)) op K\d \(inhoud verborgen tot alle beoordelaars hun scores hebben verzegeld\)\.$/,
      );
    }
    const events = (await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: unknown }[];
    expect(events.filter((e) => e.action === 'individual-score.set').every((e) => JSON.stringify(e.change) === JSON.stringify(notice))).toBe(true);

    await scoreAll(second, id, { B1: { K2: 6 }, B2: { K1: 6, K2: 4 } });
    expect((await second.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(200);
    const shown = ((await w.regioInkoper.get(`/api/v1/tenders/${id}/timeline`)).body as { action: string; description: string; redacted: boolean }[]).filter(
      (e) => e.action === 'individual-score.set',
    );
    expect(shown.map((e) => e.redacted)).toEqual(Array(8).fill(false));
    expect(shown[4]?.description).toBe('Individuele score 10 gegeven voor Taalhuis Flevoland (B1) op K1.');
  });
});

describe('an auditor changes nothing', () => {
  /** Routes an auditor may call: its own session, tokens and password, and checking a PDF it holds (reads only). */
  const OWN_SESSION_OR_READ = new Set([
    'POST /api/v1/auth/login',
    'POST /api/v1/auth/logout',
    'POST /api/v1/auth/tokens',
    'DELETE /api/v1/auth/tokens/:tokenId',
    'POST /api/v1/auth/password',
    'POST /api/v1/reports/verify',
  ]);

  /** Every write route with a body that an inkoper (or the evaluator, for its own routes) could send. */
  function writeCalls(
    auditor: TestClient,
    id: string,
    ids: { own: string; evaluator: string; colleague: string; provider: string; procedure: string },
  ): Record<string, () => Promise<{ status: number; body: any }>> {
    const base = `/api/v1/tenders/${id}`;
    return {
      'POST /api/v1/organisations': () => auditor.post('/api/v1/organisations', { name: 'Gemeente Dronten', kind: 'gemeente' }),
      'POST /api/v1/users': () =>
        auditor.post('/api/v1/users', {
          email: 'nieuw@almere.test',
          name: 'Nieuw',
          password: 'een lang genoeg wachtwoord',
          memberships: [{ organisationId: ids.own, role: 'inkoper' }],
        }),
      'POST /api/v1/users/:id/disable': () => auditor.post(`/api/v1/users/${ids.colleague}/disable`),
      'POST /api/v1/users/:id/enable': () => auditor.post(`/api/v1/users/${ids.colleague}/enable`),
      'PUT /api/v1/users/:id/memberships': () =>
        auditor.put(`/api/v1/users/${ids.colleague}/memberships`, { memberships: [{ organisationId: ids.own, role: 'auditor' }] }),
      'POST /api/v1/users/:id/password': () => auditor.post(`/api/v1/users/${ids.colleague}/password`, { newPassword: 'een heel nieuw wachtwoord' }),
      'POST /api/v1/organisations/:id/members': () => auditor.post(`/api/v1/organisations/${ids.own}/members`, { memberId: ids.own }),
      'POST /api/v1/providers': () => auditor.post('/api/v1/providers', { organisationId: ids.own, name: 'Taalschool Noord', kvk: '30999999', keurmerk: true }),
      'PUT /api/v1/providers/:id': () =>
        auditor.put(`/api/v1/providers/${ids.provider}`, { name: 'Taalschool Noord', kvk: '30999998', keurmerk: true, place: 'Almere' }),
      'POST /api/v1/tenders': () =>
        auditor.post('/api/v1/tenders', { organisationId: ids.own, template: 'b1-route', reference: 'X-1', title: 'Nieuwe aanbesteding' }),
      'POST /api/v1/tenders/import': () => auditor.post('/api/v1/tenders/import', { organisationId: ids.own, dossier: exampleDossier() }),
      'POST /api/v1/procedures/import': () => auditor.post(`/api/v1/procedures/import?organisationId=${ids.own}`, exampleProcedure()),
      'PUT /api/v1/procedures/:id/award-limit': () => auditor.put(`/api/v1/procedures/${ids.procedure}/award-limit`, { awardLimit: null }),
      'POST /api/v1/procedures/:id/award-decision': () => auditor.post(`/api/v1/procedures/${ids.procedure}/award-decision`, {}),
      'POST /api/v1/procedures/:id/draws': () =>
        auditor.post(`/api/v1/procedures/${ids.procedure}/draws`, { lotId: 'L2', winner: 'B1', record: 'Geloot door de notaris op 2 maart 2027.' }),
      'POST /api/v1/procedures/:id/reports': () => auditor.post(`/api/v1/procedures/${ids.procedure}/reports`, { kind: 'evaluation' }),
      'POST /api/v1/procedures/:id/evaluators': () => auditor.post(`/api/v1/procedures/${ids.procedure}/evaluators`, { userId: ids.colleague }),
      'POST /api/v1/procedures/:id/declaration': () => auditor.post(`/api/v1/procedures/${ids.procedure}/declaration`, { noConflict: true }),
      'POST /api/v1/procedures': () =>
        auditor.post(`/api/v1/procedures?organisationId=${ids.own}`, { reference: 'P', title: 'P', lots: [{ id: 'L1', title: 'B1', template: 'b1-route' }] }),
      'DELETE /api/v1/procedures/:id': () => auditor.request('DELETE', `/api/v1/procedures/${ids.procedure}`),
      'POST /api/v1/procedures/:id/lots': () => auditor.post(`/api/v1/procedures/${ids.procedure}/lots`, { id: 'L9', title: 'Extra', copyOf: 'L1' }),
      'POST /api/v1/procedures/:id/lots/:lotId/settings-copy': () => auditor.post(`/api/v1/procedures/${ids.procedure}/lots/L1/settings-copy`, { to: ['L2'] }),
      'PATCH /api/v1/tenders/:id': () => auditor.patch(base, { title: 'Andere titel' }),
      'POST /api/v1/tenders/:id/open': () => auditor.post(`${base}/open`),
      'POST /api/v1/tenders/:id/bids': () => auditor.post(`${base}/bids`, { provider: { name: 'Laatkomer', kvk: '30777777', keurmerk: true }, price: 500000 }),
      'PUT /api/v1/tenders/:id/bids/:bidId/consensus/:criterionId': () =>
        auditor.put(`${base}/bids/B1/consensus/K1`, { score: 8, motivation: 'De accountant vindt acht punten passend.' }),
      'POST /api/v1/tenders/:id/consensus/adopt-agreed': () => auditor.post(`${base}/consensus/adopt-agreed`, {}),
      'POST /api/v1/tenders/:id/bids/:bidId/low-bid-review': () =>
        auditor.post(`${base}/bids/B2/low-bid-review`, { action: 'decide', decision: 'accepted', motivation: 'De accountant aanvaardt de prijs.' }),
      'POST /api/v1/tenders/:id/evaluators': () => auditor.post(`${base}/evaluators`, { userId: ids.evaluator }),
      'POST /api/v1/tenders/:id/conflict-declaration': () => auditor.post(`${base}/conflict-declaration`, { noConflict: true }),
      'PUT /api/v1/tenders/:id/bids/:bidId/scores/:criterionId': () =>
        auditor.put(`${base}/bids/B1/scores/K1`, { score: 10, motivation: motivationFor('B1', 'K1', 10) }),
      'POST /api/v1/tenders/:id/scores/seal': () => auditor.post(`${base}/scores/seal`),
      'POST /api/v1/tenders/:id/award-decision': () => auditor.post(`${base}/award-decision`),
      'POST /api/v1/tenders/:id/award-decision/withdraw': () =>
        auditor.post(`${base}/award-decision/withdraw`, { reason: 'De auditor probeert de beslissing in te trekken.' }),
      'POST /api/v1/tenders/:id/award': () => auditor.post(`${base}/award`),
      'POST /api/v1/tenders/:id/quality-lock': () => auditor.post(`${base}/quality-lock`),
      'POST /api/v1/tenders/:id/price-opening': () => auditor.post(`${base}/price-opening`, { prices: [{ bidId: 'B1', price: 500000 }] }),
      'POST /api/v1/tenders/:id/price-opening/confirm': () => auditor.post(`${base}/price-opening/confirm`, { prices: [{ bidId: 'B1', price: 500000 }] }),
      'POST /api/v1/tenders/:id/reports': () => auditor.post(`${base}/reports`, { kind: 'evaluation' }),
      'DELETE /api/v1/tenders/:id': () => auditor.request('DELETE', base),
      'PATCH /api/v1/tenders/:id/bids/:bidId': () => auditor.patch(`${base}/bids/B1`, { price: 500000 }),
      'DELETE /api/v1/tenders/:id/bids/:bidId': () => auditor.request('DELETE', `${base}/bids/B1`),
      'POST /api/v1/tenders/:id/bids/:bidId/correction': () =>
        auditor.post(`${base}/bids/B1/correction`, { price: 500000, reason: 'De accountant verbetert de prijs van deze inschrijving.' }),
      'POST /api/v1/tenders/:id/bids/:bidId/withdrawal': () =>
        auditor.post(`${base}/bids/B1/withdrawal`, { receivedOn: '2026-03-02', reason: 'De accountant trekt deze inschrijving in namens de school.' }),
      'POST /api/v1/tenders/:id/bids/:bidId/documents': () =>
        uploadDocument(t, auditor, `${base}/bids/B1/documents?envelope=quality&name=plan.pdf`, pdfDocument('Plan')),
    };
  }

  it('answers 403 on every write route of the API, for the regio auditor and a member gemeente auditor', async () => {
    const regioAuditor = await createMember(t, w.admin, { organisationId: w.orgs.regio, role: 'auditor' });
    const id = await createPanelTender(w.regioInkoper, w.orgs.regio);
    const before = (await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body.length as number;
    // The API's routes only: the web pages are HTML forms with their own checks (tests/web).
    const writeRoutes = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'GET' && r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => `${r.method} ${r.path}`)
          .filter((route) => !OWN_SESSION_OR_READ.has(route)),
      ),
    ];
    // A school in each organisation's register, for the auditor of that organisation to try to change.
    const providerOf = async (inkoper: TestClient, organisationId: string) =>
      (await inkoper.post('/api/v1/providers', { organisationId, name: 'Taalschool Oost', kvk: '30888888', keurmerk: false })).body.id as string;
    const regioProvider = await providerOf(w.regioInkoper, w.orgs.regio);
    const almereProvider = await providerOf(w.almereInkoper, w.orgs.almere);
    // A procedure with lots (issue 21) in each organisation.
    const procedureOf = async (inkoper: TestClient, organisationId: string) =>
      (await inkoper.post(`/api/v1/procedures/import?organisationId=${organisationId}`, exampleProcedure())).body.id as string;
    const regioProcedure = await procedureOf(w.regioInkoper, w.orgs.regio);
    const almereProcedure = await procedureOf(w.almereInkoper, w.orgs.almere);
    for (const [auditor, own, colleague, provider, procedure] of [
      [regioAuditor, w.orgs.regio, w.regioInkoper.userId, regioProvider, regioProcedure],
      [w.almereAuditor, w.orgs.almere, w.almereInkoper.userId, almereProvider, almereProcedure],
    ] as const) {
      // Each names its own organisation and a user of it: another's would be 404, not the refusal tested here.
      const calls = writeCalls(auditor, id, { own, evaluator: w.almereBeoordelaar.userId, colleague, provider, procedure });
      expect(
        writeRoutes.filter((route) => calls[route] === undefined),
        'write routes this test does not know yet',
      ).toEqual([]);
      const answers: Record<string, number> = {};
      for (const route of writeRoutes) answers[route] = (await calls[route]!()).status;
      expect(answers).toEqual(Object.fromEntries(writeRoutes.map((route) => [route, 403])));
    }
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body).toHaveLength(before);
  });
});
