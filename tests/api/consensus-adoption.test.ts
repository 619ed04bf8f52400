/**
 * `POST /api/v1/tenders/:id/consensus/adopt-agreed` (issue 15): where every member of the
 * panel gave the same score, that score becomes the consensus in one transaction, with a
 * `consensus.set` event per score, never before every member has sealed, never for another
 * organisation, and all or nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender, motivationFor, runPanel, setConsensus } from '../helpers/panel.js';
import { createMember, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Member = Awaited<ReturnType<typeof createMember>>;

let t: TestApp;
let w: World;
let bert: Member;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  bert = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  id = await createPanelTender(w.almereInkoper, w.orgs.almere);
});
afterEach(() => t.close());

/** They agree on B1 K1 (8), B1 K2 (6) and B2 K1 (4); on B2 K2 they are two steps apart (2 and 6). */
const ANNA = { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 2 } };
const BERT = { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 6 } };

const adopt = (body: unknown, who: { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }> } = w.almereInkoper) =>
  who.post(`/api/v1/tenders/${id}/consensus/adopt-agreed`, body);
const consensusRows = () =>
  t.db.sqlite.prepare('SELECT bid_id, criterion_id, score, motivation FROM consensus_scores WHERE tender_id = ? ORDER BY bid_id, criterion_id').all(id);
const consensusEvents = () =>
  (
    t.db.sqlite.prepare("SELECT entity_id, change FROM audit_events WHERE tender_id = ? AND action = 'consensus.set' ORDER BY seq").all(id) as {
      entity_id: string;
      change: string;
    }[]
  ).map((e) => ({
    entityId: e.entity_id,
    change: JSON.parse(e.change),
  }));

async function panelOfTwo(): Promise<void> {
  await runPanel(w.almereInkoper, id, [
    { evaluator: w.almereBeoordelaar, scores: ANNA },
    { evaluator: bert, scores: BERT },
  ]);
}

