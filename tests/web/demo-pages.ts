/**
 * @module
 * Every page of the demo world as its readers see it: each GET page of the app's own route
 * table (tests/helpers/routes.ts), for every person of the demo world (scripts/demo/) and the
 * platform administrator, on every demo tender and a draft imported here (with a procedure of
 * three lots and a beoordelaar on its one panel), as visible text.
 * The vocabulary tests (identifiers, word choices) scan these texts.
 */
import { ADMIN_EMAIL, DEMO_PASSWORD, USERS } from '../../scripts/demo/demo-world.js';
import { webRoutes } from '../../src/web/web.routes.js';
import { createClient } from '../helpers/client.js';
import type { DemoApp } from '../helpers/demo-app.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { fillTenderPath } from '../helpers/routes.js';
import { loginPage, visibleText } from './page-client.js';

export type DemoPage = { route: string; path: string; email: string; text: string };

/** Imports a draft tender (the demo has none in preparation) and answers its id. */
export async function importDraftTender(demo: DemoApp): Promise<string> {
  const inkoper = createClient(demo.app);
  const login = await inkoper.post('/api/v1/auth/login', { email: 'inkoper@zwolle.demo', password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const response = await inkoper.post('/api/v1/tenders/import', { organisationId: demo.summary.organisations.zwolle, dossier: exampleDossier() });
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${JSON.stringify(response.body)}`);
  // And a procedure with three lots (issue 21), whose page the walk reads too.
  const procedure = await inkoper.post(`/api/v1/procedures/import?organisationId=${demo.summary.organisations.zwolle}`, exampleProcedure());
  if (procedure.status !== 201) throw new Error(`procedure import failed: ${procedure.status} ${JSON.stringify(procedure.body)}`);
  // A beoordelaar on the procedure's one panel, so the walk reads its declaration page too.
  const evaluator = demo.app.ctx.queries.auth.findUserByEmail('beoordelaar2@zwolle.demo')?.id;
  const seated = await inkoper.post(`/api/v1/procedures/${procedure.body.id}/evaluators`, { userId: evaluator });
  if (seated.status !== 201) throw new Error(`seating on the procedure failed: ${seated.status} ${JSON.stringify(seated.body)}`);
  return response.body.id as string;
}

/** The procedures of the walk's world (`importDraftTender` adds one). */
export function procedureIds(demo: DemoApp): string[] {
  return (demo.db.sqlite.prepare('SELECT id FROM procedures ORDER BY created_at').all() as { id: string }[]).map((r) => r.id);
}

/** The HTML pages every person can open, with their visible text. */
export async function demoPages(demo: DemoApp, draftId: string): Promise<DemoPage[]> {
  const routes = webRoutes(demo.app.ctx).routes.filter((r) => r.method === 'GET' && !r.path.startsWith('/voorbeelden/') && r.path !== '/inloggen');
  const unique = [...new Set(routes.map((r) => r.path))];
  const tenderIds = [...demo.summary.tenders.map((t) => t.id), draftId];
  const people = [...USERS.map((u) => u.email), ADMIN_EMAIL];
  const someUser = demo.app.ctx.queries.auth.findUserByEmail('inkoper@zwolle.demo')?.id as string;
  const fill = (route: string): string[] => {
    if (route.startsWith('/aanbestedingen/:id')) return tenderIds.map((id) => fillTenderPath(route, id));
    if (route === '/regio/:id/vergelijking') return [route.replace(':id', demo.summary.organisations.regio)];
    if (route === '/beheer/gebruikers/:id') return [route.replace(':id', someUser)];
    if (route.startsWith('/procedures/:id')) return procedureIds(demo).map((id) => route.replace(':id', id));
    return [route];
  };
  const pages: DemoPage[] = [];
  for (const email of people) {
    const client = await loginPage(demo.app, email, DEMO_PASSWORD);
    for (const route of unique) {
      for (const path of fill(route)) {
        const response = await client.get(path);
        if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) continue;
        pages.push({ route, path, email, text: visibleText(response.html) });
      }
    }
  }
  return pages;
}
