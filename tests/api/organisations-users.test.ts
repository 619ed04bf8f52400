import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMember, createOrganisation, loginClient, PASSWORD, seedPlatformAdmin } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let admin: TestClient;
beforeEach(async () => {
  t = createTestApp();
  admin = await seedPlatformAdmin(t);
});
afterEach(() => t.close());

describe('POST /api/v1/organisations', () => {
  it('creates a regio listing its member gemeenten', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const response = await admin.post('/api/v1/organisations', { name: 'Regio Flevoland', kind: 'regio', memberIds: [almere] });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), name: 'Regio Flevoland', kind: 'regio', memberIds: [almere] });
  });

  it('refuses members that are not gemeenten, unknown or repeated, naming each', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const regio = await createOrganisation(admin, { name: 'Regio A', kind: 'regio' });
    const response = await admin.post('/api/v1/organisations', {
      name: 'Regio B',
      kind: 'regio',
      memberIds: [almere, regio, 'missing', almere],
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'memberIds[1]', message: 'een deelnemer moet een gemeente zijn' },
      { path: 'memberIds[2]', message: 'no such organisation' },
      { path: 'memberIds[3]', message: 'listed twice' },
    ]);
  });

  it('is for the platform administrator only', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const orgAdmin = await createMember(t, admin, { organisationId: almere, role: 'admin' });
    const response = await orgAdmin.post('/api/v1/organisations', { name: 'Gemeente X', kind: 'gemeente' });
    expect(response.status).toBe(403);
  });
});

describe('POST /api/v1/users', () => {
  it('lets an organisation admin add a user to its own organisation', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const orgAdmin = await createMember(t, admin, { organisationId: almere, role: 'admin' });
    const response = await orgAdmin.post('/api/v1/users', {
      email: 'Inkoper@Almere.nl',
      name: 'Ingrid Inkoper',
      password: PASSWORD,
      memberships: [{ organisationId: almere, role: 'inkoper' }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: 'inkoper@almere.nl',
      name: 'Ingrid Inkoper',
      isPlatformAdmin: false,
      memberships: [{ organisationId: almere, role: 'inkoper' }],
    });
    const me = await (await loginClient(t, 'inkoper@almere.nl')).get('/api/v1/auth/me');
    expect(me.body.memberships).toEqual([{ organisationId: almere, role: 'inkoper' }]);
  });

  it('answers 404 to an organisation admin naming another organisation, 403 to a non-admin member', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const utrecht = await createOrganisation(admin, { name: 'Gemeente Utrecht', kind: 'gemeente' });
    const orgAdmin = await createMember(t, admin, { organisationId: almere, role: 'admin' });
    const inkoper = await createMember(t, admin, { organisationId: almere, role: 'inkoper' });
    const body = (organisationId: string) => ({
      email: `x${organisationId}@x.nl`,
      name: 'X',
      password: PASSWORD,
      memberships: [{ organisationId, role: 'inkoper' }],
    });
    expect((await orgAdmin.post('/api/v1/users', body(utrecht))).status).toBe(404);
    expect((await orgAdmin.post('/api/v1/users', body('no-such-org'))).status).toBe(404);
    expect((await inkoper.post('/api/v1/users', body(almere))).status).toBe(403);
  });

  it('refuses a second account with the same address (any case) with 409', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    const body = { email: 'a@almere.nl', name: 'A', password: PASSWORD, memberships: [{ organisationId: almere, role: 'auditor' }] };
    expect((await admin.post('/api/v1/users', body)).status).toBe(201);
    const again = await admin.post('/api/v1/users', { ...body, email: 'A@ALMERE.NL' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: 'email', message: 'already in use' }]);
  });

  it('stores the password as an scrypt hash that carries its parameters', async () => {
    const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
    await createMember(t, admin, { organisationId: almere, role: 'inkoper', email: 'hash@almere.nl' });
    const row = t.db.sqlite.prepare('SELECT password_hash AS h FROM users WHERE email = ?').get('hash@almere.nl') as { h: string };
    expect(row.h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(row.h).not.toContain(PASSWORD);
  });
});
