/**
 * @module
 * The world of the page tests: a new server with the seeded organisations and users
 * (tests/helpers/seed.ts) and one of them logged in on the pages, and a draft made on the
 * page from a template (tenders imported by API: tests/helpers/tenders.ts). One set-up for the page test files, so they start alike.
 */
import { expect } from 'vitest';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, type PageClient } from './page-client.js';

export type PageWorld = { t: TestApp; w: World; page: PageClient };

/** A new server and world, with `who` (default Almere's inkoper) logged in on the pages as `page`. */
export async function pageWorld(who: (w: World) => { email: string } = (w) => w.almereInkoper): Promise<PageWorld> {
  const t = createTestApp();
  const w = await seedWorld(t);
  return { t, w, page: await loginPage(t, who(w).email, PASSWORD) };
}

/**
 * A draft made on the page "Nieuwe aanbesteding" from the `b1-route` template with `fields`
 * (the form's own names and text); asserts the redirect to its settings page; the tender's id.
 */
export async function draftFromTemplate(
  page: PageClient,
  fields: { reference: string; title: string; estimatedValue?: string; expectedLearners?: string },
): Promise<string> {
  const created = await page.post('/nieuwe-aanbesteding', { template: 'b1-route', ...fields });
  expect(created.status, created.html.slice(0, 400)).toBe(303);
  const match = /^\/aanbestedingen\/([^/]+)\/instellingen$/.exec(created.location ?? '');
  expect(match, created.location ?? 'no location').not.toBeNull();
  return match?.[1] ?? '';
}
