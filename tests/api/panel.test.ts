/**
 * The panel workflow of issue 5 on a regio's tender with two criteria and two bids: who may
 * be assigned, declaring before seeing bids, blind scoring, sealing, the consensus and the
 * panel statistics in the evaluation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender, motivationFor, runPanel, scoreAll, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Member = Awaited<ReturnType<typeof createMember>>;

let t: TestApp;
let w: World;
let lelystadBeoordelaar: Member;
let utrechtBeoordelaar: Member;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  lelystadBeoordelaar = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
  utrechtBeoordelaar = await createMember(t, w.admin, { organisationId: w.orgs.utrecht, role: 'beoordelaar' });
  id = await createPanelTender(w.regioInkoper, w.orgs.regio);
});
afterEach(() => t.close());

const assign = (userId: string) => w.regioInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId });
const declare = (who: Member, body: unknown) => who.post(`/api/v1/tenders/${id}/conflict-declaration`, body);
const score = (who: Member, bidId: string, criterionId: string, body: unknown) => who.put(`/api/v1/tenders/${id}/bids/${bidId}/scores/${criterionId}`, body);

/** Anna (Almere) and Lelystad's beoordelaar score apart on B2 K2: 2 and 6. */
const ANNA = { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 2 } };
const BERT = { B1: { K1: 6, K2: 6 }, B2: { K1: 2, K2: 6 } };

describe('assigning evaluators', () => {
  it('takes beoordelaars of the regio and its member gemeenten, refuses anyone else with the reason', async () => {
    const almere = await assign(w.almereBeoordelaar.userId);
    expect(almere.status).toBe(201);
    expect(almere.body).toMatchObject({ userId: w.almereBeoordelaar.userId, onPanel: true, declaration: null, sealedAt: null });
    expect((await assign(lelystadBeoordelaar.userId)).status).toBe(201);

    const utrecht = await assign(utrechtBeoordelaar.userId);
    expect(utrecht.status).toBe(400);
    expect(utrecht.body.errors).toEqual([{ path: 'userId', message: 'geen gebruiker van Regio Flevoland of een van haar gemeenten' }]);
    const auditor = await assign(w.almereAuditor.userId);
    expect(auditor.status).toBe(400);
    expect(auditor.body.errors[0].message).toBe('heeft de rol auditor, niet beoordelaar');
    expect((await assign('no-such-user')).status).toBe(400);
    expect((await assign(w.almereBeoordelaar.userId)).status).toBe(409);
    expect((await w.almereAuditor.post(`/api/v1/tenders/${id}/evaluators`, { userId: lelystadBeoordelaar.userId })).status).toBe(403);
  });

  it("keeps another organisation's evaluator out of the tender altogether (404)", async () => {
    expect((await utrechtBeoordelaar.get(`/api/v1/tenders/${id}`)).status).toBe(404);
    expect((await utrechtBeoordelaar.get(`/api/v1/tenders/${id}/bids`)).status).toBe(404);
    expect((await score(utrechtBeoordelaar, 'B1', 'K1', { score: 8, motivation: motivationFor('B1', 'K1', 8) })).status).toBe(404);
  });
});

