/**
 * What a first start begins before the server's code is read (src/first-start.ts), and how
 * the server takes it over: the administrator made with the prepared password and hash, the
 * development key used for the certificate it keeps; and nothing begun on a later start.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv, type Env } from '../../src/env.js';
import { beginFirstStart } from '../../src/first-start.js';
import { preparePassword, verifyPassword } from '../../src/modules/auth/passwords.js';
import { ensurePlatformAdmin } from '../../src/modules/users/users.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

function envWith(values: Record<string, string>): Env {
  const parsed = parseEnv(values);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.env;
}

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('beginFirstStart', () => {
  it('begins the password hash and, without SIGNING_P12, a development key when the database file does not exist yet', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-first-'));
    const started = beginFirstStart(
      envWith({ DATABASE_PATH: join(directory, 'data', 'gw.db'), ADMIN_EMAIL: 'beheer@gemeente.test', ADMIN_PASSWORD: 'een lang genoeg wachtwoord' }),
    );
    expect(started.admin?.password).toBe('een lang genoeg wachtwoord');
    expect(await verifyPassword('een lang genoeg wachtwoord', await started.admin!.hash)).toBe(true);
    expect(await started.developmentKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);

    const generated = beginFirstStart(envWith({ DATABASE_PATH: join(directory, 'other.db'), SIGNING_P12: join(directory, 'signing.p12') }));
    expect(generated.admin?.password).toMatch(/^\S{24}$/);
    expect(generated.developmentKey).toBeUndefined();
    await generated.admin?.hash;
  });

  it('begins nothing when the database file exists already', () => {
    const directory = mkdtempSync(join(tmpdir(), 'gw-first-'));
    const path = join(directory, 'gw.db');
    writeFileSync(path, '');
    expect(beginFirstStart(envWith({ DATABASE_PATH: path }))).toEqual({});
  });
});

describe('ensurePlatformAdmin with a prepared password', () => {
  it('makes the administrator with the prepared generated password, and prints that one', async () => {
    t = createTestApp();
    const prepared = preparePassword('voorbereid-wachtwoord-24x', t.ctx.config.passwordHash);
    const admin = await ensurePlatformAdmin(t.ctx, { email: 'beheer@gemeente.test', prepared });
    expect(admin).toEqual({ created: true, email: 'beheer@gemeente.test', generatedPassword: 'voorbereid-wachtwoord-24x' });
    const login = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beheer@gemeente.test', password: 'voorbereid-wachtwoord-24x' }),
    });
    expect(login.status).toBe(200);
  });

  it('hashes afresh when the prepared password is another one, or of another cost', async () => {
    t = createTestApp();
    const otherCost = preparePassword('het geconfigureerde wachtwoord', { N: 2048, r: 8, p: 1 });
    await ensurePlatformAdmin(t.ctx, { email: 'beheer@gemeente.test', password: 'het geconfigureerde wachtwoord', prepared: otherCost });
    const stored = t.ctx.queries.auth.findUserByEmail('beheer@gemeente.test')?.passwordHash ?? '';
    expect(stored.startsWith(`scrypt$${t.ctx.config.passwordHash.N}$`)).toBe(true);
    expect(stored).not.toBe(await otherCost.hash);
    expect(await verifyPassword('het geconfigureerde wachtwoord', stored)).toBe(true);
  });
});
