/**
 * The consensus on one screen (issue 15): the matrix of bids and criteria once every member
 * has sealed, the agreed scores adopted at once or one by one, a cell's own form, and
 * refusals at the top of the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPanelTender, motivationFor, runPanel } from '../helpers/panel.js';
import { createMember, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { errorSummaryOnTop, loginPage, visibleText, type PageClient } from './page-client.js';

type Member = Awaited<ReturnType<typeof createMember>>;

let t: TestApp;
let w: World;
let bert: Member;
let inkoper: PageClient;
let id: string;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  bert = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  id = await createPanelTender(w.almereInkoper, w.orgs.almere);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
});
afterEach(() => t.close());

/** They agree on B1 K1 (8), B1 K2 (6) and B2 K1 (4); on B2 K2 they lie two steps apart (2 and 6). */
const ANNA = { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 2 } };
const BERT = { B1: { K1: 8, K2: 6 }, B2: { K1: 4, K2: 6 } };

const panelOfTwo = () =>
  runPanel(w.almereInkoper, id, [
    { evaluator: w.almereBeoordelaar, scores: ANNA },
    { evaluator: bert, scores: BERT },
  ]);
const consensusRows = () =>
  t.db.sqlite
    .prepare('SELECT bid_id, criterion_id, score, motivation FROM consensus_scores WHERE tender_id = ? ORDER BY bid_id, criterion_id')
    .all(id) as Record<string, unknown>[];
const matrixCell = (html: string, bidId: string, criterionId: string) => {
  const match = new RegExp(`<td class="([^"]*)" id="cel-${bidId}-${criterionId}">([\\s\\S]*?)</td>`).exec(html);
  return { classes: match?.[1] ?? '', text: visibleText(match?.[2] ?? '') };
};
/** All agreed rows of the adoption form ticked, as the page renders them. */
const adoptionForm = (extra: Record<string, string> = {}) => ({
  'cells[0].bidId': 'B1',
  'cells[0].criterionId': 'K1',
  'cells[0].adopt': 'ja',
  'cells[0].motivation': motivationFor('B1', 'K1', 8),
  'cells[1].bidId': 'B1',
  'cells[1].criterionId': 'K2',
  'cells[1].adopt': 'ja',
  'cells[1].motivation': motivationFor('B1', 'K2', 6),
  'cells[2].bidId': 'B2',
  'cells[2].criterionId': 'K1',
  'cells[2].adopt': 'ja',
  'cells[2].motivation': motivationFor('B2', 'K1', 4),
  actie: 'alle',
  ...extra,
});

