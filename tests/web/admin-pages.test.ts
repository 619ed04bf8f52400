/**
 * The admin pages and the account page (issue 15): where an administrator lands, the platform
 * administrator creating organisations, regio members and users, an organisation's admin
 * setting roles, disabling an account and setting a password, and every user managing its own
 * password and tokens. Each page goes through the service of its API route, so another
 * organisation's user is 404 here too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../helpers/client.js';
import { createPanelTender, runPanel } from '../helpers/panel.js';
import { ADMIN_EMAIL, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPageClient, loginPage, visibleText, type PageClient } from './page-client.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp();
  w = await seedWorld(t);
});
afterEach(() => t.close());

const NEW_PASSWORD = 'een heel nieuw wachtwoord';

async function landing(email: string): Promise<string | null> {
  return (await createPageClient(t).post('/inloggen', { email, password: PASSWORD })).location;
}

describe('where an administrator lands', () => {
  it('sends the platform administrator and an admin without tenders to the admin pages, everyone else to the tenders', async () => {
    expect(await landing(ADMIN_EMAIL)).toBe('/beheer');
    expect(await landing(w.almereAdmin.email)).toBe('/beheer');
    expect(await landing(w.almereInkoper.email)).toBe('/aanbestedingen');
    expect(await landing(w.almereBeoordelaar.email)).toBe('/aanbestedingen');
    const admin = await loginPage(t, ADMIN_EMAIL, PASSWORD);
    expect((await admin.get('/')).location).toBe('/beheer');
    expect((await admin.get('/beheer')).location).toBe('/beheer/organisaties');
    const almereAdmin = await loginPage(t, w.almereAdmin.email, PASSWORD);
    expect((await almereAdmin.get('/beheer')).location).toBe('/beheer/gebruikers');
    // With a tender of its organisation to read, the admin lands on the tenders.
    await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect(await landing(w.almereAdmin.email)).toBe('/aanbestedingen');
    // Going back to where one was going still wins.
    expect((await createPageClient(t).post('/inloggen?terug=%2Fmijn-account', { email: ADMIN_EMAIL, password: PASSWORD })).location).toBe('/mijn-account');
  });

  it('shows the admin pages in the menu of administrators only, and Mijn account to everyone', async () => {
    const admin = visibleText((await (await loginPage(t, w.almereAdmin.email, PASSWORD)).get('/aanbestedingen')).html);
    expect(admin).toContain('Beheer Mijn account');
    expect(admin).toContain('Gebruikers en organisaties beheert u bij Beheer');
    const inkoper = visibleText((await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get('/aanbestedingen')).html);
    expect(inkoper).not.toContain('Beheer');
    expect(inkoper).toContain('Mijn account');
    const refused = await (await loginPage(t, w.almereInkoper.email, PASSWORD)).get('/beheer/gebruikers');
    expect(refused.status).toBe(403);
  });
});

describe('the platform administrator', () => {
  it('creates a gemeente and a regio with members, adds a gemeente to a regio, and creates a user', async () => {
    const admin = await loginPage(t, ADMIN_EMAIL, PASSWORD);
    const form = await admin.get('/beheer/organisaties');
    expect(form.status).toBe(200);
    expect(visibleText(form.html)).toContain('Regio Flevoland regio Gemeente Almere, Gemeente Lelystad');
    const created = await admin.post('/beheer/organisaties', { name: 'Gemeente Dronten', kind: 'gemeente' });
    expect(created.location).toBe('/beheer/organisaties?gedaan=aangemaakt');
    const dronten = (await w.admin.get('/api/v1/organisations')).body.find((o: { name: string }) => o.name === 'Gemeente Dronten').id as string;
    const regio = await admin.post('/beheer/organisaties', { name: 'Regio Noord', kind: 'regio', [`lid.${dronten}`]: 'ja', [`lid.${w.orgs.utrecht}`]: 'ja' });
    expect(regio.status).toBe(303);
    const after = visibleText((await admin.get('/beheer/organisaties?gedaan=aangemaakt')).html);
    expect(after).toContain('De organisatie is aangemaakt.');
    expect(after).toContain('Regio Noord regio Gemeente Dronten, Gemeente Utrecht');
    // A gemeente joins Regio Flevoland, once.
    expect((await admin.post(`/beheer/organisaties/${w.orgs.regio}/leden`, { memberId: dronten })).location).toBe('/beheer/organisaties?gedaan=lid');
    const twice = await admin.post(`/beheer/organisaties/${w.orgs.regio}/leden`, { memberId: dronten });
    expect(twice.status).toBe(409);
    expect(visibleText(twice.html)).toContain('Let op: Gemeente Dronten is al lid van Regio Flevoland.');
    const empty = await admin.post('/beheer/organisaties', { name: '', kind: 'gemeente' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('href="#veld-name">Naam:');

    const user = await admin.post('/beheer/gebruikers', {
      name: 'Dirk Dronten',
      email: 'Dirk@Dronten.test',
      password: PASSWORD,
      organisationId: dronten,
      role: 'admin',
    });
    expect(user.status, visibleText(user.html).slice(0, 500)).toBe(303);
    const page = visibleText((await admin.get(user.location ?? '')).html);
    expect(page).toContain('De gebruiker is aangemaakt.');
    expect(page).toContain('E-mailadres dirk@dronten.test Rollen beheerder bij Gemeente Dronten Status actief');
    expect(await landing('dirk@dronten.test')).toBe('/beheer');
    const short = await admin.post('/beheer/gebruikers', {
      name: 'Kort',
      email: 'kort@dronten.test',
      password: 'kort',
      organisationId: dronten,
      role: 'inkoper',
    });
    expect(short.status).toBe(400);
    expect(short.html).toContain('href="#veld-password">Wachtwoord:');
  });

  it('is the only one who creates organisations', async () => {
    const almereAdmin = await loginPage(t, w.almereAdmin.email, PASSWORD);
    const list = await almereAdmin.get('/beheer/organisaties');
    expect(visibleText(list.html)).toContain('Gemeente Almere gemeente -');
    expect(visibleText(list.html)).not.toContain('Gemeente Utrecht');
    expect(list.html).not.toContain('action="/beheer/organisaties"');
    expect((await almereAdmin.post('/beheer/organisaties', { name: 'Gemeente X', kind: 'gemeente' })).status).toBe(403);
    expect((await almereAdmin.post(`/beheer/organisaties/${w.orgs.regio}/leden`, { memberId: w.orgs.utrecht })).status).toBe(403);
  });
});

describe("an organisation's admin", () => {
  let admin: PageClient;
  beforeEach(async () => {
    admin = await loginPage(t, w.almereAdmin.email, PASSWORD);
  });

  it("lists its organisation's users only and creates one in its organisation", async () => {
    const list = await admin.get('/beheer/gebruikers');
    expect(list.status).toBe(200);
    const text = visibleText(list.html);
    expect(text).toContain(`${w.almereInkoper.name} ${w.almereInkoper.email} inkoper bij Gemeente Almere actief`);
    expect(text).not.toContain(w.utrechtInkoper.email);
    expect(list.html).toContain(`<option value="${w.orgs.almere}">Gemeente Almere</option>`);
    expect(list.html).not.toContain(w.orgs.utrecht);
    const created = await admin.post('/beheer/gebruikers', {
      name: 'Bob Beoordelaar',
      email: 'bob@almere.test',
      password: PASSWORD,
      organisationId: w.orgs.almere,
      role: 'beoordelaar',
    });
    expect(created.status).toBe(303);
    // Another organisation is not one it can name: as on the API, 404.
    expect(
      (await admin.post('/beheer/gebruikers', { name: 'X', email: 'x@utrecht.test', password: PASSWORD, organisationId: w.orgs.utrecht, role: 'inkoper' }))
        .status,
    ).toBe(404);
  });

  it("sets a user's roles, disables and enables the account, and sets a new password", async () => {
    const page = `/beheer/gebruikers/${w.almereAuditor.userId}`;
    const roles = await admin.post(`${page}/rollen`, { [`rol.${w.orgs.almere}`]: 'inkoper' });
    expect(roles.location).toBe(`${page}?gedaan=rollen`);
    expect(visibleText((await admin.get(roles.location ?? '')).html)).toContain('De rollen zijn opgeslagen. Naam');
    expect((await w.almereAuditor.get('/api/v1/auth/me')).body.memberships).toEqual([{ organisationId: w.orgs.almere, role: 'inkoper' }]);
    const none = await admin.post(`${page}/rollen`, { [`rol.${w.orgs.almere}`]: '' });
    expect(none.status).toBe(400);
    expect(visibleText(none.html)).toContain('Rollen: kies minstens één rol; een account zonder rollen blokkeert u in plaats daarvan');

    const disabled = await admin.post(`${page}/blokkeren`, {});
    expect(disabled.location).toBe(`${page}?gedaan=geblokkeerd`);
    expect((await w.almereAuditor.get('/api/v1/auth/me')).status).toBe(401);
    const shown = visibleText((await admin.get(disabled.location ?? '')).html);
    expect(shown).toContain('Status geblokkeerd sinds 2 maart 2026');
    expect(shown).toContain('Account vrijgeven');
    expect((await admin.post(`${page}/vrijgeven`, {})).location).toBe(`${page}?gedaan=vrijgegeven`);

    const short = await admin.post(`${page}/wachtwoord`, { newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('href="#veld-newPassword">Nieuw wachtwoord:');
    expect((await admin.post(`${page}/wachtwoord`, { newPassword: NEW_PASSWORD })).location).toBe(`${page}?gedaan=wachtwoord`);
    expect((await createClient(t).post('/api/v1/auth/login', { email: w.almereAuditor.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it("refuses the inkoper role for a member of an open tender's panel, with the reason", async () => {
    const tender = await createPanelTender(w.almereInkoper, w.orgs.almere);
    await runPanel(w.almereInkoper, tender, [{ evaluator: w.almereBeoordelaar, scores: { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } } }]);
    const refused = await admin.post(`/beheer/gebruikers/${w.almereBeoordelaar.userId}/rollen`, { [`rol.${w.orgs.almere}`]: 'inkoper' });
    expect(refused.status).toBe(409);
    const text = visibleText(refused.html);
    expect(text).toContain(`De rollen zijn niet gewijzigd Let op: ${w.almereBeoordelaar.name} zit in het beoordelingspanel van FLV-2027-PANEL`);
    expect(refused.html).toContain(
      `href="#veld-rol-${w.orgs.almere}">Rol bij Gemeente Almere: ${w.almereBeoordelaar.name} zit in het beoordelingspanel van FLV-2027-PANEL; inkoper kan pas na de gunning</a>`,
    );
  });

  it("answers 404 for another organisation's user, and shows its own account without the forms", async () => {
    expect((await admin.get(`/beheer/gebruikers/${w.utrechtInkoper.userId}`)).status).toBe(404);
    expect((await admin.post(`/beheer/gebruikers/${w.utrechtInkoper.userId}/rollen`, { [`rol.${w.orgs.almere}`]: 'inkoper' })).status).toBe(404);
    expect((await admin.post(`/beheer/gebruikers/${w.utrechtInkoper.userId}/blokkeren`, {})).status).toBe(404);
    expect((await admin.post(`/beheer/gebruikers/${w.utrechtInkoper.userId}/wachtwoord`, { newPassword: NEW_PASSWORD })).status).toBe(404);
    expect((await w.utrechtInkoper.get('/api/v1/auth/me')).status).toBe(200);
    const own = await admin.get(`/beheer/gebruikers/${w.almereAdmin.userId}`);
    expect(visibleText(own.html)).toContain('Dit bent u zelf.');
    expect(own.html).not.toContain('/blokkeren"');
    // A forged post on its own account: the service's refusal, on the page.
    const forged = await admin.post(`/beheer/gebruikers/${w.almereAdmin.userId}/blokkeren`, {});
    expect(forged.status).toBe(409);
    expect(visibleText(forged.html)).toContain('U kunt uw eigen account niet blokkeren.');
  });
});

describe('Mijn account', () => {
  it('makes a token shown once, lists it, and revokes it; another user cannot revoke it', async () => {
    const page = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const made = await page.post('/mijn-account/tokens', { name: 'export' });
    expect(made.status).toBe(201);
    const token = /<code id="nieuw-token">(gwt_[^<]+)<\/code>/.exec(made.html)?.[1] ?? '';
    expect(token).not.toBe('');
    const script = createClient(t, { bearer: token });
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    const listed = await page.get('/mijn-account');
    expect(listed.html).not.toContain(token);
    expect(visibleText(listed.html)).toContain('export 2 maart 2026 31 mei 2026');
    const tokenId = /action="\/mijn-account\/tokens\/([^/]+)\/intrekken"/.exec(listed.html)?.[1] ?? '';
    const other = await loginPage(t, w.almereAdmin.email, PASSWORD);
    expect((await other.post(`/mijn-account/tokens/${tokenId}/intrekken`, {})).status).toBe(404);
    expect((await script.get('/api/v1/auth/me')).status).toBe(200);
    const revoked = await page.post(`/mijn-account/tokens/${tokenId}/intrekken`, {});
    expect(revoked.location).toBe('/mijn-account?gedaan=ingetrokken');
    expect((await script.get('/api/v1/auth/me')).status).toBe(401);
    expect(visibleText((await page.get('/mijn-account?gedaan=ingetrokken')).html)).toContain('Het token is ingetrokken; het werkt niet meer. Naam');
  });

  it('changes the own password with the current one, keeping this session', async () => {
    const page = await loginPage(t, w.almereInkoper.email, PASSWORD);
    const wrong = await page.post('/mijn-account/wachtwoord', { currentPassword: 'niet mijn wachtwoord', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('href="#veld-currentPassword">Huidig wachtwoord: is niet uw huidige wachtwoord</a>');
    const changed = await page.post('/mijn-account/wachtwoord', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.location).toBe('/mijn-account?gedaan=wachtwoord');
    expect((await page.get('/mijn-account')).status).toBe(200);
    // The API session of the same user (another session) has ended.
    expect((await w.almereInkoper.get('/api/v1/auth/me')).status).toBe(401);
  });
});
