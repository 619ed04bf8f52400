/**
 * Blind scoring holds everywhere (issue 14): on a regio's tender with an imported dossier (so
 * a report can be made at once) and a panel of two, one evaluator scores with a motivation
 * nobody else may read yet. Until both have sealed, no route, page, report or export shows
 * an individual score, a motivation, or which evaluator scored what; someone on the panel is
 * a beoordelaar there and nothing more, whatever other role it holds; and nobody who reads
 * the tender as inkoper or auditor can be seated on its panel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { binaryRequest, type TestClient } from '../helpers/client.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { fillTenderPath, tenderApiRoutes, tenderPageRoutes } from '../helpers/routes.js';
import { createMember, loginClient, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from '../web/page-client.js';
import { normaliseWhitespace, pdfText } from '../unit/reports/poppler.js';

type Member = Awaited<ReturnType<typeof createMember>>;

/** In every motivation of the first evaluator: any output showing it leaks a blind score. */
const SECRET = 'GEHEIME-MOTIVERING';
const secretMotivation = (bidId: string, criterionId: string) => `${SECRET}: inschrijving ${bidId} is op ${criterionId} zwak uitgewerkt.`;
const plainMotivation = (bidId: string, criterionId: string) => `Inschrijving ${bidId} is op ${criterionId} sterk uitgewerkt.`;

let t: TestApp;
let w: World;
let tenderId: string;
/** Scores B1 K1 with 2 (a disagreement with Bert's 10), with the secret in every motivation. */
let anna: Member;
let bert: Member;
let regioAuditor: Member;

const scoresPath = (bidId: string, criterionId: string) => `/api/v1/tenders/${tenderId}/bids/${bidId}/scores/${criterionId}`;

async function scoreEverything(
  who: TestClient,
  score: (bidId: string, criterionId: string) => number,
  motivation: (bidId: string, criterionId: string) => string,
) {
  const dossier = exampleDossier();
  for (const bid of dossier.bids) {
    for (const criterion of dossier.criteria) {
      const response = await who.put(scoresPath(bid.id, criterion.id), { score: score(bid.id, criterion.id), motivation: motivation(bid.id, criterion.id) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
  }
}

const annaScore = (bidId: string, criterionId: string) => (bidId === 'B1' && criterionId === 'K1' ? 2 : 6);
const bertScore = (bidId: string, criterionId: string) => (bidId === 'B1' && criterionId === 'K1' ? 10 : 6);

const binary = (client: TestClient, path: string) => binaryRequest(t, client, 'GET', path);

async function createUser(memberships: { organisationId: string; role: Role }[], name: string): Promise<TestClient & { userId: string }> {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@gemeente.test`;
  const created = await w.admin.post('/api/v1/users', { email, name, password: PASSWORD, memberships });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return Object.assign(await loginClient(t, email), { userId: created.body.id as string });
}

async function issueReport(): Promise<string> {
  const created = await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return normaliseWhitespace(pdfText((await binary(w.regioInkoper, created.body.url)).bytes));
}

beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
  anna = await createMember(t, w.admin, { organisationId: w.orgs.almere, role: 'beoordelaar' });
  bert = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
  regioAuditor = await createMember(t, w.admin, { organisationId: w.orgs.regio, role: 'auditor' });
  const imported = await w.regioInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.regio, dossier: exampleDossier() });
  tenderId = imported.body.id;
  for (const member of [anna, bert]) {
    expect((await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: member.userId })).status).toBe(201);
  }
  expect((await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/open`)).status).toBe(200);
  for (const member of [anna, bert]) {
    expect((await member.post(`/api/v1/tenders/${tenderId}/conflict-declaration`, { noConflict: true })).status).toBe(200);
  }
  await scoreEverything(anna, annaScore, secretMotivation);
}, 60_000);
afterEach(() => t.close());