describe('the consensus matrix', () => {
  it('is not shown before every member has sealed: it says who has not', async () => {
    expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
    const page = await inkoper.get(`/aanbestedingen/${id}/consensus`);
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain(
      `Het consensusoverzicht bekijken kan pas als alle beoordelaars hun scores hebben verzegeld; nog niet verzegeld: ${w.almereBeoordelaar.name}`,
    );
    expect(page.html).not.toContain('Scores per inschrijving en criterium');
    const cell = await inkoper.get(`/aanbestedingen/${id}/consensus/B1/K1`);
    expect(visibleText(cell.html)).toContain('nog niet verzegeld');
    expect(cell.html).not.toContain('Consensusscore');
  });

  it('shows bids down and criteria across, every score, the spread and the consensus, and marks scores more than a step apart in words', async () => {
    await panelOfTwo();
    const page = await inkoper.get(`/aanbestedingen/${id}/consensus`);
    const text = visibleText(page.html);
    expect(text).toContain(
      '4 cellen: 0 met een consensusscore, 3 eensgezind zonder consensusscore, 1 met scores die meer dan één stap van de schaal uit elkaar liggen.',
    );
    expect(text).toContain(`in deze volgorde: ${w.almereBeoordelaar.name}, ${bert.name}`);
    // Rows are named by the school, with the code second.
    expect(page.html).toContain(
      '<th scope="row" class="utrecht-table__header-cell"><span class="gw-bid">Taalhuis Flevoland <span class="gw-bid__code">(B1)</span></span></th>',
    );
    expect(text).toContain('Inschrijving K1 Didactische aanpak en maatwerk K2 Voortgangsgesprekken en begeleiding');
    const apart = matrixCell(page.html, 'B2', 'K2');
    expect(apart.classes).toBe('utrecht-table__cell gw-cell gw-cell--apart');
    expect(apart.text).toBe(
      `${w.almereBeoordelaar.name}: 2 ${bert.name}: 6 spreiding 4 ▲ 2 stappen uit elkaar: bespreken Nog geen consensus Vastleggen voor NT2 Centrum Almere (B2) op K2`,
    );
    const agreed = matrixCell(page.html, 'B1', 'K1');
    expect(agreed.classes).toBe('utrecht-table__cell gw-cell');
    expect(agreed.text).toBe(
      `${w.almereBeoordelaar.name}: 8 ${bert.name}: 8 spreiding 0 Eensgezind, nog geen consensus Vastleggen voor Taalhuis Flevoland (B1) op K1`,
    );
  });

  it('adopts every ticked agreed score at once, with the motivations, and shows the consensus in the cells', async () => {
    await panelOfTwo();
    const page = await inkoper.get(`/aanbestedingen/${id}/consensus`);
    expect(visibleText(page.html)).toContain('Alle aangevinkte eensgezinde scores overnemen (3)');
    expect(page.html).toContain(`>${motivationFor('B2', 'K1', 4)}</textarea>`);
    const adopted = await inkoper.post(
      `/aanbestedingen/${id}/consensus/eensgezind`,
      adoptionForm({ 'cells[1].motivation': 'Beide beoordelaars noemen de begeleiding zorgvuldig en goed gepland.' }),
    );
    expect(adopted.status).toBe(303);
    expect(adopted.location).toBe(`/aanbestedingen/${id}/consensus?melding=${encodeURIComponent('3 eensgezinde scores zijn overgenomen als consensusscore.')}`);
    expect(consensusRows()).toEqual([
      { bid_id: 'B1', criterion_id: 'K1', score: 8, motivation: motivationFor('B1', 'K1', 8) },
      { bid_id: 'B1', criterion_id: 'K2', score: 6, motivation: 'Beide beoordelaars noemen de begeleiding zorgvuldig en goed gepland.' },
      { bid_id: 'B2', criterion_id: 'K1', score: 4, motivation: motivationFor('B2', 'K1', 4) },
    ]);
    const after = await inkoper.get(adopted.location ?? '');
    expect(visibleText(after.html)).toContain('3 eensgezinde scores zijn overgenomen als consensusscore.');
    expect(matrixCell(after.html, 'B1', 'K1').text).toContain('Consensus 8 Wijzigen');
    // Nothing agreed is left open, so the adoption form is gone.
    expect(after.html).not.toContain('Eensgezinde scores overnemen');
  });

  it('adopts only the cell whose own button was pressed, and leaves an unticked cell alone', async () => {
    await panelOfTwo();
    const one = await inkoper.post(`/aanbestedingen/${id}/consensus/eensgezind`, { ...adoptionForm({ 'cells[0].adopt': '' }), alleen: '2', actie: '' });
    expect(one.status).toBe(303);
    expect(decodeURIComponent(one.location ?? '')).toContain('De eensgezinde score van NT2 Centrum Almere (B2) op K1 is overgenomen.');
    expect(consensusRows().map((r) => `${r.bid_id}/${r.criterion_id}`)).toEqual(['B2/K1']);
    const { 'cells[0].adopt': _unticked, ...ticked } = adoptionForm();
    expect((await inkoper.post(`/aanbestedingen/${id}/consensus/eensgezind`, { ...ticked, 'cells[2].adopt': '' })).status).toBe(303);
    expect(consensusRows().map((r) => `${r.bid_id}/${r.criterion_id}`)).toEqual(['B1/K2', 'B2/K1']);
  });

  it('refuses the whole batch at the top of the page, keeps what was typed, and opens the cells at the refused motivation', async () => {
    await panelOfTwo();
    const refused = await inkoper.post(`/aanbestedingen/${id}/consensus/eensgezind`, adoptionForm({ 'cells[2].motivation': 'Goed.' }));
    expect(refused.status).toBe(400);
    expect(errorSummaryOnTop(refused.html)).toBe(true);
    expect(visibleText(refused.html)).toContain('De eensgezinde scores zijn niet overgenomen');
    expect(refused.html).toContain(
      'href="#eensgezind-cells-2-motivation">Motivering bij NT2 Centrum Almere (B2) op K1: De motivering van de consensusscore is te kort',
    );
    expect(refused.html).toMatch(/<details open="">/);
    expect(refused.html).toContain('>Goed.</textarea>');
    expect(consensusRows()).toEqual([]);
    const none = await inkoper.post(`/aanbestedingen/${id}/consensus/eensgezind`, { actie: 'alle' });
    expect(none.status).toBe(400);
    expect(visibleText(none.html)).toContain('Vink ten minste één cel aan om over te nemen.');
  });

  it('is read-only for the auditor, and not there for an evaluator (403) or another organisation (404)', async () => {
    await panelOfTwo();
    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const page = await auditor.get(`/aanbestedingen/${id}/consensus`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Eensgezinde scores overnemen');
    expect(matrixCell(page.html, 'B1', 'K1').text).toContain('Bekijken voor Taalhuis Flevoland (B1) op K1');
    expect((await auditor.post(`/aanbestedingen/${id}/consensus/eensgezind`, adoptionForm())).status).toBe(403);
    expect(consensusRows()).toEqual([]);
    const evaluator = await loginPage(t, bert.email, PASSWORD);
    expect((await evaluator.get(`/aanbestedingen/${id}/consensus`)).status).toBe(403);
    const utrecht = await loginPage(t, w.utrechtInkoper.email, PASSWORD);
    expect((await utrecht.get(`/aanbestedingen/${id}/consensus`)).status).toBe(404);
    expect((await utrecht.post(`/aanbestedingen/${id}/consensus/eensgezind`, adoptionForm())).status).toBe(404);
  });
});

describe('one cell of the matrix', () => {
  it("starts an agreed cell with the score and the members' motivation, to adopt as it is", async () => {
    await panelOfTwo();
    const page = await inkoper.get(`/aanbestedingen/${id}/consensus/B1/K2`);
    expect(page.status).toBe(200);
    const text = visibleText(page.html);
    expect(text).toContain('Consensus Taalhuis Flevoland (B1) op K2');
    expect(text).toContain('Alle beoordelaars gaven 6. Die score en hun motiveringen staan al ingevuld');
    expect(page.html).toContain('<option value="6" selected="">6</option>');
    expect(page.html).toContain(`>${motivationFor('B1', 'K2', 6)}</textarea>`);
    const saved = await inkoper.post(`/aanbestedingen/${id}/consensus/B1/K2`, { score: '6', motivation: motivationFor('B1', 'K2', 6) });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(
      `/aanbestedingen/${id}/consensus?melding=${encodeURIComponent('De consensusscore van Taalhuis Flevoland (B1) op K2 is vastgelegd.')}#cel-B1-K2`,
    );
  });

  it('asks to discuss scores a step apart, and answers a consensus outside them at the top and at the field', async () => {
    await panelOfTwo();
    const page = await inkoper.get(`/aanbestedingen/${id}/consensus/B2/K2`);
    const text = visibleText(page.html);
    expect(text).toContain('Individuele scores van 2 tot 6: spreiding 4 (2 stappen van de schaal), gemiddeld 4,00.');
    expect(text).toContain('De scores liggen meer dan één stap van de schaal uit elkaar: bespreek deze cel');
    expect(text).toContain(`${bert.name} 6 ${motivationFor('B2', 'K2', 6)}`);
    const outside = await inkoper.post(`/aanbestedingen/${id}/consensus/B2/K2`, {
      score: '10',
      motivation: 'De commissie vindt het plan na bespreking uitstekend.',
    });
    expect(outside.status).toBe(400);
    expect(errorSummaryOnTop(outside.html)).toBe(true);
    expect(outside.html).toContain('href="#consensus-deviationReason">Reden voor afwijken: Consensusscore 10 ligt buiten');
    expect(outside.html).toContain('id="consensus-deviationReason-fout"');
    expect(outside.html).toContain('<option value="10" selected="">10</option>');
    expect((await inkoper.get(`/aanbestedingen/${id}/consensus/B9/K2`)).status).toBe(404);
  });
});

describe('a large panel', () => {
  it('shows 10 bids on 8 criteria by 5 members as one matrix, and adopts the agreed cells in one post', async () => {
    const criteria = Array.from({ length: 8 }, (_, i) => ({
      id: `K${i + 1}`,
      title: `Criterium ${i + 1} over de aanpak`,
      weight: 10,
      scale: [0, 25, 50, 75, 100],
    }));
    const created = await w.almereInkoper.post('/api/v1/tenders', {
      organisationId: w.orgs.almere,
      reference: 'ALM-2027-GROOT',
      title: 'Inburgering met een groot panel',
      lot: 'B1-route',
      award: { method: 'lowest-relative', priceWeight: 20, tieBreak: ['quality', 'lot'] },
      criteria,
      lowBidRules: { preset: 'none' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const big = created.body.id as string;
    for (let b = 1; b <= 10; b += 1) {
      expect(
        (
          await w.almereInkoper.post(`/api/v1/tenders/${big}/bids`, {
            provider: { name: `Taalschool ${b}`, kvk: String(30000000 + b), keurmerk: true },
            price: 400000 + b * 1000,
          })
        ).status,
      ).toBe(201);
    }
    expect((await w.almereInkoper.post(`/api/v1/tenders/${big}/open`)).status).toBe(200);
    const members = [
      w.almereBeoordelaar,
      bert,
      ...(await Promise.all([1, 2, 3].map(() => createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' })))),
    ];
    // Every member gives 75, except the last one on K8 of every bid (25): 70 agreed cells, 10 apart.
    const scores = (last: boolean) =>
      Object.fromEntries(Array.from({ length: 10 }, (_, b) => [`B${b + 1}`, Object.fromEntries(criteria.map((c) => [c.id, last && c.id === 'K8' ? 25 : 75]))]));
    await runPanel(
      w.almereInkoper,
      big,
      members.map((evaluator, i) => ({ evaluator, scores: scores(i === members.length - 1) })),
    );

    const page = await inkoper.get(`/aanbestedingen/${big}/consensus`);
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain(
      '80 cellen: 0 met een consensusscore, 70 eensgezind zonder consensusscore, 10 met scores die meer dan één stap van de schaal uit elkaar liggen.',
    );
    expect(page.html.match(/ class="utrecht-table__cell gw-cell/g)).toHaveLength(80);
    expect(page.html.match(/gw-cell--apart/g)).toHaveLength(10);
    // One screen's worth of markup per cell at most: the page stays light enough to scroll.
    expect(page.html.length).toBeLessThan(400_000);

    const form: Record<string, string> = { actie: 'alle' };
    for (const [index, match] of [...page.html.matchAll(/name="cells\[(\d+)\]\.bidId" value="([^"]+)"/g)].entries()) {
      form[`cells[${index}].bidId`] = match[2] ?? '';
      form[`cells[${index}].criterionId`] = /name="cells\[\d+\]\.criterionId" value="([^"]+)"/.exec(page.html.slice(match.index))?.[1] ?? '';
      form[`cells[${index}].adopt`] = 'ja';
      form[`cells[${index}].motivation`] = motivationFor('B1', 'K1', 75);
    }
    const adopted = await inkoper.post(`/aanbestedingen/${big}/consensus/eensgezind`, form);
    expect(adopted.status, visibleText(adopted.html).slice(0, 400)).toBe(303);
    expect((t.db.sqlite.prepare('SELECT count(*) AS n FROM consensus_scores WHERE tender_id = ?').get(big) as { n: number }).n).toBe(70);
    expect((t.db.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE tender_id = ? AND action = 'consensus.set'").get(big) as { n: number }).n).toBe(
      70,
    );
  }, 60_000);
});
