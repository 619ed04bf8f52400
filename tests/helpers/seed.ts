/**
 * @module
 * A small world through the API: a platform administrator, two gemeenten in a regio, one
 * outside gemeente, and logged-in clients per role.
 */
import { expect } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { ensurePlatformAdmin } from '../../src/modules/users/users.service.js';
import { createClient, type TestClient } from './client.js';
import type { TestApp } from './test-app.js';

export const ADMIN_EMAIL = 'beheer@gunningswijzer.test';
export const PASSWORD = 'correct horse battery staple';

export async function loginClient(t: TestApp, email: string, password = PASSWORD): Promise<TestClient> {
  const client = createClient(t);
  const response = await client.post('/api/v1/auth/login', { email, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return client;
}

export async function seedPlatformAdmin(t: TestApp): Promise<TestClient> {
  await ensurePlatformAdmin(t.ctx, { email: ADMIN_EMAIL, password: PASSWORD });
  return loginClient(t, ADMIN_EMAIL);
}

export async function createOrganisation(admin: TestClient, input: { name: string; kind: 'gemeente' | 'regio'; memberIds?: string[] }): Promise<string> {
  const response = await admin.post('/api/v1/organisations', input);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

let userCounter = 0;

/** Creates a user with one membership and returns a logged-in client for it. */
export async function createMember(
  t: TestApp,
  admin: TestClient,
  { organisationId, role, email }: { organisationId: string; role: Role; email?: string },
): Promise<TestClient & { userId: string; email: string; name: string }> {
  userCounter += 1;
  const address = email ?? `${role}-${userCounter}@gemeente.test`;
  const name = `${role} ${userCounter}`;
  const response = await admin.post('/api/v1/users', {
    email: address,
    name,
    password: PASSWORD,
    memberships: [{ organisationId, role }],
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const client = await loginClient(t, address);
  return Object.assign(client, { userId: response.body.id as string, email: address, name });
}

export type World = Awaited<ReturnType<typeof seedWorld>>;

export async function seedWorld(t: TestApp) {
  const admin = await seedPlatformAdmin(t);
  const almere = await createOrganisation(admin, { name: 'Gemeente Almere', kind: 'gemeente' });
  const lelystad = await createOrganisation(admin, { name: 'Gemeente Lelystad', kind: 'gemeente' });
  const regio = await createOrganisation(admin, { name: 'Regio Flevoland', kind: 'regio', memberIds: [almere, lelystad] });
  const utrecht = await createOrganisation(admin, { name: 'Gemeente Utrecht', kind: 'gemeente' });
  return {
    admin,
    orgs: { almere, lelystad, regio, utrecht },
    almereInkoper: await createMember(t, admin, { organisationId: almere, role: 'inkoper' }),
    almereAuditor: await createMember(t, admin, { organisationId: almere, role: 'auditor' }),
    almereBeoordelaar: await createMember(t, admin, { organisationId: almere, role: 'beoordelaar' }),
    almereAdmin: await createMember(t, admin, { organisationId: almere, role: 'admin' }),
    lelystadInkoper: await createMember(t, admin, { organisationId: lelystad, role: 'inkoper' }),
    regioInkoper: await createMember(t, admin, { organisationId: regio, role: 'inkoper' }),
    utrechtInkoper: await createMember(t, admin, { organisationId: utrecht, role: 'inkoper' }),
    utrechtAuditor: await createMember(t, admin, { organisationId: utrecht, role: 'auditor' }),
  };
}
