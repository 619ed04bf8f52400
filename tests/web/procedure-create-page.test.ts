/**
 * Making a procedure on the pages (issue 21): `/nieuwe-procedure` makes a procedure of three
 * lots from the templates, its refusals are Dutch and at their fields, an evaluator or auditor
 * gets no form; on the procedure's page an inkoper adds a lot as a copy of another, copies one
 * lot's settings onto others after the confirmation, and deletes the procedure after its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
let inkoper: PageClient;
let procedureId: string;

const FORM = {
  reference: 'ALM-2029-INB',
  title: 'Inburgering Almere 2029',
  percelen: '3',
  'lots[0].id': 'L1',
  'lots[0].title': 'B1-route Almere',
  'lots[0].template': 'b1-route',
  'lots[0].estimatedValue': '520.000',
  'lots[1].id': 'L2',
  'lots[1].title': 'Onderwijsroute Almere',
  'lots[1].template': 'onderwijsroute',
  'lots[2].id': 'L3',
  'lots[2].title': 'Z-route Almere',
  'lots[2].template': 'z-route',
};

type Lot = { lotId: string; tenderId: string; title: string; status: string };
const procedure = async (): Promise<{ lots: Lot[] }> => (await w.almereInkoper.get(`/api/v1/procedures/${procedureId}`)).body;
const tenderOfLot = async (lotId: string) => {
  const lot = (await procedure()).lots.find((l) => l.lotId === lotId);
  return (await w.almereInkoper.get(`/api/v1/tenders/${lot?.tenderId}`)).body;
};

beforeAll(async () => {
  // The award comes after the standstill: the sessions must outlive it.
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
  inkoper = await loginPage(t, w.almereInkoper.email, PASSWORD);
}, 60_000);
afterAll(() => t.close());

describe('/nieuwe-procedure', () => {
  it('offers three lot rows, one per route, and is linked from the tender list and the new tender page', async () => {
    const page = await inkoper.get('/nieuwe-procedure');
    expect(page.status).toBe(200);
    for (const [i, id] of ['L1', 'L2', 'L3'].entries()) {
      expect(page.html).toContain(`name="lots[${i}].id" type="text" value="${id}"`);
    }
    expect(page.html).not.toContain('name="lots[3].id"');
    expect(page.html).toMatch(/<option value="z-route" selected/);
    expect((await inkoper.get('/aanbestedingen')).html).toContain('href="/nieuwe-procedure"');
    expect((await inkoper.get('/nieuwe-aanbesteding')).html).toContain('href="/nieuwe-procedure"');
    expect((await inkoper.get('/nieuwe-procedure?percelen=5')).html).toContain('name="lots[4].id"');
  });

  it('makes the procedure with a draft tender per lot and shows its page', async () => {
    const response = await inkoper.post('/nieuwe-procedure', FORM);
    expect(response.status, response.html).toBe(303);
    expect(response.location).toMatch(/^\/procedures\/[^?]+\?melding=/);
    procedureId = (response.location ?? '').split('/')[2]?.split('?')[0] ?? '';
    const lots = (await procedure()).lots;
    expect(lots.map((l) => [l.lotId, l.title, l.status])).toEqual([
      ['L1', 'B1-route Almere', 'draft'],
      ['L2', 'Onderwijsroute Almere', 'draft'],
      ['L3', 'Z-route Almere', 'draft'],
    ]);
    expect((await tenderOfLot('L1')).tender).toMatchObject({ reference: 'ALM-2029-INB-L1', estimatedValue: 520000, lot: 'B1-route' });
    const page = await inkoper.get(response.location ?? '');
    expect(visibleText(page.html)).toContain('Procedure ALM-2029-INB is aangemaakt met de percelen L1, L2, L3.');
  });

  it('refuses with Dutch messages that name the field, and makes nothing', async () => {
    const before = (await w.almereInkoper.get('/api/v1/procedures')).body.length;
    const response = await inkoper.post('/nieuwe-procedure', {
      ...FORM,
      reference: '',
      'lots[1].id': 'L 2',
      'lots[2].id': 'L1',
      'lots[2].estimatedValue': '400,000',
    });
    expect(response.status).toBe(400);
    const text = visibleText(response.html);
    expect(text).toContain('De procedure is niet aangemaakt');
    expect(text).toContain('Kenmerk: mag niet leeg zijn');
    expect(text).toContain('Perceel 2: id');
    expect(text).toContain('id moet 1 tot 40 tekens zijn uit A-Z, a-z, 0-9, _ en -');
    expect(text).toContain('Perceel 3: raming');
    expect(text).toMatch(/dubbelzinnig/);
    expect(response.html).toContain('href="#veld-lots-1-id"');
    // What was typed stays in the form.
    expect(response.html).toContain('value="L 2"');
    expect((await w.almereInkoper.get('/api/v1/procedures')).body.length).toBe(before);
  });

  it('names the row of a lot id used twice, also after a blank row', async () => {
    const response = await inkoper.post('/nieuwe-procedure', {
      ...FORM,
      'lots[1].id': '',
      'lots[1].title': '',
      'lots[2].id': 'L1',
    });
    expect(response.status).toBe(400);
    expect(visibleText(response.html)).toContain('Perceel 3: id');
    expect(visibleText(response.html)).toContain('perceel L1 staat er al eerder in');
  });

  it('shows no form to an evaluator or an auditor, and refuses their post', async () => {
    for (const who of [w.almereBeoordelaar, w.almereAuditor]) {
      const client = await loginPage(t, who.email, PASSWORD);
      const page = await client.get('/nieuwe-procedure');
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('action="/nieuwe-procedure"');
      expect(visibleText(page.html)).toContain('Alleen een inkoper start een procedure.');
      expect((await client.post('/nieuwe-procedure', { ...FORM, reference: 'ALM-X' })).status).toBe(403);
    }
  });
});

describe('the procedure page while every lot is draft', () => {
  it('adds a lot as a copy of another lot', async () => {
    const page = await inkoper.get(`/procedures/${procedureId}`);
    expect(page.html).toContain(`action="/procedures/${procedureId}/percelen"`);
    const response = await inkoper.post(`/procedures/${procedureId}/percelen`, { id: 'L4', title: 'Onderwijsroute Almere-Poort', bron: 'perceel:L2' });
    expect(response.status, response.html).toBe(303);
    expect((await procedure()).lots.map((l) => l.lotId)).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect((await tenderOfLot('L4')).criteria).toEqual((await tenderOfLot('L2')).criteria);
    const taken = await inkoper.post(`/procedures/${procedureId}/percelen`, { id: 'L4', title: 'X', bron: 'template:z-route' });
    expect(taken.status).toBe(400);
    expect(visibleText(taken.html)).toContain('perceel L4 bestaat al');
  });

  it('copies settings only after the confirmation, then shows the notice', async () => {
    const form = { van: 'L1', 'naar-L3': 'ja' };
    const unconfirmed = await inkoper.post(`/procedures/${procedureId}/instellingen-overnemen`, form);
    expect(unconfirmed.status).toBe(400);
    expect(visibleText(unconfirmed.html)).toContain('bevestig dat u begrijpt dat de instellingen van de gekozen percelen worden overschreven');
    expect((await tenderOfLot('L3')).award).not.toEqual((await tenderOfLot('L1')).award);
    const done = await inkoper.post(`/procedures/${procedureId}/instellingen-overnemen`, { ...form, bevestiging: 'ja' });
    expect(done.status, done.html).toBe(303);
    const l1 = await tenderOfLot('L1');
    const l3 = await tenderOfLot('L3');
    expect([l3.award, l3.criteria, l3.lowBidRules]).toEqual([l1.award, l1.criteria, l1.lowBidRules]);
    expect(visibleText((await inkoper.get(done.location ?? '')).html)).toContain('De instellingen van perceel L1 zijn overgenomen op perceel L3.');
  });

  it('shows no forms to an auditor', async () => {
    const auditor = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const page = await auditor.get(`/procedures/${procedureId}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('/percelen"');
    expect(page.html).not.toContain('/verwijderen"');
    expect((await auditor.get(`/procedures/${procedureId}/verwijderen`)).status).toBe(403);
  });

  it('deletes the procedure after its confirmation', async () => {
    const page = await inkoper.get(`/procedures/${procedureId}/verwijderen`);
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain('U verwijdert procedure ALM-2029-INB (Inburgering Almere 2029) met de percelen L1, L2, L3, L4.');
    expect((await inkoper.post(`/procedures/${procedureId}/verwijderen`, {})).status).toBe(400);
    const deleted = await inkoper.post(`/procedures/${procedureId}/verwijderen`, { bevestiging: 'ja' });
    expect(deleted.status).toBe(303);
    expect(deleted.location).toBe('/aanbestedingen?procedure-verwijderd=ALM-2029-INB');
    expect(visibleText((await inkoper.get(deleted.location ?? '')).html)).toContain('De procedure ALM-2029-INB is verwijderd, met al haar percelen');
    expect((await w.almereInkoper.get(`/api/v1/procedures/${procedureId}`)).status).toBe(404);
  });
});

describe('the procedure page once a lot is opened', () => {
  it('has no forms to add or copy, and the delete page says why it cannot', async () => {
    const made = await inkoper.post('/nieuwe-procedure', { ...FORM, reference: 'ALM-2029-OPEN' });
    const id = (made.location ?? '').split('/')[2]?.split('?')[0] ?? '';
    const lots: Lot[] = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.lots;
    expect((await w.almereInkoper.post(`/api/v1/tenders/${lots[0]?.tenderId}/open`, {})).status).toBe(200);
    const page = await inkoper.get(`/procedures/${id}`);
    expect(page.html).not.toContain(`action="/procedures/${id}/percelen"`);
    expect(page.html).not.toContain(`href="/procedures/${id}/verwijderen"`);
    const remove = await inkoper.get(`/procedures/${id}/verwijderen`);
    expect(visibleText(remove.html)).toContain('Alleen een procedure waarvan elk perceel in voorbereiding is kan worden verwijderd');
    expect(remove.html).not.toContain(`action="/procedures/${id}/verwijderen"`);
  });
});

describe('a three-lot procedure from creation to award', () => {
  // Three schools on every lot, ranked A, B, C on each; at most one lot per school in lot order.
  const SCHOOLS = [
    { name: 'Taalschool Almere', kvk: '30111111', quality: 100, share: 1.0 },
    { name: 'NT2 Flevoland', kvk: '30222222', quality: 75, share: 0.98 },
    { name: 'Het Taalhuis Lelystad', kvk: '30333333', quality: 50, share: 0.97 },
  ];
  const ROWS = {
    L1: { template: 'b1-route', learners: 50, perLearner: 8000 },
    L2: { template: 'onderwijsroute', learners: 40, perLearner: 12000 },
    L3: { template: 'z-route', learners: 30, perLearner: 10000 },
  };

  it('makes it on the page, takes bids and scores per lot, decides on the page under the limitation, and awards every lot', async () => {
    const form: Record<string, string> = { reference: 'ALM-2030-INB', title: 'Inburgering Almere 2030', percelen: '3' };
    for (const [i, [id, row]] of Object.entries(ROWS).entries()) {
      Object.assign(form, {
        [`lots[${i}].id`]: id,
        [`lots[${i}].title`]: `Perceel ${id} Almere 2030`,
        [`lots[${i}].template`]: row.template,
        [`lots[${i}].estimatedValue`]: String(row.learners * row.perLearner),
        [`lots[${i}].expectedLearners`]: String(row.learners),
      });
    }
    const made = await inkoper.post('/nieuwe-procedure', form);
    expect(made.status, made.html).toBe(303);
    const id = (made.location ?? '').split('/')[2]?.split('?')[0] ?? '';
    const limit = await inkoper.post(`/procedures/${id}/gunningsbeperking`, {
      maxLotsPerBidder: '1',
      rule: 'lot-order',
      'positie-L1': '1',
      'positie-L2': '2',
      'positie-L3': '3',
    });
    expect(limit.status, visibleText(limit.html)).toBe(303);
    expect((await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.awardLimit).toEqual({
      maxLotsPerBidder: 1,
      rule: 'lot-order',
      lotOrder: ['L1', 'L2', 'L3'],
    });

    const lots: Lot[] = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.lots;
    for (const lot of lots) {
      const row = ROWS[lot.lotId as keyof typeof ROWS];
      for (const school of SCHOOLS) {
        const price = Math.round(row.learners * row.perLearner * school.share);
        const bid = await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/bids`, {
          provider: { name: school.name, kvk: school.kvk, keurmerk: true },
          price,
        });
        expect(bid.status, JSON.stringify(bid.body)).toBe(201);
      }
      const opened = await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/open`, {});
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      const tender = (await w.almereInkoper.get(`/api/v1/tenders/${lot.tenderId}`)).body;
      for (const [b, school] of SCHOOLS.entries()) {
        for (const criterion of tender.criteria as { id: string }[]) {
          const response = await w.almereInkoper.put(`/api/v1/tenders/${lot.tenderId}/bids/B${b + 1}/consensus/${criterion.id}`, {
            score: school.quality,
            motivation: `Na overleg in het panel: ${school.quality} punten voor B${b + 1} op ${criterion.id}.`,
          });
          expect(response.status, JSON.stringify(response.body)).toBe(200);
        }
      }
    }

    const decided = await inkoper.post(`/procedures/${id}/gunningsbeslissing`, { bevestiging: 'ja' });
    expect(decided.status, visibleText(decided.html)).toBe(303);
    expect(visibleText((await inkoper.get(decided.location ?? '')).html)).toContain(
      'De gunningsbeslissing is genomen: perceel L1 aan Taalschool Almere (B1), perceel L2 aan NT2 Flevoland (B2), perceel L3 aan Het Taalhuis Lelystad (B3).',
    );

    t.clock.set('2026-04-01T09:00:00Z');
    for (const lot of lots) expect((await w.almereInkoper.post(`/api/v1/tenders/${lot.tenderId}/award`)).status).toBe(200);
    const after = (await w.almereInkoper.get(`/api/v1/procedures/${id}`)).body.lots.map((l: Lot) => [l.lotId, l.status]);
    expect(after).toEqual([
      ['L1', 'awarded'],
      ['L2', 'awarded'],
      ['L3', 'awarded'],
    ]);
    const verify = await w.almereAuditor.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ valid: true, stateMismatch: null });
  });
});
