import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPageClient, loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

describe('log in and out', () => {
  it('renders a Dutch login form with a label for every field', async () => {
    const page = await createPageClient(t).get('/inloggen');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/^<!doctype html><html lang="nl"/);
    expect(page.html).toContain('<label class="utrecht-form-label" for="veld-email">E-mailadres<span class="gw-required"> (verplicht)</span></label>');
    expect(page.html).toContain('<label class="utrecht-form-label" for="veld-password">Wachtwoord<span class="gw-required"> (verplicht)</span></label>');
    expect(page.html).toContain('href="#inhoud"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('sends a visitor who is not logged in to the login form and back afterwards', async () => {
    const client = createPageClient(t);
    const page = await client.get('/aanbestedingen');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/inloggen?terug=%2Faanbestedingen');
    const login = await client.post('/inloggen?terug=%2Faanbestedingen', { email: w.almereInkoper.email, password: PASSWORD });
    expect(login.status).toBe(303);
    expect(login.location).toBe('/aanbestedingen');
    expect(client.cookies.has('gw_session')).toBe(true);
  });

  it('sends the browser back only to a path of this site, whatever `terug` says', async () => {
    const bypasses = [
      '//evil.example/x',
      '%2F%5Cevil.example', // `/\evil.example`
      '/%09/evil.example', // `/<tab>/evil.example`
      '%2F%2509%2Fevil.example', // `/%09/evil.example`
      '%252F%252Fevil.example',
      '%5C%5Cevil.example',
      '%2F%255Cevil.example',
      'https%3A%2F%2Fevil.example',
      'javascript%3Aalert(1)',
      '%2Faanbestedingen%0D%0ASet-Cookie%3A%20gw_session%3Dx',
      `%2F${'a'.repeat(3000)}`,
    ];
    for (const terug of bypasses) {
      const client = createPageClient(t);
      const form = await client.get(`/inloggen?terug=${terug}`);
      expect(form.status, terug).toBe(200);
      expect(form.html).toContain('action="/inloggen?terug=%2Faanbestedingen"');
      const login = await client.post(`/inloggen?terug=${terug}`, { email: w.almereInkoper.email, password: PASSWORD });
      expect(login.status, terug).toBe(303);
      expect(login.location, terug).toBe('/aanbestedingen');
    }
    const client = createPageClient(t);
    const own = await client.post('/inloggen?terug=%2Faanbestedingen%2Fabc%2Fuitslag', { email: w.almereInkoper.email, password: PASSWORD });
    expect(own.location).toBe('/aanbestedingen/abc/uitslag');
  });

  it('shows a wrong password as an error at the top, and empty fields next to the field', async () => {
    const client = createPageClient(t);
    const wrong = await client.post('/inloggen', { email: w.almereInkoper.email, password: 'fout wachtwoord' });
    expect(wrong.status).toBe(401);
    expect(visibleText(wrong.html)).toContain('Inloggen is niet gelukt Let op: Het e-mailadres of het wachtwoord klopt niet.');
    const empty = await client.post('/inloggen', { email: '', password: '' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('aria-describedby="veld-email-fout"');
    expect(empty.html).toContain('<a class="utrecht-link utrecht-link--html-a" href="#veld-email">E-mailadres: vul uw e-mailadres in</a>');
  });

  it('ends the session server-side at logout', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const session = client.cookies.get('gw_session');
    expect((await client.post('/uitloggen', {})).location).toBe('/inloggen');
    expect(client.cookies.has('gw_session')).toBe(false);
    client.cookies.set('gw_session', session ?? '');
    expect((await client.get('/aanbestedingen')).status).toBe(303);
  });

  it('refuses a form post from another site (the same-origin check of the API)', async () => {
    const client = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const forged = await client.post(
      '/nieuwe-aanbesteding',
      { template: 'b1-route', reference: 'X', title: 'Y' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(forged.status).toBe(403);
    expect(visibleText(forged.html)).toContain('Verzoek van een andere website geweigerd');
  });
});

describe('the organisation switcher', () => {
  it('lets a user of two organisations choose which one the pages work for', async () => {
    const almere = w.orgs.almere;
    const extra = await createOrganisation(w.admin, { name: 'Gemeente Dronten', kind: 'gemeente' });
    const created = await w.admin.post('/api/v1/users', {
      email: 'twee@gemeente.test',
      name: 'Inkoper van twee',
      password: PASSWORD,
      memberships: [
        { organisationId: almere, role: 'inkoper' },
        { organisationId: extra, role: 'auditor' },
      ],
    });
    expect(created.status).toBe(201);
    const client = await loginPage(t, 'twee@gemeente.test', PASSWORD);
    const first = await client.get('/aanbestedingen');
    expect(first.html).toContain('<select id="organisatie-keuze"');
    expect(visibleText(first.html)).toContain('Aanbestedingen van Gemeente Almere');
    expect(visibleText(first.html)).toContain('Nieuwe aanbesteding');
    const switched = await client.post('/organisatie', { organisationId: extra });
    expect(switched.location).toBe('/aanbestedingen');
    const second = await client.get('/aanbestedingen');
    expect(visibleText(second.html)).toContain('Aanbestedingen van Gemeente Dronten');
    // An auditor there: no "new tender" in the menu.
    expect(visibleText(second.html)).not.toContain('Nieuwe aanbesteding');
    // A forged choice of an organisation the user does not belong to is ignored.
    client.cookies.set('gw_org', w.orgs.utrecht);
    expect(visibleText((await client.get('/aanbestedingen')).html)).toContain('Aanbestedingen van Gemeente Almere');
  });
});
