/**
 * A procedure with three lots in a real browser (issue 21): the inkoper imports the region's
 * procedure file (an API route: there is no page for a file import), opens the lots, and then
 * works in pages: finds the procedure in the tender list, reads the award limitation and the
 * allocation with its reasons, follows a lot to its own pages and back. axe-core runs on every
 * page visited; serious or critical violations fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { checkPage, launchBrowser, type StoryBrowser } from './support/browser.js';
import { startStoryServer, type StoryServer } from './support/server.js';

let server: StoryServer;
let browser: StoryBrowser;
let page: Page;
const checks: Awaited<ReturnType<typeof checkPage>>[] = [];
let procedureId: string;
let lots: { lotId: string; tenderId: string }[];

beforeAll(async () => {
  server = await startStoryServer();
  const imported = await server.inkoperApi.post(`/api/v1/procedures/import?organisationId=${server.zwolle}`, exampleProcedure());
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  procedureId = imported.body.id;
  lots = imported.body.lots;
  for (const lot of lots) expect((await server.inkoperApi.post(`/api/v1/tenders/${lot.tenderId}/open`)).status).toBe(200);
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => `${server.baseUrl}${path}`;
const visit = async (name: string) => {
  checks.push(await checkPage(page, `procedure-${name}`));
};

it('shows the inkoper the procedure, its limitation and which school gets which lot, in pages', async () => {
  await page.goto(url('/inloggen'));
  await page.getByLabel('E-mailadres').fill(server.users.inkoper);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/aanbestedingen$/);
  await visit('aanbestedingen');

  // The tender list names the procedure above its lots; its link leads to the procedure page.
  await page.getByRole('link', { name: 'ZWL-2027-INB: Inburgering regio IJsselland 2027-2029' }).click();
  await page.waitForURL(new RegExp(`/procedures/${procedureId}$`));
  await visit('procedure');
  await page.getByText('Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2, L3.').waitFor();
  // Under the lot order NT2 Centrum Zwolle keeps L1; L2 goes to the next school, with the reason.
  const l2 = page.getByRole('row', { name: /^L2 Taalschool IJsselland/ });
  expect(await l2.innerText()).toMatch(/Taalschool IJsselland \(B1\)\s+NT2 Centrum Zwolle \(B2\)\s+Gegund aan de op één na beste inschrijving/);

  // A lot's own pages say which procedure it belongs to, and lead back.
  const second = lots.find((lot) => lot.lotId === 'L2');
  await page.locator(`a[href="/aanbestedingen/${second?.tenderId}"]`).first().click();
  await page.waitForURL(new RegExp(`/aanbestedingen/${second?.tenderId}$`));
  await visit('perceel-L2');
  await page.getByText('Perceel L2 van procedure').waitFor();
  await page.getByRole('link', { name: 'ZWL-2027-INB: Inburgering regio IJsselland 2027-2029' }).click();
  await page.waitForURL(new RegExp(`/procedures/${procedureId}$`));

  const failing = checks.filter((c) => c.violations.length > 0);
  expect(
    failing.map((c) => `${c.name}: ${c.violations.map((v) => `${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`).join('; ')}`),
  ).toEqual([]);
});
