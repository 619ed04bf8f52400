/**
 * A user's own bearer tokens (list, revoke, logout with a token) and changing one's own
 * password, which ends every other session and every token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/lib/secrets.js';
import { createClient, type TestClient } from '../helpers/client.js';
import { loginClient, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let w: World;
beforeEach(async () => {
  t = createTestApp({ loginMaxAttempts: 3 });
  w = await seedWorld(t);
});
afterEach(() => t.close());

const NEW_PASSWORD = 'een heel ander wachtwoord 2';

async function issueToken(client: TestClient, name: string): Promise<{ id: string; token: string; client: TestClient }> {
  const issued = await client.post('/api/v1/auth/tokens', { name });
  expect(issued.status).toBe(201);
  return { id: issued.body.id, token: issued.body.token, client: createClient(t, { bearer: issued.body.token }) };
}

function auditEvents(action: string): { actorUserId: string | null; entityId: string; change: any }[] {
  return (
    t.db.sqlite.prepare('SELECT actor_user_id AS actorUserId, entity_id AS entityId, change FROM audit_events WHERE action = ? ORDER BY seq').all(action) as {
      actorUserId: string | null;
      entityId: string;
      change: string;
    }[]
  ).map((e) => ({ ...e, change: JSON.parse(e.change) }));
}

describe('GET /api/v1/auth/tokens', () => {
  it("lists the caller's own tokens, oldest first, without their secret or hash", async () => {
    const first = await issueToken(w.almereInkoper, 'import script');
    t.clock.advance(1000);
    const second = await issueToken(w.almereInkoper, 'rapportage');
    await issueToken(w.almereAuditor, 'van een ander');
    const list = await w.almereInkoper.get('/api/v1/auth/tokens');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { id: first.id, name: 'import script', createdAt: '2026-03-02T09:00:00.000Z', expiresAt: '2026-05-31T09:00:00.000Z', lastUsedAt: null },
      { id: second.id, name: 'rapportage', createdAt: '2026-03-02T09:00:01.000Z', expiresAt: '2026-05-31T09:00:01.000Z', lastUsedAt: null },
    ]);
    const text = JSON.stringify(list.body);
    for (const secret of [first.token, second.token, sha256Hex(first.token), sha256Hex(second.token)]) expect(text).not.toContain(secret);
  });

  it('tells when a token was last used, to the minute', async () => {
    const { id, client } = await issueToken(w.almereInkoper, 'script');
    const lastUsed = async () => (await w.almereInkoper.get('/api/v1/auth/tokens')).body.find((x: { id: string }) => x.id === id).lastUsedAt;
    t.clock.advance(5 * 60_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect(await lastUsed()).toBe('2026-03-02T09:05:00.000Z');
    // Within the minute the row is not written again: reads stay reads.
    t.clock.advance(30_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect(await lastUsed()).toBe('2026-03-02T09:05:00.000Z');
    t.clock.advance(30_000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect(await lastUsed()).toBe('2026-03-02T09:06:00.000Z');
  });
});

describe('DELETE /api/v1/auth/tokens/:tokenId', () => {
  it('revokes an own token: the next request with it is refused, and the audit trail says so', async () => {
    const { id, client } = await issueToken(w.almereInkoper, 'script');
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    const revoked = await w.almereInkoper.request('DELETE', `/api/v1/auth/tokens/${id}`);
    expect(revoked.status).toBe(204);
    const refused = await client.get('/api/v1/auth/me');
    expect(refused.status).toBe(401);
    expect((await w.almereInkoper.get('/api/v1/auth/tokens')).body).toEqual([]);
    expect(auditEvents('auth.token.revoke')).toEqual([
      { actorUserId: w.almereInkoper.userId, entityId: id, change: { before: { name: 'script', expiresAt: '2026-05-31T09:00:00.000Z' }, reason: 'revoke' } },
    ]);
    // Once gone, it is not found again.
    expect((await w.almereInkoper.request('DELETE', `/api/v1/auth/tokens/${id}`)).status).toBe(404);
  });

  it("answers 404 for another user's token, also to the platform administrator, and the token keeps working", async () => {
    const { id, client } = await issueToken(w.almereAuditor, 'script');
    for (const other of [w.almereInkoper, w.almereAdmin, w.admin]) {
      const response = await other.request('DELETE', `/api/v1/auth/tokens/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('/problems/not-found');
    }
    expect((await w.almereInkoper.request('DELETE', '/api/v1/auth/tokens/bestaat-niet')).status).toBe(404);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect(auditEvents('auth.token.revoke')).toEqual([]);
  });

  it('can be done with the token itself', async () => {
    const { id, client } = await issueToken(w.almereInkoper, 'script');
    expect((await client.request('DELETE', `/api/v1/auth/tokens/${id}`)).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('POST /api/v1/auth/logout with a bearer token', () => {
  it('revokes that token only: the session and the other tokens of the user keep working', async () => {
    const used = await issueToken(w.almereInkoper, 'klaar');
    const other = await issueToken(w.almereInkoper, 'blijft');
    expect((await used.client.get('/api/v1/auth/me')).status).toBe(200);
    const response = await used.client.post('/api/v1/auth/logout');
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await used.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await other.client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await w.almereInkoper.get('/api/v1/auth/me')).status).toBe(200);
    expect(auditEvents('auth.token.revoke').map((e) => [e.entityId, e.change.reason])).toEqual([[used.id, 'logout']]);
  });
});

describe('POST /api/v1/auth/password', () => {
  it('changes the password and ends the other sessions and every token; the current session stays', async () => {
    const me = w.almereInkoper;
    const otherSession = await loginClient(t, me.email);
    const first = await issueToken(me, 'script');
    t.clock.advance(1000);
    const second = await issueToken(otherSession, 'tweede');
    // Both tokens resolved once, so they sit in the credential cache.
    expect((await first.client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await second.client.get('/api/v1/auth/me')).status).toBe(200);
    const changed = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toEqual({ sessionsEnded: 1, tokensRevoked: 2 });
    expect((await me.get('/api/v1/auth/me')).status).toBe(200);
    expect((await otherSession.get('/api/v1/auth/me')).status).toBe(401);
    expect((await first.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await second.client.get('/api/v1/auth/me')).status).toBe(401);
    // The old password no longer logs in; the new one does.
    expect((await createClient(t).post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).status).toBe(401);
    expect((await createClient(t).post('/api/v1/auth/login', { email: me.email, password: NEW_PASSWORD })).status).toBe(200);
    const [event] = auditEvents('user.password.change');
    expect(event).toEqual({
      actorUserId: me.userId,
      entityId: me.userId,
      change: {
        sessionsEnded: 1,
        tokensRevoked: [
          { id: first.id, name: 'script' },
          { id: second.id, name: 'tweede' },
        ],
      },
    });
    const stored = JSON.stringify(t.db.sqlite.prepare("SELECT * FROM audit_events WHERE action = 'user.password.change'").all());
    expect(stored).not.toContain(NEW_PASSWORD);
    expect(stored).not.toContain(PASSWORD);
  });

  it('made with a bearer token, ends that token too, and every session', async () => {
    const me = w.almereInkoper;
    const { client } = await issueToken(me, 'script');
    const changed = await client.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.body).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await me.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a wrong current password, and a new one equal to it or too short, changing nothing', async () => {
    const me = w.almereInkoper;
    const otherSession = await loginClient(t, me.email);
    const wrong = await me.post('/api/v1/auth/password', { currentPassword: 'niet mijn wachtwoord', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'is niet uw huidige wachtwoord' }]);
    const same = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([{ path: 'newPassword', message: 'moet verschillen van het huidige wachtwoord' }]);
    const short = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { path: string }) => e.path)).toEqual(['newPassword']);
    expect((await otherSession.get('/api/v1/auth/me')).status).toBe(200);
    expect(auditEvents('user.password.change')).toEqual([]);
    expect((await createClient(t).post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).status).toBe(200);
  });

  it('counts a wrong current password against the login limit', async () => {
    const me = w.almereInkoper;
    for (let i = 0; i < 3; i += 1) {
      expect((await me.post('/api/v1/auth/password', { currentPassword: `geraden ${i}`, newPassword: NEW_PASSWORD })).status).toBe(400);
    }
    const limited = await me.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    // The same count as the login of that account from this client.
    expect((await createClient(t).post('/api/v1/auth/login', { email: me.email, password: PASSWORD })).status).toBe(429);
  });

  it('needs a logged-in caller', async () => {
    const anonymous = await createClient(t).post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(anonymous.status).toBe(401);
  });
});
