/**
 * Administration in a real browser (issue 15): the platform administrator creates an
 * organisation, a regio with a member gemeente and users; the new organisation's admin lands
 * on the admin pages, sets a user's role and disables the account; a user makes a token on
 * its account page and revokes it. axe-core runs on every page visited; serious or critical
 * violations fail the test. Screenshots land in tests/e2e/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL, PASSWORD } from '../helpers/seed.js';
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

const visit = async (name: string) => {
  checks.push(await checkPage(page, `beheer-${name}`));
};
const url = (path: string) => `${server.baseUrl}${path}`;

async function logIn(email: string, landsOn: RegExp) {
  await page.goto(url('/inloggen'));
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(landsOn);
}

async function logOut() {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/inloggen$/);
}

it('lets the administrators do their work in pages, accessibly', async () => {
  // The platform administrator lands on the organisations: there is only Zwolle.
  await logIn(ADMIN_EMAIL, /\/beheer\/organisaties$/);
  await visit('organisaties');
  const newOrganisation = page.locator('form[action="/beheer/organisaties"]');
  await newOrganisation.getByLabel('Naam').fill('Gemeente Kampen');
  await newOrganisation.getByRole('button', { name: 'Organisatie aanmaken' }).click();
  await page.getByText('De organisatie is aangemaakt.').waitFor();
  await page.getByRole('rowheader', { name: 'Gemeente Kampen' }).waitFor();
  // A regio with Zwolle as its member, then Kampen joins it.
  await newOrganisation.getByLabel('Naam').fill('Regio IJsselland');
  await newOrganisation.getByLabel('Soort').selectOption('regio');
  await newOrganisation.getByLabel('Gemeente Zwolle').check();
  await newOrganisation.getByRole('button', { name: 'Organisatie aanmaken' }).click();
  await page.getByText('De organisatie is aangemaakt.').waitFor();
  const join = page.locator('form').filter({ hasText: 'Gemeente toevoegen aan Regio IJsselland' });
  await join.getByLabel('Gemeente').selectOption({ label: 'Gemeente Kampen' });
  await join.getByRole('button', { name: 'Toevoegen aan Regio IJsselland' }).click();
  await page.getByText('De gemeente is lid van de regio.').waitFor();
  await page.getByRole('cell', { name: 'Gemeente Kampen, Gemeente Zwolle' }).waitFor();
  await visit('organisaties-aangemaakt');

  // Kampen's admin, and a colleague for it to manage.
  for (const person of [
    { name: 'Karin Kok', email: 'admin@kampen.test', role: 'beheerder' },
    { name: 'Koen Kuiper', email: 'koen@kampen.test', role: 'beoordelaar' },
  ]) {
    await page.goto(url('/beheer/gebruikers'));
    const form = page.locator('form[action="/beheer/gebruikers"]');
    await form.getByLabel('Naam').fill(person.name);
    await form.getByLabel('E-mailadres').fill(person.email);
    await form.getByLabel('Wachtwoord').fill(PASSWORD);
    await form.getByLabel('Organisatie').selectOption({ label: 'Gemeente Kampen' });
    await form.getByLabel('Rol').selectOption({ label: person.role });
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await page.getByText('De gebruiker is aangemaakt.').waitFor();
  }
  await visit('gebruiker-aangemaakt');
  await page.goto(url('/beheer/gebruikers'));
  await visit('gebruikers-platform');
  await logOut();

  // Kampen's admin has no tenders: it lands on its users.
  await logIn('admin@kampen.test', /\/beheer\/gebruikers$/);
  await visit('gebruikers-organisatie');
  expect(await page.getByRole('cell', { name: server.users.inkoper }).count()).toBe(0);
  await page.getByRole('link', { name: 'Koen Kuiper' }).click();
  await visit('gebruiker');
  await page.getByLabel('Rol bij Gemeente Kampen').selectOption({ label: 'auditor' });
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await page.getByText('De rollen zijn opgeslagen.').waitFor();
  await page.getByText('auditor bij Gemeente Kampen').waitFor();
  await page.getByRole('button', { name: 'Account blokkeren' }).click();
  await page.getByText('Het account is geblokkeerd; alle sessies en tokens zijn beëindigd.').waitFor();
  await page.getByText(/Status\s*geblokkeerd sinds/).waitFor();
  await visit('gebruiker-geblokkeerd');
  await logOut();

  // A user makes a token for a script and revokes it.
  await logIn(server.users.inkoper, /\/aanbestedingen$/);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await visit('mijn-account');
  await page.getByLabel('Naam van het token').fill('export naar de administratie');
  await page.getByRole('button', { name: 'Token maken' }).click();
  await page.getByText('Kopieer het nu: het wordt niet nog eens getoond.').waitFor();
  expect(await page.locator('#nieuw-token').textContent()).toMatch(/^gwt_/);
  await visit('token-gemaakt');
  await page.getByRole('button', { name: 'Token export naar de administratie intrekken' }).click();
  await page.getByText('Het token is ingetrokken; het werkt niet meer.').waitFor();
  await page.getByText('U heeft geen tokens.').waitFor();
  await visit('token-ingetrokken');

  const failing = checks.filter((c) => c.violations.length > 0);
  expect(
    failing.map((c) => `${c.name}: ${c.violations.map((v) => `${v.id} (${v.impact}) ${v.help} ${JSON.stringify(v.nodes.slice(0, 3))}`).join('; ')}`),
  ).toEqual([]);
  expect(checks.length).toBeGreaterThanOrEqual(10);
});
