/**
 * Issue 16, one Dutch vocabulary: no internal identifier reaches a person. Every page of the
 * app's own route table (tests/helpers/routes.ts), for every person of the demo world
 * (scripts/demo/) including the platform administrator, on every tender (open, award
 * proposed, awarded, and a draft added here), is scanned for the identifiers of the
 * vocabulary module (`knownIdentifiers`, its keys and the audit actions) in its visible text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';
import { ADMIN_EMAIL, DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import { webRoutes } from '../../src/web/web.routes.js';
import { createClient } from '../helpers/client.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { fillTenderPath } from '../helpers/routes.js';
import { identifierPattern, leakedIdentifiers } from '../helpers/identifier-scan.js';
import { loginPage, visibleText } from './page-client.js';

describe('the identifier scan', () => {
  const pattern = identifierPattern(knownIdentifiers());
  it('is made from the vocabulary: statuses, rules, presets, review states, verdicts, audit actions and subjects', () => {
    const ids = knownIdentifiers();
    for (const id of [
      'award-proposed',
      'below-estimate',
      'mean-of-others',
      'nl-default',
      'explanation-requested',
      'resists-underbidding',
      'tender.import',
      'low-bid-review.request-explanation',
      'bid',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain('open');
  });

  it('finds an identifier as a word and not inside another word', () => {
    expect(leakedIdentifiers('Handeling tender.import door bid B3 (below-estimate).', pattern)).toEqual(['tender.import', 'bid', 'below-estimate']);
    expect(leakedIdentifiers('De bidder heeft een inschrijving; status open, gunnen op waarde.', pattern)).toEqual([]);
  });
});

describe('every page of the demo world', () => {
  let demo: DemoApp;
  let draftId: string;

  beforeAll(async () => {
    demo = await createDemoApp();
    // The demo has no tender in preparation; one imported here gives the draft pages (settings, bids, delete, opening).
    const inkoper = createClient(demo.app);
    expect((await inkoper.post('/api/v1/auth/login', { email: 'inkoper@zwolle.demo', password: DEMO_PASSWORD })).status).toBe(200);
    const response = await inkoper.post('/api/v1/tenders/import', { organisationId: demo.summary.organisations.zwolle, dossier: exampleDossier() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    draftId = response.body.id as string;
  }, 120_000);
  afterAll(() => demo?.close());

  it('shows no internal identifier in the visible text of any page, for any person', async () => {
    const pattern = identifierPattern(knownIdentifiers());
    const routes = webRoutes(demo.app.ctx).routes.filter((r) => r.method === 'GET' && !r.path.startsWith('/voorbeelden/') && r.path !== '/inloggen');
    const unique = [...new Set(routes.map((r) => r.path))];
    const tenderIds = [...demo.summary.tenders.map((t) => t.id), draftId];
    const people = [...USERS.map((u) => u.email), ADMIN_EMAIL];
    const someUser = demo.app.ctx.queries.auth.findUserByEmail('inkoper@zwolle.demo')?.id as string;
    const fill = (route: string): string[] => {
      if (route.startsWith('/aanbestedingen/:id')) return tenderIds.map((id) => fillTenderPath(route, id));
      if (route === '/regio/:id/vergelijking') return [route.replace(':id', demo.summary.organisations.regio)];
      if (route === '/beheer/gebruikers/:id') return [route.replace(':id', someUser)];
      return [route];
    };
    // "route: identifier" once, with the first person and page that showed it.
    const leaks = new Map<string, string>();
    const shown = new Set<string>();
    for (const email of people) {
      const client = await loginPage(demo.app, email, DEMO_PASSWORD);
      for (const route of unique) {
        for (const path of fill(route)) {
          const response = await client.get(path);
          if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) continue;
          shown.add(path);
          for (const id of leakedIdentifiers(visibleText(response.html), pattern)) {
            if (!leaks.has(`${route}: ${id}`)) leaks.set(`${route}: ${id}`, `${email} ${path}`);
          }
        }
      }
    }
    // The walk reached the pages: every page of every tender in each status, and the administrator's pages.
    for (const id of tenderIds)
      for (const tab of ['', '/instellingen', '/inschrijvingen', '/uitslag', '/audit']) expect(shown).toContain(`/aanbestedingen/${id}${tab}`);
    for (const path of ['/beheer/gebruikers', '/beheer/organisaties', '/mijn-account', `/regio/${demo.summary.organisations.regio}/vergelijking`])
      expect(shown).toContain(path);
    expect(shown).toContain(`/aanbestedingen/${draftId}/openen`);
    expect([...leaks.keys()]).toEqual([]);
  }, 600_000);
});
