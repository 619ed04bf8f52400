/**
 * A procedure with three lots in a real browser (issue 21): the inkoper imports the region's
 * procedure file (an API route: there is no page for a file import), opens two lots, and then
 * works in pages: finds the procedure in the tender list, reads the award limitation and the
 * allocation with its reasons, follows a lot to its own pages and back, takes the award
 * decision for every lot at once and makes the letters, one per school. On a second procedure
 * it seats a beoordelaar on every lot from the procedure's panel page, and the beoordelaar
 * declares once there. axe-core runs on every page visited; serious or critical violations
 * fail the test.
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
  // L2 and L3 are opened; L1 stays in preparation (its flagged low bid would need its review first).
  for (const lot of lots.slice(1)) expect((await server.inkoperApi.post(`/api/v1/tenders/${lot.tenderId}/open`)).status).toBe(200);
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

it('takes the inkoper from the procedure and its allocation to the award decision and the letters, in pages', async () => {
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
  const cells = (await l2.locator('th, td').allTextContents()).map((cell) => cell.trim());
  expect(cells.slice(0, 3)).toEqual(['L2', 'Taalschool IJsselland (B1)', 'NT2 Centrum Zwolle (B2)']);
  expect(cells[3]).toMatch(/^Gegund aan de op één na beste inschrijving/);

  // A lot's own pages say which procedure it belongs to, and lead back.
  const second = lots.find((lot) => lot.lotId === 'L2');
  await page.locator(`a[href="/aanbestedingen/${second?.tenderId}"]`).first().click();
  await page.waitForURL(new RegExp(`/aanbestedingen/${second?.tenderId}$`));
  await visit('perceel-L2');
  await page.getByText('Perceel L2 van procedure').waitFor();
  await page.getByRole('link', { name: 'ZWL-2027-INB: Inburgering regio IJsselland 2027-2029' }).click();
  await page.waitForURL(new RegExp(`/procedures/${procedureId}$`));

  // The award decision for every lot at once asks first, then names each lot's school.
  await page.getByRole('button', { name: 'Gunningsbeslissing nemen' }).click();
  const question = page.getByRole('dialog', { name: 'De gunningsbeslissing nemen voor de percelen?' });
  await question.getByText('begint per perceel de opschortende termijn').waitFor();
  await visit('beslissing-vraag');
  await question.getByRole('button', { name: 'Ja, neem de gunningsbeslissing' }).click();
  await page.getByText('De gunningsbeslissing is genomen: perceel L2 aan Taalschool IJsselland (B1), perceel L3 aan Het Taalhuis Kampen (B2).').waitFor();
  await visit('beslist');

  // One signed letter per school over its lots, listed by the school's name.
  await page.getByRole('button', { name: 'Gunningsbrieven maken' }).click();
  await page.getByText(/gunningsbrieven zijn gemaakt en ondertekend, één per inschrijver/).waitFor();
  await page.getByRole('link', { name: 'Gunningsbrief aan NT2 Centrum Zwolle (KvK 05234567) downloaden (PDF)' }).waitFor();
  await visit('brieven');

  const failing = checks.filter((c) => c.violations.length > 0);
  expect(
    failing.map((c) => `${c.name}: ${c.violations.map((v) => `${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`).join('; ')}`),
  ).toEqual([]);
});

it("seats a beoordelaar on every lot from the procedure's panel page, and the beoordelaar declares once", async () => {
  const imported = await server.inkoperApi.post(`/api/v1/procedures/import?organisationId=${server.zwolle}`, exampleProcedure());
  expect(imported.status).toBe(201);
  const panelUrl = url(`/procedures/${imported.body.id}/panel`);
  const panelChecks: typeof checks = [];
  await page.goto(panelUrl);
  const anna = await page.locator('#veld-userId option', { hasText: 'anna@zwolle.test' }).getAttribute('value');
  await page.getByLabel('Beoordelaar', { exact: true }).selectOption(anna ?? '');
  await page.getByRole('button', { name: 'Toewijzen aan elk perceel' }).click();
  await page
    .getByRole('row', { name: /anna@zwolle\.test/ })
    .getByText('toegewezen, nog niet verklaard')
    .nth(2)
    .waitFor();
  panelChecks.push(await checkPage(page, 'procedure-panel'));

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/inloggen/);
  await page.getByLabel('E-mailadres').fill(server.users.evaluatorA);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/aanbestedingen$/);
  await page.goto(panelUrl);
  await page.getByText('U verklaart over deze 4 inschrijvers, op alle percelen samen:').waitFor();
  panelChecks.push(await checkPage(page, 'procedure-verklaring'));
  await page.getByLabel('Ik heb geen belang bij een van deze inschrijvers').check();
  await page.getByRole('button', { name: 'Verklaring afleggen voor alle percelen' }).click();
  await page.getByText('U heeft verklaard geen belang te hebben bij de inschrijvers; u beoordeelt elk perceel.').waitFor();
  for (const lot of ['L1', 'L2', 'L3']) await page.getByRole('link', { name: `naar het beoordelen van perceel ${lot}` }).waitFor();

  expect(panelChecks.filter((c) => c.violations.length > 0).map((c) => `${c.name}: ${c.violations.map((v) => `${v.id} ${v.help}`).join('; ')}`)).toEqual([]);
});