describe('the conflict-of-interest declaration', () => {
  beforeEach(async () => {
    await assign(w.almereBeoordelaar.userId);
  });

  it('comes before any bid: the tender is readable, the bids are 403 with the instruction, scoring is 403', async () => {
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}`)).status).toBe(200);
    expect((await w.almereBeoordelaar.get('/api/v1/tenders')).body.map((x: { id: string }) => x.id)).toEqual([id]);
    const bids = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/bids`);
    expect(bids.status).toBe(403);
    expect(bids.body.detail).toContain('verklaar eerst dat u geen belangenverstrengeling heeft');
    expect((await score(w.almereBeoordelaar, 'B1', 'K1', { score: 8, motivation: motivationFor('B1', 'K1', 8) })).status).toBe(403);
  });

  it('opens the bids without prices, without consensus scores; once only', async () => {
    const declared = await declare(w.almereBeoordelaar, { noConflict: true, remarks: 'Ken geen van de inschrijvers.' });
    expect(declared.status).toBe(200);
    expect(declared.body.declaration).toEqual({ noConflict: true, remarks: 'Ken geen van de inschrijvers.', declaredAt: '2026-03-02T09:00:00.000Z' });
    const bids = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/bids`);
    expect(bids.status).toBe(200);
    expect(bids.body).toEqual([
      { id: 'B1', provider: { name: 'Taalhuis Flevoland', kvk: '30123456', keurmerk: true } },
      { id: 'B2', provider: { name: 'NT2 Centrum Almere', kvk: '30234567', keurmerk: true } },
    ]);
    expect((await declare(w.almereBeoordelaar, { noConflict: true })).status).toBe(409);
  });

  it('shows prices to evaluators only when the tender says so (set while draft)', async () => {
    const draft = await createPanelTender(w.regioInkoper, w.orgs.regio, { open: false });
    expect((await w.regioInkoper.patch(`/api/v1/tenders/${draft}`, { showPricesToEvaluators: true })).body.showPricesToEvaluators).toBe(true);
    await w.regioInkoper.post(`/api/v1/tenders/${draft}/evaluators`, { userId: w.almereBeoordelaar.userId });
    await w.almereBeoordelaar.post(`/api/v1/tenders/${draft}/conflict-declaration`, { noConflict: true });
    const bids = await w.almereBeoordelaar.get(`/api/v1/tenders/${draft}/bids`);
    expect(bids.body.map((b: { price: number }) => b.price)).toEqual([565000, 598000]);
    await w.regioInkoper.post(`/api/v1/tenders/${draft}/open`);
    expect((await w.regioInkoper.patch(`/api/v1/tenders/${draft}`, { showPricesToEvaluators: false })).status).toBe(409);
  });

  it('records a declared conflict and takes the evaluator off the panel', async () => {
    await assign(lelystadBeoordelaar.userId);
    const declared = await declare(lelystadBeoordelaar, { noConflict: false, remarks: 'Mijn partner werkt bij Taalhuis Flevoland.' });
    expect(declared.body).toMatchObject({ onPanel: false, declaration: { noConflict: false, remarks: 'Mijn partner werkt bij Taalhuis Flevoland.' } });
    expect((await lelystadBeoordelaar.get(`/api/v1/tenders/${id}/bids`)).status).toBe(403);
    expect((await lelystadBeoordelaar.get(`/api/v1/tenders/${id}`)).status).toBe(403);
    expect((await lelystadBeoordelaar.get('/api/v1/tenders')).body).toEqual([]);
    const reassigned = await assign(lelystadBeoordelaar.userId);
    expect(reassigned.status).toBe(409);
    expect(reassigned.body.detail).toContain('belangenverstrengeling verklaard');
    const panel = await w.almereAuditor.get(`/api/v1/tenders/${id}/panel`);
    expect(panel.body.members.map((m: { onPanel: boolean }) => m.onPanel)).toEqual([true, false]);
    expect(panel.body.members[1].declaration.remarks).toBe('Mijn partner werkt bij Taalhuis Flevoland.');
    expect(panel.body.pending.map((p: { userId: string }) => p.userId)).toEqual([w.almereBeoordelaar.userId]);
  });

  it('is refused to the inkoper, and a beoordelaar who is not on the panel does not find the tender (404)', async () => {
    expect((await declare(lelystadBeoordelaar, { noConflict: true })).status).toBe(404);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(403);
  });
});

describe('what the declaration is about', () => {
  it('lists the schools, by name and KvK number, to a member before it declares, and nothing else of the bids', async () => {
    expect((await assign(w.almereBeoordelaar.userId)).status).toBe(201);
    const subject = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/conflict-declaration`);
    expect(subject.status).toBe(200);
    expect(subject.body).toEqual({
      schools: [
        { name: 'Taalhuis Flevoland', kvk: '30123456' },
        { name: 'NT2 Centrum Almere', kvk: '30234567' },
      ],
    });
    // The bids themselves stay closed until the declaration.
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/bids`)).status).toBe(403);
    // The declaration's event records what it was about.
    expect((await declare(w.almereBeoordelaar, { noConflict: true })).status).toBe(200);
    const events = (await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: { after: Record<string, unknown> } }[];
    expect(events.find((e) => e.action === 'panel.declare-no-conflict')?.change.after.declaredAbout).toEqual(subject.body.schools);
  });

  it("is the panel's and the officers' only: 403 after a declared conflict, 404 off the panel and elsewhere", async () => {
    expect((await assign(w.almereBeoordelaar.userId)).status).toBe(201);
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/conflict-declaration`)).status).toBe(200);
    expect((await lelystadBeoordelaar.get(`/api/v1/tenders/${id}/conflict-declaration`)).status).toBe(404);
    expect((await utrechtBeoordelaar.get(`/api/v1/tenders/${id}/conflict-declaration`)).status).toBe(404);
    expect((await declare(w.almereBeoordelaar, { noConflict: false, remarks: 'Mijn zus werkt bij Taalhuis Flevoland.' })).status).toBe(200);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/conflict-declaration`)).status).toBe(403);
  });
});

describe('blind scoring and sealing', () => {
  beforeEach(async () => {
    await assign(w.almereBeoordelaar.userId);
    await assign(lelystadBeoordelaar.userId);
    await declare(w.almereBeoordelaar, { noConflict: true });
    await declare(lelystadBeoordelaar, { noConflict: true });
  });

  it('needs a score on the scale and a motivation that is a sentence', async () => {
    const offScale = await score(w.almereBeoordelaar, 'B1', 'K1', { score: 7, motivation: motivationFor('B1', 'K1', 7) });
    expect(offScale.body.errors).toEqual([{ path: 'score', message: 'score 7 komt niet voor op de schaal 0, 2, 4, 6, 8, 10' }]);
    const short = await score(w.almereBeoordelaar, 'B1', 'K1', { score: 8, motivation: 'Goed plan.' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('motivation');
    expect((await score(w.almereBeoordelaar, 'B9', 'K1', { score: 8, motivation: motivationFor('B9', 'K1', 8) })).status).toBe(404);
  });

  it('shows each evaluator only its own scores, and the inkoper none until all have sealed', async () => {
    await scoreAll(w.almereBeoordelaar, id, ANNA);
    await scoreAll(lelystadBeoordelaar, id, { B1: { K1: 6 } });
    const own = await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/scores`);
    expect(own.body.scores.map((s: { userId: string }) => s.userId)).toEqual(Array(4).fill(w.almereBeoordelaar.userId));
    expect(own.body.scores[0]).toMatchObject({ bidId: 'B1', criterionId: 'K1', score: 8 });
    const other = await lelystadBeoordelaar.get(`/api/v1/tenders/${id}/scores`);
    expect(other.body.scores).toEqual([expect.objectContaining({ userId: lelystadBeoordelaar.userId, score: 6 })]);

    const inkoper = await w.regioInkoper.get(`/api/v1/tenders/${id}/scores`);
    expect(inkoper.status).toBe(200);
    expect(inkoper.body).toMatchObject({ allSealed: false, sealed: [], scores: [] });
    expect(inkoper.body.pending).toHaveLength(2);
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/consensus`)).status).toBe(409);
    // The audit trail shows that a score was set, not which.
    const events = (await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: unknown }[];
    const scoreEvents = events.filter((e) => e.action === 'individual-score.set');
    expect(scoreEvents).toHaveLength(5);
    expect(scoreEvents.every((e) => JSON.stringify(e.change).includes('verborgen'))).toBe(true);
  });

  it('seals only when everything is scored (saying what is missing), and refuses changes after the seal', async () => {
    await scoreAll(w.almereBeoordelaar, id, { B1: { K1: 8, K2: 6 }, B2: { K1: 4 } });
    const early = await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('er ontbreekt nog: NT2 Centrum Almere (B2) op K2');
    expect(early.body.errors).toEqual([{ path: 'scores.B2.K2', message: 'score ontbreekt' }]);
    await scoreAll(w.almereBeoordelaar, id, { B2: { K2: 2 } });
    t.clock.advance(60_000);
    const sealed = await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`);
    expect(sealed.body).toEqual({ userId: w.almereBeoordelaar.userId, sealedAt: '2026-03-02T09:01:00.000Z', scores: 4 });
    const change = await score(w.almereBeoordelaar, 'B1', 'K1', { score: 10, motivation: motivationFor('B1', 'K1', 10) });
    expect(change.status).toBe(409);
    expect(change.body.detail).toContain('verzegeld');
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(409);
    const panel = await w.regioInkoper.get(`/api/v1/tenders/${id}/panel`);
    expect(panel.body.sealed).toEqual([{ userId: w.almereBeoordelaar.userId, name: expect.any(String), sealedAt: '2026-03-02T09:01:00.000Z' }]);
    // Sealed or not, the inkoper still sees no scores while one member has not sealed.
    expect((await w.regioInkoper.get(`/api/v1/tenders/${id}/scores`)).body.scores).toEqual([]);
  });

  it('keeps the dossier and the evaluation from a beoordelaar (403)', async () => {
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/dossier`)).status).toBe(403);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/evaluation`)).status).toBe(403);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/panel`)).status).toBe(403);
    expect((await w.almereBeoordelaar.get(`/api/v1/tenders/${id}/consensus`)).status).toBe(403);
  });
});

describe('consensus and panel statistics', () => {
  beforeEach(async () => {
    await runPanel(w.regioInkoper, id, [
      { evaluator: w.almereBeoordelaar, scores: ANNA },
      { evaluator: lelystadBeoordelaar, scores: BERT },
    ]);
  });

  it("releases everyone's scores and the consensus view once all have sealed, marking disagreement", async () => {
    const scores = await w.almereAuditor.get(`/api/v1/tenders/${id}/scores`);
    expect(scores.body.allSealed).toBe(true);
    expect(scores.body.scores).toHaveLength(8);
    const view = await w.regioInkoper.get(`/api/v1/tenders/${id}/consensus`);
    expect(view.status).toBe(200);
    const b2k2 = view.body.items.find((i: { bidId: string; criterionId: string }) => i.bidId === 'B2' && i.criterionId === 'K2');
    expect(b2k2).toMatchObject({ min: 2, max: 6, spread: 4, disagreement: true, consensus: null });
    expect(b2k2.scores.map((s: { score: number }) => s.score)).toEqual([2, 6]);
    expect(b2k2.scores[0].motivation).toBe(motivationFor('B2', 'K2', 2));
    const b1k1 = view.body.items.find((i: { bidId: string; criterionId: string }) => i.bidId === 'B1' && i.criterionId === 'K1');
    expect(b1k1).toMatchObject({ spread: 2, disagreement: false });
  });

  it('needs a deviationReason for a consensus outside the individual scores', async () => {
    const put = (body: unknown) => w.regioInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K2`, body);
    const motivation = 'Het panel vond de begeleiding na overleg sterker dan eerst gedacht.';
    const without = await put({ score: 8, motivation });
    expect(without.status).toBe(400);
    expect(without.body.errors).toEqual([
      { path: 'deviationReason', message: expect.stringContaining('ligt buiten de score die alle beoordelaars gaven (6)') },
    ]);
    expect((await put({ score: 8, motivation, deviationReason: motivation })).body.errors[0].path).toBe('deviationReason');
    const reason = 'De referenties die na het scoren binnenkwamen, tonen wekelijkse gesprekken aan.';
    const withReason = await put({ score: 8, motivation, deviationReason: reason });
    expect(withReason.status).toBe(200);
    expect(withReason.body).toMatchObject({ score: 8, deviationReason: reason });
    const view = await w.regioInkoper.get(`/api/v1/tenders/${id}/consensus`);
    expect(view.body.items.find((i: { bidId: string; criterionId: string }) => i.bidId === 'B1' && i.criterionId === 'K2')).toMatchObject({
      outsideRange: true,
      consensus: { score: 8, motivation, deviationReason: reason },
    });
  });

  it("gives the evaluation a panel: severity per evaluator and Krippendorff's alpha", async () => {
    await setConsensus(w.regioInkoper, id, { B1: { K1: 8, K2: 6 }, B2: { K1: 2, K2: 6 } });
    const result = (await w.regioInkoper.get(`/api/v1/tenders/${id}/evaluation`)).body;
    expect(result.incomplete).toEqual([]);
    // Values 8,6,6,6,4,2,2,6 over 4 units of 2 raters (interval, /10 is a common factor):
    // D_o = 2 * (4 + 0 + 4 + 16) / 8 = 6, D_e = 2 * 32 / 7, alpha = 1 - 6 / (64 / 7) = 11/32.
    expect(result.panel.agreement).toEqual({ alpha: expect.closeTo(0.34375, 12), pairableValues: 8, units: 4, metric: 'interval' });
    const [anna, bert] = result.panel.evaluators;
    expect(anna).toMatchObject({ userId: w.almereBeoordelaar.userId, name: expect.any(String), scores: 4 });
    expect(anna.severity).toBeCloseTo(-0.05, 12); // (0 + 0 + 0.2 - 0.4) / 4
    expect(anna.meanAbsoluteDeviation).toBeCloseTo(0.15, 12);
    expect(bert).toMatchObject({ userId: lelystadBeoordelaar.userId, scores: 4 });
    expect(bert.severity).toBeCloseTo(-0.05, 12); // (-0.2 + 0 + 0 + 0) / 4
    // The audit trail now shows the scores themselves.
    const events = (await w.regioInkoper.get(`/api/v1/tenders/${id}/audit-events`)).body as { action: string; change: any }[];
    expect(events.find((e) => e.action === 'individual-score.set')!.change).toEqual({
      before: null,
      after: { score: 8, motivation: motivationFor('B1', 'K1', 8) },
    });
  });

  it('refuses a consensus score while a member has not sealed', async () => {
    const other = await createPanelTender(w.regioInkoper, w.orgs.regio);
    await w.regioInkoper.post(`/api/v1/tenders/${other}/evaluators`, { userId: w.almereBeoordelaar.userId });
    const response = await w.regioInkoper.put(`/api/v1/tenders/${other}/bids/B1/consensus/K1`, {
      score: 8,
      motivation: 'Het plan is concreet en goed onderbouwd.',
    });
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('nog niet verzegeld: beoordelaar');
  });
});