describe('adopting the agreed scores', () => {
  it('adopts every cell where all members gave the same score, with their motivations, in one request', async () => {
    await panelOfTwo();
    const response = await adopt({});
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.adopted.map((a: { bidId: string; criterionId: string; score: number }) => [a.bidId, a.criterionId, a.score])).toEqual([
      ['B1', 'K1', 8],
      ['B1', 'K2', 6],
      ['B2', 'K1', 4],
    ]);
    // Both members wrote the same motivation (motivationFor), so it is there once.
    expect(response.body.adopted[0]).toMatchObject({ motivation: motivationFor('B1', 'K1', 8), deviationReason: null });
    expect(consensusRows()).toEqual([
      { bid_id: 'B1', criterion_id: 'K1', score: 8, motivation: motivationFor('B1', 'K1', 8) },
      { bid_id: 'B1', criterion_id: 'K2', score: 6, motivation: motivationFor('B1', 'K2', 6) },
      { bid_id: 'B2', criterion_id: 'K1', score: 4, motivation: motivationFor('B2', 'K1', 4) },
    ]);
    // One event per score, each as the single form writes it, marked as adopted.
    expect(consensusEvents()).toEqual([
      {
        entityId: `${id}/B1/K1`,
        change: { before: null, after: { score: 8, motivation: motivationFor('B1', 'K1', 8), deviationReason: null }, adoptedAgreed: true },
      },
      {
        entityId: `${id}/B1/K2`,
        change: { before: null, after: { score: 6, motivation: motivationFor('B1', 'K2', 6), deviationReason: null }, adoptedAgreed: true },
      },
      {
        entityId: `${id}/B2/K1`,
        change: { before: null, after: { score: 4, motivation: motivationFor('B2', 'K1', 4), deviationReason: null }, adoptedAgreed: true },
      },
    ]);
    // The audit check replays them into exactly these rows.
    expect((await w.almereAuditor.get('/api/v1/audit/verify')).body).toMatchObject({ valid: true, stateMismatch: null, state: { unchecked: 0 } });
    // Nothing left: the cell the members differ on waits for its own form.
    expect((await adopt({})).body).toEqual({ adopted: [] });
    const overview = (await w.almereInkoper.get(`/api/v1/tenders/${id}/consensus`)).body.items as Record<string, unknown>[];
    expect(overview.find((i) => i.bidId === 'B2' && i.criterionId === 'K2')).toMatchObject({
      consensus: null,
      agreedScore: null,
      agreedMotivation: null,
      stepsApart: 2,
      moreThanOneStep: true,
    });
  });

  it('joins different motivations of agreeing members, each once, without naming them', async () => {
    for (const member of [w.almereBeoordelaar, bert]) {
      expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: member.userId })).status).toBe(201);
      expect((await member.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    }
    const bertsOwn = 'De voorbeelden uit de praktijk maken het plan overtuigend.';
    for (const [who, scores] of [
      [w.almereBeoordelaar, ANNA],
      [bert, BERT],
    ] as const) {
      for (const [bidId, perCriterion] of Object.entries(scores)) {
        for (const [criterionId, score] of Object.entries(perCriterion)) {
          const motivation = who === bert && bidId === 'B1' && criterionId === 'K1' ? bertsOwn : motivationFor(bidId, criterionId, score);
          expect((await who.put(`/api/v1/tenders/${id}/bids/${bidId}/scores/${criterionId}`, { score, motivation })).status).toBe(200);
        }
      }
      expect((await who.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(200);
    }
    const item = ((await w.almereInkoper.get(`/api/v1/tenders/${id}/consensus`)).body.items as Record<string, unknown>[]).find(
      (i) => i.bidId === 'B1' && i.criterionId === 'K1',
    );
    expect(item).toMatchObject({ agreedScore: 8, agreedMotivation: `${motivationFor('B1', 'K1', 8)}\n${bertsOwn}`, stepsApart: 0, moreThanOneStep: false });
    expect(String(item?.agreedMotivation)).not.toContain(bert.name);
    const adopted = await adopt({ cells: [{ bidId: 'B1', criterionId: 'K1' }] });
    expect(adopted.body.adopted[0].motivation).toBe(`${motivationFor('B1', 'K1', 8)}\n${bertsOwn}`);
  });

  it('adopts only the cells named, with the motivation the inkoper wrote', async () => {
    await panelOfTwo();
    const motivation = 'Beide beoordelaars waarderen de concrete voorbeelden in het plan.';
    const response = await adopt({
      cells: [
        { bidId: 'B2', criterionId: 'K1', motivation },
        { bidId: 'B1', criterionId: 'K2' },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.adopted).toMatchObject([
      { bidId: 'B2', criterionId: 'K1', score: 4, motivation },
      { bidId: 'B1', criterionId: 'K2', score: 6, motivation: motivationFor('B1', 'K2', 6) },
    ]);
    expect(consensusRows()).toHaveLength(2);
  });

  it('refuses the whole request when one cell cannot be adopted, naming each cell, and writes nothing', async () => {
    await panelOfTwo();
    await setConsensus(w.almereInkoper, id, { B1: { K2: 6 } });
    const eventsBefore = consensusEvents().length;
    const refused = await adopt({
      cells: [
        { bidId: 'B1', criterionId: 'K1' },
        { bidId: 'B2', criterionId: 'K2' },
        { bidId: 'B1', criterionId: 'K2' },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Er is niets overgenomen: 2 cellen kunnen niet zo worden overgenomen.');
    expect(refused.body.errors).toEqual([
      { path: 'cells[1]', message: 'de beoordelaars gaven niet dezelfde score (2, 6): leg de consensus vast in het formulier van deze cel' },
      { path: 'cells[2]', message: 'B1 op K2 heeft al consensusscore 6; wijzig die in het formulier van deze cel' },
    ]);
    expect(consensusRows()).toHaveLength(1);
    expect(consensusEvents()).toHaveLength(eventsBefore);

    const invalid = await adopt({
      cells: [
        { bidId: 'B1', criterionId: 'K1', motivation: 'Prima.' },
        { bidId: 'B9', criterionId: 'K1' },
        { bidId: 'B1', criterionId: 'K1' },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['cells[1]', 'cells[2]', 'cells[0].motivation']);
    expect(invalid.body.errors[0].message).toBe('inschrijving B9 of criterium K1 bestaat niet in deze aanbesteding');
    expect(invalid.body.errors[2].message).toContain('schrijf minstens één volledige zin');
    expect(consensusRows()).toHaveLength(1);
  });

  it('leaves a consensus that is already set alone when adopting all', async () => {
    await panelOfTwo();
    const own = 'De commissie kent na bespreking acht punten toe aan dit plan.';
    expect((await w.almereInkoper.put(`/api/v1/tenders/${id}/bids/B1/consensus/K1`, { score: 8, motivation: own })).status).toBe(200);
    const response = await adopt({});
    expect(response.body.adopted.map((a: { bidId: string; criterionId: string }) => `${a.bidId}/${a.criterionId}`)).toEqual(['B1/K2', 'B2/K1']);
    expect(consensusRows()[0]).toMatchObject({ bid_id: 'B1', criterion_id: 'K1', motivation: own });
  });

  it('checks the request against its schema', async () => {
    await panelOfTwo();
    expect((await adopt({ cells: [] })).status).toBe(400);
    const unknown = await adopt({ cells: [{ bidId: 'B1', criterionId: 'K1', score: 10 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'cells[0].score', message: 'onbekend veld' }]);
    expect((await adopt({ cells: [{ bidId: 'B1', criterionId: 'K1', motivation: 'x'.repeat(10_001) }] })).status).toBe(400);
    // `{}` adopts everything, so a body that only looks like it must not pass as it: a BOM is no JSON.
    const bom = await w.almereInkoper.request('POST', `/api/v1/tenders/${id}/consensus/adopt-agreed`, {
      raw: '\uFEFF{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(bom.status).toBe(400);
    expect(bom.body).toMatchObject({ type: '/problems/malformed-json' });
    expect(consensusRows()).toEqual([]);
  });
});

describe('who may adopt, and when', () => {
  it('refuses before every member has sealed, naming who has not (blind scoring), and writes nothing', async () => {
    for (const member of [w.almereBeoordelaar, bert]) {
      expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: member.userId })).status).toBe(201);
      expect((await member.post(`/api/v1/tenders/${id}/conflict-declaration`, { noConflict: true })).status).toBe(200);
    }
    // Anna scores and seals; Bert has scored the same but not sealed.
    for (const [who, scores] of [
      [w.almereBeoordelaar, ANNA],
      [bert, BERT],
    ] as const) {
      for (const [bidId, perCriterion] of Object.entries(scores)) {
        for (const [criterionId, score] of Object.entries(perCriterion)) {
          expect(
            (await who.put(`/api/v1/tenders/${id}/bids/${bidId}/scores/${criterionId}`, { score, motivation: motivationFor(bidId, criterionId, score) }))
              .status,
          ).toBe(200);
        }
      }
    }
    expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${id}/scores/seal`)).status).toBe(200);
    const refused = await adopt({});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      `Eensgezinde scores overnemen kan pas als alle beoordelaars hun scores hebben verzegeld; nog niet verzegeld: ${bert.name}`,
    );
    const named = await adopt({ cells: [{ bidId: 'B1', criterionId: 'K1' }] });
    expect(named.status).toBe(409);
    // The refusal tells nothing of the scores: no cell is judged before all have sealed.
    expect(named.body.errors).toEqual([]);
    expect(consensusRows()).toEqual([]);
  });

  it('answers 404 to another organisation and to a beoordelaar off the panel, 403 to the auditor and to an evaluator on it', async () => {
    await panelOfTwo();
    expect((await adopt({}, w.utrechtInkoper)).status).toBe(404);
    expect((await adopt({}, w.utrechtAuditor)).status).toBe(404);
    const offPanel = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
    expect((await adopt({}, offPanel)).status).toBe(404);
    expect((await adopt({}, w.almereAuditor)).status).toBe(403);
    expect((await adopt({}, bert)).status).toBe(403);
    expect(consensusRows()).toEqual([]);
  });

  it('refuses once the award decision is taken: the consensus lies fixed', async () => {
    await panelOfTwo();
    await setConsensus(w.almereInkoper, id, { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 4 } });
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/award-decision`)).status).toBe(200);
    const refused = await adopt({});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('De consensusscores liggen vast sinds de gunningsbeslissing.');
  });
});