describe('before every member of the panel has sealed', () => {
  it('lists individual scores in the audit events without score, motivation or evaluator; all of it once all have sealed', async () => {
    expect((await anna.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    const blind = (await w.regioInkoper.get(`/api/v1/tenders/${tenderId}/audit-events`)).body as {
      action: string;
      actorUserId: string | null;
      entityId: string;
      change: unknown;
      redacted: boolean;
    }[];
    const scores = blind.filter((e) => e.action === 'individual-score.set');
    expect(scores).toHaveLength(16);
    expect(scores[0]).toMatchObject({
      actorUserId: null,
      entityId: `${tenderId}/B1/K1`,
      change: { redacted: 'verborgen tot alle beoordelaars hun scores hebben verzegeld' },
      redacted: true,
    });
    expect(JSON.stringify(blind)).not.toContain(SECRET);
    expect(JSON.stringify(scores)).not.toContain(anna.userId);
    expect(blind.filter((e) => e.action !== 'individual-score.set').every((e) => !e.redacted)).toBe(true);
    const timeline = (await regioAuditor.get(`/api/v1/tenders/${tenderId}/timeline`)).body as { action: string; who: unknown }[];
    expect(timeline.filter((e) => e.action === 'individual-score.set').map((e) => e.who)).toEqual(Array(16).fill(null));
    const browser = await loginPage(t, w.regioInkoper.email, PASSWORD);
    const page = visibleText((await browser.get(`/aanbestedingen/${tenderId}/audit?actie=individual-score.set`)).html);
    expect(page).toContain('Gebeurtenissen (16 van');
    expect(page).toContain(
      'verborgen tot alle beoordelaars hebben verzegeld individuele score gegeven individuele score Taalhuis Flevoland (B1) op K1 Individuele score gegeven voor Taalhuis Flevoland (B1) op K1 (inhoud verborgen tot alle beoordelaars hun scores hebben verzegeld).',
    );
    expect(page).not.toContain(anna.name);

    await scoreEverything(bert, bertScore, plainMotivation);
    expect((await bert.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    const open = (await w.regioInkoper.get(`/api/v1/tenders/${tenderId}/audit-events`)).body as typeof blind;
    const first = open.find((e) => e.action === 'individual-score.set');
    expect(first).toMatchObject({ actorUserId: anna.userId, entityId: `${tenderId}/B1/K1/${anna.userId}`, redacted: false });
    expect(first?.change).toEqual({ before: null, after: { score: 2, motivation: secretMotivation('B1', 'K1') } });
    const released = visibleText((await browser.get(`/aanbestedingen/${tenderId}/audit?actie=individual-score.set`)).html);
    // Once released, "Door" names the evaluator; the subject names the bid by its school (issue 15).
    expect(released).toContain(
      `${anna.name} individuele score gegeven individuele score Taalhuis Flevoland (B1) op K1 Individuele score 2 gegeven voor Taalhuis Flevoland (B1) op K1.`,
    );
  });

  it('shows no motivation on any route or page of the tender, to the inkoper and to an auditor', async () => {
    expect((await anna.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    await issueReport();
    const leaks: string[] = [];
    for (const who of [w.regioInkoper, regioAuditor]) {
      for (const { path } of tenderApiRoutes(t).filter((r) => r.method === 'GET')) {
        const response = await who.get(fillTenderPath(path, tenderId));
        if (JSON.stringify(response.body).includes(SECRET)) leaks.push(`GET ${path}`);
      }
    }
    for (const email of [w.regioInkoper.email, regioAuditor.email]) {
      const browser = await loginPage(t, email, PASSWORD);
      for (const { path } of tenderPageRoutes(t).filter((r) => r.method === 'GET')) {
        for (const query of ['', '?actie=individual-score.set']) {
          const page = await browser.get(`${fillTenderPath(path, tenderId)}${query}`);
          if (page.html.includes(SECRET)) leaks.push(`page ${path}${query}`);
        }
      }
    }
    expect(leaks).toEqual([]);

    // The same walk finds the motivation once all have sealed: it would have seen a leak.
    await scoreEverything(bert, bertScore, plainMotivation);
    expect((await bert.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    expect(JSON.stringify((await w.regioInkoper.get(`/api/v1/tenders/${tenderId}/scores`)).body)).toContain(SECRET);
    // The audit page shows sentences; the motivation is in the stored event behind its link (issue 16).
    const events = (await w.regioInkoper.get(`/api/v1/tenders/${tenderId}/audit-events`)).body as { seq: number; action: string }[];
    const reader = await loginPage(t, w.regioInkoper.email, PASSWORD);
    const raws: string[] = [];
    for (const e of events.filter((event) => event.action === 'individual-score.set'))
      raws.push((await reader.get(`/aanbestedingen/${tenderId}/audit/${e.seq}`)).html);
    expect(raws.some((raw) => raw.includes(SECRET))).toBe(true);
  });

  it('issues a report without any individual score that names who has not sealed; with them once all have', async () => {
    await scoreEverything(bert, bertScore, plainMotivation);
    // Bert has scored B1 K1 with 10 against Anna's 2, a disagreement, but has not sealed.
    expect((await anna.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    const blind = await issueReport();
    expect(blind).not.toContain(`${anna.name}: 2`);
    expect(blind).not.toContain(`${bert.name}: 10`);
    // On the cover, in the row "Individuele scores" (pdftotext puts the next label before its wrapped value).
    expect(blind).toMatch(/Winnaar volgens de beoordeling NT2 Centrum Almere \(B2\) Individuele scores /);
    expect(blind).toContain(
      `niet opgenomen: nog niet verzegeld door ${bert.name}. Individuele scores worden pas opgenomen als alle beoordelaars hun scores hebben verzegeld.`,
    );
    expect(blind).toContain(
      `Nog niet alle beoordelaars hebben hun scores verzegeld: nog niet verzegeld door ${bert.name}. Dit rapport bevat daarom geen individuele scores`,
    );
    expect(blind).toContain('Verschillen van inzicht Niet opgenomen: nog niet alle beoordelaars hebben hun scores verzegeld (zie hoofdstuk 7)');

    expect((await bert.post(`/api/v1/tenders/${tenderId}/scores/seal`)).status).toBe(200);
    const sealed = await issueReport();
    expect(sealed).toContain(`${anna.name}: 2; ${bert.name}: 10`);
    expect(sealed).not.toContain('niet opgenomen');
  });
});

describe('someone on the panel who holds another role for the tender', () => {
  const cases = [
    { as: 'auditor of the regio', role: 'auditor' as const, of: () => w.orgs.regio },
    { as: 'inkoper of a member gemeente', role: 'inkoper' as const, of: () => w.orgs.almere },
  ];

  it.each(cases)('is only a beoordelaar on that tender when it is also $as', async ({ role, of }) => {
    // The other role came after the seat (seating refuses it, see below).
    t.ctx.queries.auth.insertMemberships([{ userId: bert.userId, organisationId: of(), role }]);
    const forbidden: string[] = [];
    for (const path of ['dossier', 'evaluation', 'ocds', 'audit-events', 'timeline', 'recompute', 'panel', 'consensus', 'reports', 'formula-check']) {
      const status = (await bert.get(`/api/v1/tenders/${tenderId}/${path}`)).status;
      if (status !== 403) forbidden.push(`${path}: ${status}`);
    }
    expect(forbidden).toEqual([]);
    expect((await bert.get(`/api/v1/tenders/${tenderId}`)).status).toBe(200);
    const bids = (await bert.get(`/api/v1/tenders/${tenderId}/bids`)).body as Record<string, unknown>[];
    expect(bids.map((bid) => Object.keys(bid))).toEqual(Array(4).fill(['id', 'provider']));
    const scores = await bert.get(`/api/v1/tenders/${tenderId}/scores`);
    expect(scores.body.scores).toEqual([]);
    expect(JSON.stringify(scores.body)).not.toContain(SECRET);
    const report = await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
    expect((await binary(bert, report.body.url)).status).toBe(403);

    const browser = await loginPage(t, bert.email, PASSWORD);
    for (const page of ['uitslag', 'consensus', 'audit', 'controle', 'rapporten']) {
      expect((await browser.get(`/aanbestedingen/${tenderId}/${page}`)).status, page).toBe(403);
    }
    const bidPage = await browser.get(`/aanbestedingen/${tenderId}/inschrijvingen`);
    expect(visibleText(bidPage.html)).toContain('Taalhuis Flevoland');
    expect(visibleText(bidPage.html)).not.toContain('565.000');
    const overview = (await browser.get(`/aanbestedingen/${tenderId}`)).html;
    const tenderNav = overview.slice(overview.indexOf('aria-label="Onderdelen van deze aanbesteding"'));
    const tabs = [...tenderNav.matchAll(/utrecht-nav-list__link"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toEqual(['Overzicht', 'Beoordelingspanel', 'Beoordelen']);
    // The list shows the bids it may see, not the flagged count the evaluation would give away.
    expect(visibleText((await browser.get('/aanbestedingen')).html)).toMatch(/B1-route beoordeling loopt 2 maart 2026 2 maart 2026 - 4 -/);
  });
});

describe('seating on the panel', () => {
  it('refuses (409) someone who reads the tender as auditor or inkoper through any membership that counts, naming person and role', async () => {
    const auditor = await createUser(
      [
        { organisationId: w.orgs.almere, role: 'beoordelaar' },
        { organisationId: w.orgs.regio, role: 'auditor' },
      ],
      'Dirk Dubbel',
    );
    const refused = await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: auditor.userId });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Dirk Dubbel is auditor bij Regio Flevoland en kan daarom niet in het beoordelingspanel van deze aanbesteding: ' +
        'wie de aanbesteding als inkoper of auditor volgt, ziet prijzen en scores en kan niet blind beoordelen',
    );
    expect(refused.body.errors).toEqual([{ path: 'userId', message: 'Dirk Dubbel is auditor bij Regio Flevoland en kan niet in het beoordelingspanel' }]);

    const inkoper = await createUser(
      [
        { organisationId: w.orgs.regio, role: 'beoordelaar' },
        { organisationId: w.orgs.lelystad, role: 'inkoper' },
      ],
      'Ellen Twee',
    );
    const also = await w.regioInkoper.post(`/api/v1/tenders/${tenderId}/evaluators`, { userId: inkoper.userId });
    expect(also.status).toBe(409);
    expect(also.body.detail).toContain('Ellen Twee is inkoper bij Gemeente Lelystad en kan daarom niet in het beoordelingspanel');
    const panel = (await w.regioInkoper.get(`/api/v1/tenders/${tenderId}/panel`)).body as { members: { userId: string }[] };
    expect(panel.members.map((m) => m.userId)).toEqual([anna.userId, bert.userId]);

    // Almere's own tender: the regio's auditors do not read it, so there Dirk is only a beoordelaar.
    const almereTender = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier: exampleDossier() });
    expect((await w.almereInkoper.post(`/api/v1/tenders/${almereTender.body.id}/evaluators`, { userId: auditor.userId })).status).toBe(201);
  });

  it('does not offer it on the panel page, and refuses it there with the same message at the field', async () => {
    const frank = await createUser(
      [
        { organisationId: w.orgs.lelystad, role: 'beoordelaar' },
        { organisationId: w.orgs.regio, role: 'auditor' },
      ],
      'Frank Vier',
    );
    const browser = await loginPage(t, w.regioInkoper.email, PASSWORD);
    expect((await browser.get(`/aanbestedingen/${tenderId}/panel`)).html).not.toContain(frank.userId);
    const refused = await browser.post(`/aanbestedingen/${tenderId}/panel/beoordelaars`, { userId: frank.userId });
    expect(refused.status).toBe(409);
    expect(visibleText(refused.html)).toContain('Beoordelaar: Frank Vier is auditor bij Regio Flevoland en kan niet in het beoordelingspanel');
  });
});
