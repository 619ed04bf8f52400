/**
 * Administration through the API (issue 15): listing organisations and users in the
 * administrator's scope, a gemeente joining a regio, setting a user's roles, an administrator
 * setting a new password, and the panel's candidates by name. Each route answers 404 to
 * another organisation, and refuses a role that would make a panel member inkoper or auditor
 * of the tender it scores (docs/access.md "Seating on the panel").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../helpers/client.js';
import { createPanelTender, runPanel, setConsensus } from '../helpers/panel.js';
import { createMember, loginClient, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, LONG_SESSIONS, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp(LONG_SESSIONS);
  w = await seedWorld(t);
});
afterEach(() => t.close());

const NEW_PASSWORD = 'een heel nieuw wachtwoord';

async function createUser(email: string, memberships: { organisationId: string; role: string }[]): Promise<string> {
  const response = await w.admin.post('/api/v1/users', { email, name: `Gebruiker ${email.split('@')[0]}`, password: PASSWORD, memberships });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const eventsOf = (action: string) =>
  (
    t.db.sqlite
      .prepare('SELECT organisation_id AS organisationId, entity_id AS entityId, tender_id AS tenderId, change FROM audit_events WHERE action = ? ORDER BY seq')
      .all(action) as {
      organisationId: string | null;
      entityId: string;
      tenderId: string | null;
      change: string;
    }[]
  ).map((e) => ({ ...e, change: JSON.parse(e.change) }));

describe('GET /api/v1/organisations', () => {
  it('lists every organisation for the platform administrator, a regio with its members', async () => {
    const response = await w.admin.get('/api/v1/organisations');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: w.orgs.almere, name: 'Gemeente Almere', kind: 'gemeente', memberIds: [] },
      { id: w.orgs.lelystad, name: 'Gemeente Lelystad', kind: 'gemeente', memberIds: [] },
      { id: w.orgs.utrecht, name: 'Gemeente Utrecht', kind: 'gemeente', memberIds: [] },
      { id: w.orgs.regio, name: 'Regio Flevoland', kind: 'regio', memberIds: expect.arrayContaining([w.orgs.almere, w.orgs.lelystad]) },
    ]);
  });

  it('lists only the organisations an admin administers, and refuses anyone who administers none', async () => {
    expect((await w.almereAdmin.get('/api/v1/organisations')).body).toEqual([{ id: w.orgs.almere, name: 'Gemeente Almere', kind: 'gemeente', memberIds: [] }]);
    expect((await w.almereInkoper.get('/api/v1/organisations')).status).toBe(403);
  });
});

describe('POST /api/v1/organisations/:id/members', () => {
  it('lets the platform administrator add a gemeente to a regio, with its audit event', async () => {
    const response = await w.admin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.utrecht });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      id: w.orgs.regio,
      name: 'Regio Flevoland',
      kind: 'regio',
      memberIds: expect.arrayContaining([w.orgs.almere, w.orgs.lelystad, w.orgs.utrecht]),
    });
    // Utrecht's inkoper now reads the regio's comparison, as a member gemeente's does.
    expect((await w.utrechtInkoper.get(`/api/v1/regions/${w.orgs.regio}/comparison`)).status).toBe(200);
    const [event] = eventsOf('organisation.members.add');
    expect(event).toMatchObject({ organisationId: w.orgs.regio, entityId: w.orgs.regio, tenderId: null, change: { added: w.orgs.utrecht } });
    expect(event?.change.after.memberIds).toHaveLength(3);
  });

  it('refuses what is no regio, no gemeente or already a member', async () => {
    const notRegio = await w.admin.post(`/api/v1/organisations/${w.orgs.almere}/members`, { memberId: w.orgs.utrecht });
    expect(notRegio.status).toBe(409);
    expect(notRegio.body.detail).toBe('Gemeente Almere is geen regio en heeft geen leden.');
    const regioAsMember = await w.admin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.regio });
    expect(regioAsMember.status).toBe(400);
    expect(regioAsMember.body.errors).toEqual([{ path: 'memberId', message: 'Regio Flevoland is geen gemeente; alleen een gemeente is lid van een regio' }]);
    expect((await w.admin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: 'bestaat-niet' })).status).toBe(400);
    expect((await w.admin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.almere })).status).toBe(409);
  });

  it('answers 404 to another organisation and 403 to a member of the regio who is not the platform administrator', async () => {
    expect((await w.utrechtInkoper.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.utrecht })).status).toBe(404);
    expect((await w.utrechtInkoper.post('/api/v1/organisations/bestaat-niet/members', { memberId: w.orgs.utrecht })).status).toBe(404);
    const regioAdmin = await createMember(t, w.admin, { organisationId: w.orgs.regio, role: 'admin' });
    expect((await regioAdmin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.utrecht })).status).toBe(403);
  });

  it("refuses a gemeente whose auditor sits on the panel of one of the regio's open tenders", async () => {
    // A beoordelaar of Almere (so of the regio) who is also auditor of Utrecht, on a regio tender's panel.
    const id = await createUser('dubbel@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'beoordelaar' },
      { organisationId: w.orgs.utrecht, role: 'auditor' },
    ]);
    const tender = await createPanelTender(w.regioInkoper, w.orgs.regio);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${tender}/evaluators`, { userId: id })).status).toBe(201);
    const refused = await w.admin.post(`/api/v1/organisations/${w.orgs.regio}/members`, { memberId: w.orgs.utrecht });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'Gemeente Utrecht kan pas lid worden van Regio Flevoland als die aanbestedingen gegund zijn: ' +
        'Gebruiker dubbel is auditor bij Gemeente Utrecht en zit in het beoordelingspanel van FLV-2027-PANEL (Inburgering B1-route, beoordeling door een panel) van Regio Flevoland; ' +
        'wie de aanbesteding als inkoper of auditor volgt, ziet prijzen en scores en kan niet blind beoordelen.',
    );
    expect(eventsOf('organisation.members.add')).toEqual([]);
  });
});

describe('GET /api/v1/users and /api/v1/users/:id', () => {
  it('lists every account for the platform administrator', async () => {
    const response = await w.admin.get('/api/v1/users');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(9);
    expect(response.body).toContainEqual({
      id: w.almereInkoper.userId,
      email: w.almereInkoper.email,
      name: w.almereInkoper.name,
      isPlatformAdmin: false,
      disabledAt: null,
      memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }],
      mayManage: true,
    });
  });

  it("lists an admin's own organisations' users, with only those memberships, and whether it may manage each", async () => {
    const shared = await createUser('gedeeld@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'inkoper' },
      { organisationId: w.orgs.utrecht, role: 'auditor' },
    ]);
    const response = await w.almereAdmin.get('/api/v1/users');
    expect(response.status).toBe(200);
    const ids = (response.body as { id: string }[]).map((u) => u.id).sort();
    expect(ids).toEqual([w.almereInkoper.userId, w.almereAuditor.userId, w.almereBeoordelaar.userId, w.almereAdmin.userId, shared].sort());
    const other = (response.body as { id: string }[]).find((u) => u.id === shared);
    // Its role at Utrecht is Utrecht's business; an account of two organisations is managed by an admin of both.
    expect(other).toMatchObject({ memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }], mayManage: false });
    const self = (response.body as { id: string; mayManage: boolean }[]).find((u) => u.id === w.almereAdmin.userId);
    expect(self?.mayManage).toBe(false);
    expect((await w.almereInkoper.get('/api/v1/users')).status).toBe(403);
  });

  it('reads one user for its admin and itself; 403 for a colleague, 404 for another organisation', async () => {
    expect((await w.almereAdmin.get(`/api/v1/users/${w.almereInkoper.userId}`)).body).toMatchObject({ id: w.almereInkoper.userId, mayManage: true });
    expect((await w.almereInkoper.get(`/api/v1/users/${w.almereInkoper.userId}`)).body).toMatchObject({ id: w.almereInkoper.userId, mayManage: false });
    expect((await w.almereInkoper.get(`/api/v1/users/${w.almereAuditor.userId}`)).status).toBe(403);
    expect((await w.almereAdmin.get(`/api/v1/users/${w.utrechtInkoper.userId}`)).status).toBe(404);
    expect((await w.utrechtInkoper.get(`/api/v1/users/${w.almereInkoper.userId}`)).status).toBe(404);
    expect((await w.almereAdmin.get('/api/v1/users/bestaat-niet')).status).toBe(404);
  });
});

describe('PUT /api/v1/users/:id/memberships', () => {
  it("sets a user's roles, effective at the very next request, with one event per organisation concerned", async () => {
    const token = await w.almereBeoordelaar.post('/api/v1/auth/tokens', { name: 'script' });
    const script = createClient(t, { bearer: token.body.token });
    expect((await script.get('/api/v1/auth/me')).body.memberships).toEqual([{ organisationId: w.orgs.almere, role: 'beoordelaar' }]);
    const response = await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, {
      memberships: [
        { organisationId: w.orgs.almere, role: 'auditor' },
        { organisationId: w.orgs.lelystad, role: 'beoordelaar' },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.memberships).toEqual(
      [
        { organisationId: w.orgs.almere, role: 'auditor' },
        { organisationId: w.orgs.lelystad, role: 'beoordelaar' },
      ].sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
    );
    // The session and the (cached) token both see the new roles at once.
    expect((await w.almereBeoordelaar.get('/api/v1/auth/me')).body.memberships).toHaveLength(2);
    expect((await script.get('/api/v1/auth/me')).body.memberships).toHaveLength(2);
    const events = eventsOf('user.memberships.set');
    expect(events.map((e) => e.organisationId).sort()).toEqual([w.orgs.almere, w.orgs.lelystad].sort());
    expect(events[0]?.change).toEqual({
      before: { memberships: [{ organisationId: w.orgs.almere, role: 'beoordelaar' }] },
      after: {
        memberships: [
          { organisationId: w.orgs.almere, role: 'auditor' },
          { organisationId: w.orgs.lelystad, role: 'beoordelaar' },
        ],
      },
    });
    // The same set again changes nothing and writes nothing.
    expect(
      (
        await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, {
          memberships: [
            { organisationId: w.orgs.lelystad, role: 'beoordelaar' },
            { organisationId: w.orgs.almere, role: 'auditor' },
          ],
        })
      ).status,
    ).toBe(200);
    expect(eventsOf('user.memberships.set')).toHaveLength(2);
  });

  it('lets an organisation admin set roles within its organisation only', async () => {
    const ok = await w.almereAdmin.put(`/api/v1/users/${w.almereAuditor.userId}/memberships`, {
      memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await w.almereAuditor.get('/api/v1/auth/me')).body.memberships).toEqual([{ organisationId: w.orgs.almere, role: 'inkoper' }]);
    // Another organisation's role: the admin does not know Utrecht.
    const elsewhere = await w.almereAdmin.put(`/api/v1/users/${w.almereAuditor.userId}/memberships`, {
      memberships: [{ organisationId: w.orgs.utrecht, role: 'inkoper' }],
    });
    expect(elsewhere.status).toBe(404);
  });

  it("answers 403 to an admin of only some of the user's organisations, for roles and for a new password", async () => {
    const shared = await createUser('gedeeld@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'inkoper' },
      { organisationId: w.orgs.utrecht, role: 'auditor' },
    ]);
    const roles = await w.almereAdmin.put(`/api/v1/users/${shared}/memberships`, { memberships: [{ organisationId: w.orgs.almere, role: 'auditor' }] });
    expect(roles.status).toBe(403);
    expect(roles.body.detail).toBe('Alleen een beheerder van alle organisaties van deze gebruiker, of de platformbeheerder, kan dit account beheren.');
    expect((await w.almereAdmin.post(`/api/v1/users/${shared}/password`, { newPassword: NEW_PASSWORD })).status).toBe(403);
    expect(eventsOf('user.memberships.set')).toEqual([]);
    expect(eventsOf('user.password.reset')).toEqual([]);
  });

  it('answers 404 to another organisation, also with a body that would not validate', async () => {
    expect(
      (await w.almereAdmin.put(`/api/v1/users/${w.utrechtInkoper.userId}/memberships`, { memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }] }))
        .status,
    ).toBe(404);
    expect((await w.utrechtInkoper.put(`/api/v1/users/${w.almereInkoper.userId}/memberships`, {})).status).toBe(404);
    expect(
      (await w.almereInkoper.put(`/api/v1/users/${w.almereAuditor.userId}/memberships`, { memberships: [{ organisationId: w.orgs.almere, role: 'admin' }] }))
        .status,
    ).toBe(403);
  });

  it("refuses no roles at all, and the caller's own roles", async () => {
    const empty = await w.admin.put(`/api/v1/users/${w.almereInkoper.userId}/memberships`, { memberships: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('memberships');
    const own = await w.almereAdmin.put(`/api/v1/users/${w.almereAdmin.userId}/memberships`, {
      memberships: [{ organisationId: w.orgs.almere, role: 'inkoper' }],
    });
    expect(own.status).toBe(409);
    expect(own.body.detail).toBe('U kunt uw eigen rollen niet wijzigen; vraag een andere beheerder of de platformbeheerder.');
  });

  it('refuses inkoper or auditor for a member of the panel of an open tender it scores, and allows it after the award', async () => {
    const scores = { B1: { K1: 8, K2: 6 }, B2: { K1: 6, K2: 6 } };
    const tender = await createPanelTender(w.regioInkoper, w.orgs.regio);
    await runPanel(w.regioInkoper, tender, [{ evaluator: w.almereBeoordelaar, scores }]);
    const refused = await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, {
      memberships: [
        { organisationId: w.orgs.almere, role: 'beoordelaar' },
        { organisationId: w.orgs.lelystad, role: 'inkoper' },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      `${w.almereBeoordelaar.name} zit in het beoordelingspanel van FLV-2027-PANEL (Inburgering B1-route, beoordeling door een panel) en kan daarom geen inkoper bij Gemeente Lelystad worden ` +
        'zolang die aanbesteding niet is gegund: wie de aanbesteding als inkoper of auditor volgt, ziet prijzen en scores en kan niet blind beoordelen.',
    );
    expect(refused.body.errors).toEqual([
      { path: 'memberships[1].role', message: `${w.almereBeoordelaar.name} zit in het beoordelingspanel van FLV-2027-PANEL; inkoper kan pas na de gunning` },
    ]);
    expect(eventsOf('user.memberships.set')).toEqual([]);
    // A role that does not count for the tender's organisation is no problem: Utrecht is not in the regio.
    const elsewhere = await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, {
      memberships: [
        { organisationId: w.orgs.almere, role: 'beoordelaar' },
        { organisationId: w.orgs.utrecht, role: 'auditor' },
      ],
    });
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(200);
    // After the award the panel's work is done.
    await setConsensus(w.regioInkoper, tender, scores);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${tender}/award-decision`)).status).toBe(200);
    t.clock.set('2026-04-01T09:00:00Z');
    expect((await w.regioInkoper.post(`/api/v1/tenders/${tender}/award`)).status).toBe(200);
    const after = await w.admin.put(`/api/v1/users/${w.almereBeoordelaar.userId}/memberships`, {
      memberships: [{ organisationId: w.orgs.lelystad, role: 'inkoper' }],
    });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    // On that tender it stays a beoordelaar (resolveTenderAccess): no prices through the new role.
    const client = await loginClient(t, w.almereBeoordelaar.email);
    expect((await client.get(`/api/v1/tenders/${tender}/evaluation`)).status).toBe(403);
  });
});

describe('POST /api/v1/users/:id/password', () => {
  it('sets a new password and ends every session and token of the user', async () => {
    const token = await w.almereInkoper.post('/api/v1/auth/tokens', { name: 'script' });
    const script = createClient(t, { bearer: token.body.token });
    const response = await w.almereAdmin.post(`/api/v1/users/${w.almereInkoper.userId}/password`, { newPassword: NEW_PASSWORD });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect((await w.almereInkoper.get('/api/v1/auth/me')).status).toBe(401);
    expect((await script.get('/api/v1/auth/me')).status).toBe(401);
    expect((await createClient(t).post('/api/v1/auth/login', { email: w.almereInkoper.email, password: PASSWORD })).status).toBe(401);
    expect((await createClient(t).post('/api/v1/auth/login', { email: w.almereInkoper.email, password: NEW_PASSWORD })).status).toBe(200);
    const [event] = eventsOf('user.password.reset');
    expect(event).toEqual({
      organisationId: w.orgs.almere,
      entityId: w.almereInkoper.userId,
      tenderId: null,
      change: { sessionsEnded: 1, tokensRevoked: [{ id: token.body.id, name: 'script' }] },
    });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it("answers 404 to another organisation, 403 to a colleague, 409 for the caller's own account, 400 for a short password", async () => {
    expect((await w.almereAdmin.post(`/api/v1/users/${w.utrechtInkoper.userId}/password`, { newPassword: NEW_PASSWORD })).status).toBe(404);
    expect((await w.utrechtInkoper.post(`/api/v1/users/${w.almereInkoper.userId}/password`, {})).status).toBe(404);
    expect((await w.almereInkoper.post(`/api/v1/users/${w.almereAuditor.userId}/password`, { newPassword: NEW_PASSWORD })).status).toBe(403);
    const own = await w.almereAdmin.post(`/api/v1/users/${w.almereAdmin.userId}/password`, { newPassword: NEW_PASSWORD });
    expect(own.status).toBe(409);
    expect((await w.almereAdmin.post(`/api/v1/users/${w.almereInkoper.userId}/password`, { newPassword: 'kort' })).status).toBe(400);
    // Nothing was ended by the refusals.
    expect((await w.almereInkoper.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('GET /api/v1/tenders/:id/evaluator-candidates', () => {
  it("offers the beoordelaars of the regio's gemeenten by name, without those seated, disabled or acting as officer", async () => {
    const tender = await createPanelTender(w.regioInkoper, w.orgs.regio, { open: false });
    const lelystad = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
    const disabled = await createMember(t, w.admin, { organisationId: w.orgs.lelystad, role: 'beoordelaar' });
    expect((await w.admin.post(`/api/v1/users/${disabled.userId}/disable`)).status).toBe(200);
    const officer = await createUser('officier@gemeente.test', [
      { organisationId: w.orgs.almere, role: 'beoordelaar' },
      { organisationId: w.orgs.lelystad, role: 'auditor' },
    ]);
    const outsider = await createMember(t, w.admin, { organisationId: w.orgs.utrecht, role: 'beoordelaar' });
    const response = await w.regioInkoper.get(`/api/v1/tenders/${tender}/evaluator-candidates`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      [
        { userId: w.almereBeoordelaar.userId, name: w.almereBeoordelaar.name, email: w.almereBeoordelaar.email, organisations: ['Gemeente Almere'] },
        { userId: lelystad.userId, name: lelystad.name, email: lelystad.email, organisations: ['Gemeente Lelystad'] },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const ids = (response.body as { userId: string }[]).map((c) => c.userId);
    expect(ids).not.toContain(officer);
    expect(ids).not.toContain(outsider.userId);
    expect((await w.regioInkoper.post(`/api/v1/tenders/${tender}/evaluators`, { userId: lelystad.userId })).status).toBe(201);
    expect(((await w.regioInkoper.get(`/api/v1/tenders/${tender}/evaluator-candidates`)).body as { userId: string }[]).map((c) => c.userId)).toEqual([
      w.almereBeoordelaar.userId,
    ]);
  });

  it('answers 404 to another organisation and 403 to an auditor', async () => {
    const tender = await createPanelTender(w.almereInkoper, w.orgs.almere, { open: false });
    expect((await w.utrechtInkoper.get(`/api/v1/tenders/${tender}/evaluator-candidates`)).status).toBe(404);
    expect((await w.almereAuditor.get(`/api/v1/tenders/${tender}/evaluator-candidates`)).status).toBe(403);
    expect((await w.almereInkoper.get(`/api/v1/tenders/${tender}/evaluator-candidates`)).body).toEqual([
      { userId: w.almereBeoordelaar.userId, name: w.almereBeoordelaar.name, email: w.almereBeoordelaar.email, organisations: ['Gemeente Almere'] },
    ]);
  });
});
