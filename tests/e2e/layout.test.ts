/**
 * Every page of the demo world in Chromium, at 1280 px and at 390 px, for a person of each
 * role (issue 16): axe-core on each (serious and critical violations fail), a full-page
 * screenshot under tests/e2e/screenshots/layout/ for a reviewer, and the layout checks of
 * support/layout-checks.ts: no word in a table cell broken inside, no amount or date wrapped,
 * no page wider than the screen (a wide table scrolls inside its own box), a tender's tab bar
 * that fits. The pages are enumerated from the app's route table (the pages' own Hono app)
 * and the demo world's ids, so a new page is covered without anyone adding it here.
 * `GW_LAYOUT_ROLES=auditor,admin` walks only those people (for working on one page).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/demo/demo-world.js';
import { webRoutes } from '../../src/web/web.routes.js';
import { createDemoApp, type DemoApp } from '../helpers/demo-app.js';
import { SCREENSHOTS, launchBrowser, seriousViolations, type StoryBrowser } from './support/browser.js';
import { layoutProblems, type LayoutProblem } from './support/layout-checks.js';

const WIDTHS = [1280, 390] as const;
/**
 * The axe rules whose outcome can change with the width: at 1280 px every WCAG 2.1 A/AA rule
 * runs; the same page at 390 px differs only in its layout (stacked header, scroll boxes), so
 * there these run. It halves the walk's time, which axe dominates (about a second a run).
 */
const NARROW_RULES = ['color-contrast', 'scrollable-region-focusable', 'target-size', 'meta-viewport', 'region'] as const;
const SHOTS = join(SCREENSHOTS, 'layout');

/**
 * Which of the tenders the person sees to walk: a running one (open, or in its standstill)
 * and an awarded one. Every page of every tender would take the run far past a few minutes
 * on a shared machine, and the pages of one status look alike across tenders.
 */
type Person = { email: string; role: string; tenders: readonly ('running' | 'awarded')[] };

/**
 * One person per role, and per kind of organisation where the pages differ: the regio's
 * inkoper (regional tenders, the comparison), a gemeente's inkoper with a tender in its
 * standstill, a beoordelaar on a running panel, the auditor, an organisation's admin and the
 * platform administrator.
 */
const PEOPLE: readonly Person[] = (
  [
    { email: 'inkoper@regio-ijsselland.demo', role: 'inkoper-regio', tenders: ['running', 'awarded'] },
    { email: 'inkoper@kampen.demo', role: 'inkoper-gemeente', tenders: ['running'] },
    { email: 'beoordelaar@zwolle.demo', role: 'beoordelaar', tenders: ['running'] },
    { email: 'auditor@ijsselland.demo', role: 'auditor', tenders: ['awarded'] },
    { email: 'admin@zwolle.demo', role: 'admin', tenders: ['awarded'] },
    { email: 'beheer@demo.gunningswijzer.nl', role: 'platformbeheer', tenders: [] },
  ] as Person[]
).filter((person) => process.env.GW_LAYOUT_ROLES === undefined || process.env.GW_LAYOUT_ROLES.split(',').includes(person.role));

/** Files, not pages. */
const NOT_PAGES = /\.(xlsx|csv)$/;

let demo: DemoApp;
let browser: StoryBrowser;
let page: Page;
let baseUrl: string;
let close: () => Promise<void>;

beforeAll(async () => {
  demo = await createDemoApp();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: demo.app.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  browser = await launchBrowser();
  page = browser.page;
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await close?.();
  demo?.close();
});

/**
 * The GET pages of the app with the demo's ids in them: the person's tenders (as the list
 * shows them), bid B1, criterion K1, the person's regio and the first user on the admin list.
 */
