/**
 * Making a procedure in a real browser (issue 21): the inkoper starts it from the tender list
 * on `/nieuwe-procedure` (three lot rows, one per route), sets the award limitation with a
 * custom lot order (after a refused number), adds a lot as a copy of another on
 * the procedure's page, copies one lot's settings onto another after the confirmation dialog,
 * and deletes a procedure after its own. axe-core runs on every page visited; serious or
 * critical violations fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/seed.js';
import { checkPage, launchBrowser, type StoryBrowser } from './support/browser.js';
import { startStoryServer, type StoryServer } from './support/server.js';

let server: StoryServer;
let browser: StoryBrowser;
let page: Page;
const checks: Awaited<ReturnType<typeof checkPage>>[] = [];

beforeAll(async () => {
  server = await startStoryServer();
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => `${server.baseUrl}${path}`;
const visit = async (name: string) => {
  checks.push(await checkPage(page, `procedure-maken-${name}`));
};

it('takes the inkoper from an empty form to a procedure of four lots, and deletes it', async () => {
  await page.goto(url('/inloggen'));
  await page.getByLabel('E-mailadres').fill(server.users.inkoper);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(/\/aanbestedingen$/);

  await page.getByRole('link', { name: 'Start een procedure met percelen' }).first().click();
  await page.waitForURL(/\/nieuwe-procedure$/);
  await visit('formulier');
  await page.getByLabel('Kenmerk').fill('ZWL-2028-INB');
  await page.getByLabel('Titel (verplicht)').fill('Inburgering regio IJsselland 2028');
  const lots = page.locator('fieldset');
  for (const [i, title] of ['B1-route IJsselland', 'Onderwijsroute IJsselland', 'Z-route IJsselland'].entries()) {
    await lots.nth(i).getByLabel('Titel').fill(title);
  }
  // A typing error first: the form says so at the field, in Dutch, and keeps what was typed.
  await lots.nth(1).getByLabel('Id van het perceel').fill('L 2');
  await page.getByRole('button', { name: 'Procedure aanmaken' }).click();
  await page.getByText('Perceel 2: id').first().waitFor();
  await visit('fout');
  await page.locator('fieldset').nth(1).getByLabel('Id van het perceel').fill('L2');
  await page.getByRole('button', { name: 'Procedure aanmaken' }).click();
  await page.getByText('Procedure ZWL-2028-INB is aangemaakt met de percelen L1, L2, L3.').waitFor();
  await visit('procedure');

  // The limitation: first a number that is none (refused at its field), then at most one lot per school with L2 first.
  const limit = page.locator('#gunningsbeperking');
  await limit.getByLabel('Ten hoogste zoveel percelen per inschrijver').fill('0');
  await limit.getByRole('radio', { name: 'in de volgorde van de percelen' }).check();
  await page.getByRole('button', { name: 'Gunningsbeperking vastleggen' }).click();
  await page.getByText('vul een geheel getal van minstens 1 in').first().waitFor();
  await visit('beperking-fout');
  await limit.getByLabel('Ten hoogste zoveel percelen per inschrijver').fill('1');
  await limit.getByLabel('Positie L1').fill('2');
  await limit.getByLabel('Positie L2').fill('1');
  await page.getByRole('button', { name: 'Gunningsbeperking vastleggen' }).click();
  await page
    .getByText('De gunningsbeperking is vastgelegd. Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L2, L1, L3.')
    .waitFor();

  await page.getByLabel('Id van het perceel').fill('L4');
  await page.locator('#perceel-toevoegen').getByLabel('Titel').fill('Onderwijsroute Kampen');
  await page.getByLabel('Begin bij').selectOption('perceel:L2');
  await page.getByRole('button', { name: 'Perceel toevoegen' }).click();
  await page.getByText('Perceel L4 is toegevoegd').waitFor();

  await page.getByLabel('Van perceel').selectOption('L1');
  await page.getByLabel('Perceel L3 (Z-route IJsselland)').check();
  await page.getByRole('button', { name: 'Instellingen overnemen' }).click();
  const question = page.getByRole('dialog', { name: 'De instellingen overnemen?' });
  await question.getByText('Daarna wijzigt u elk perceel weer los.').waitFor();
  await visit('overnemen-vraag');
  await question.getByRole('button', { name: 'Ja, neem de instellingen over' }).click();
  await page.getByText('De instellingen van perceel L1 zijn overgenomen op perceel L3.').waitFor();

  await page.getByRole('link', { name: 'Procedure verwijderen' }).click();
  await page.getByText('U verwijdert procedure ZWL-2028-INB').waitFor();
  await visit('verwijderen');
  await page.getByRole('button', { name: 'Procedure verwijderen' }).click();
  await page.getByRole('dialog', { name: 'De procedure verwijderen?' }).getByRole('button', { name: 'Ja, verwijder de procedure' }).click();
  await page.getByText('De procedure ZWL-2028-INB is verwijderd, met al haar percelen').waitFor();

  const failing = checks.filter((c) => c.violations.length > 0);
  expect(
    failing.map((c) => `${c.name}: ${c.violations.map((v) => `${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`).join('; ')}`),
  ).toEqual([]);
}, 60_000);