async function pagesFor(person: Person): Promise<string[]> {
  const paths = [
    ...new Set(
      webRoutes(demo.app.ctx)
        .routes.filter((r) => r.method === 'GET')
        .map((r) => r.path),
    ),
  ].filter((path) => !NOT_PAGES.test(path) && path !== '/inloggen');
  await page.goto(`${baseUrl}/aanbestedingen`);
  const tenderLinks = await page.$$eval('main a[href^="/aanbestedingen/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const tenderIds = [...new Set(tenderLinks.map((href) => href.split('/')[2] ?? ''))];
  const statusOf = (id: string) => demo.summary.tenders.find((t) => t.id === id)?.status;
  const running = person.tenders.includes('running') ? tenderIds.find((id) => statusOf(id) !== 'awarded') : undefined;
  const awarded = person.tenders.includes('awarded') ? tenderIds.find((id) => statusOf(id) === 'awarded') : undefined;
  const tenders = [running, awarded].filter((id): id is string => id !== undefined);
  const regionLinks = await page.$$eval('nav a[href^="/regio/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  await page.goto(`${baseUrl}/beheer/gebruikers`);
  const userLinks = await page.$$eval('main a[href^="/beheer/gebruikers/"]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  const out: string[] = [];
  for (const path of paths) {
    if (path.startsWith('/aanbestedingen/:id')) {
      for (const id of tenders) out.push(path.replace(':id', id).replace(':bidId', 'B1').replace(':criterionId', 'K1'));
    } else if (path.startsWith('/regio/:id')) {
      out.push(...regionLinks);
    } else if (path === '/beheer/gebruikers/:id') {
      out.push(...userLinks.slice(0, 1));
    } else out.push(path);
  }
  return out;
}

type Finding = { page: string; width: number; violations: string[]; problems: LayoutProblem[] };

const findings: Finding[] = [];
const seen = new Set<string>();

async function checkAt(path: string, name: string, width: number): Promise<Finding> {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  const violations = (await seriousViolations(page, width === 1280 ? undefined : NARROW_RULES)).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => String(n.target)).join(' ')})`,
  );
  return { page: path, width, violations, problems: await layoutProblems(page) };
}

const slug = (path: string) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => demo.summary.tenders.find((t) => t.id === id)?.reference ?? id.slice(0, 8))
    .replace(/^\//, '')
    .replace(/[^a-zA-Z0-9-]+/g, '_') || 'start';

/** The findings so far, for a reader while the walk goes on or after it timed out. */
const writeFindings = () =>
  writeFileSync(
    join(SHOTS, 'findings.json'),
    JSON.stringify(
      findings.filter((f) => f.violations.length > 0 || f.problems.length > 0),
      null,
      1,
    ),
  );

async function visitAll(person: Person): Promise<void> {
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('E-mailadres').fill(person.email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
  for (const path of await pagesFor(person)) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(`${baseUrl}${path}`);
    // Not this person's page (404/403).
    if ((response?.status() ?? 0) >= 400) continue;
    // A step that sends elsewhere in this state is checked where it lands, once.
    const landed = new URL(page.url()).pathname;
    const key = `${person.role} ${landed}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const width of WIDTHS) findings.push(await checkAt(landed, `${person.role}-${slug(landed)}`, width));
    writeFindings();
  }
}

it('shows the login page at 1280 and 390 px', async () => {
  await page.goto(`${baseUrl}/inloggen`);
  for (const width of WIDTHS) findings.push(await checkAt('/inloggen', 'uitgelogd-inloggen', width));
});

for (const person of PEOPLE) {
  it(`shows every page of the ${person.role} at 1280 and 390 px`, async () => visitAll(person), 300_000);
}

it('finds every page accessible, no word broken, nothing wider than the screen', () => {
  const failing = findings.filter((f) => f.violations.length > 0 || f.problems.length > 0);
  expect(
    failing
      .map((f) => `${f.width} ${f.page}\n  ${[...f.violations, ...f.problems.map((p) => `${p.kind} in ${p.where}: "${p.text}"`)].join('\n  ')}`)
      .join('\n'),
  ).toBe('');
  if (process.env.GW_LAYOUT_ROLES !== undefined) return;
  // Every role saw pages; the tender pages among them.
  expect(seen.size).toBeGreaterThan(30);
  expect([...seen].filter((key) => key.includes('/aanbestedingen/')).length).toBeGreaterThan(20);
});
