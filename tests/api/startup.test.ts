/**
 * The real entry point (`npm start`): bad configuration stops it with one line per problem;
 * a fresh database file is created and migrated, and the audit chain's head signed, before
 * `/health` answers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = ['--import', 'tsx', join(ROOT, 'src/index.ts')];

describe('starting the server', () => {
  it('refuses invalid configuration with one clear line per problem and exit code 1', () => {
    const result = spawnSync(process.execPath, ENTRY, {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc', LOG_LEVEL: 'loud', ADMIN_EMAIL: 'x@y.nl', ADMIN_PASSWORD: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Ongeldige configuratie: PORT: moet een geheel getal zijn',
      'Ongeldige configuratie: LOG_LEVEL: moet een van deze zijn: debug, info, warn, error, silent',
      'Ongeldige configuratie: ADMIN_PASSWORD: ADMIN_EMAIL en ADMIN_PASSWORD horen samen: zet ze allebei of geen van beide',
    ]);
  });

  it('creates and migrates the database, prints a one-time admin password, then serves /health', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-start-'));
    const databasePath = join(dir, 'data', 'gunningswijzer.db');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATABASE_PATH: databasePath };
    delete env.ADMIN_EMAIL;
    delete env.ADMIN_PASSWORD;
    const child = spawn(process.execPath, ENTRY, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(stderr)), 30_000);
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const match = /"url":"(http:[^"]+)"/.exec(stderr);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(existsSync(databasePath)).toBe(true);
      expect(stdout).toMatch(/^Platformbeheerder aangemaakt: admin@localhost\nEenmalig gegenereerd wachtwoord: \S{24}\n/);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      // The audit chain's head (the administrator's creation) is signed before the server listens.
      const signed = stderr
        .split('\n')
        .findIndex((line) => line.includes('"message":"laatste hash van de audittrail ondertekend"') && line.includes('"reason":"start"'));
      expect(signed).toBeGreaterThanOrEqual(0);
      expect(signed).toBeLessThan(stderr.split('\n').findIndex((line) => line.includes('"message":"bereikbaar"')));
      expect(stderr).toContain(
        '"message":"standaardwaarden voor ontwikkeling in gebruik: stel deze in voordat u publiceert","unset":["PUBLIC_BASE_URL","OCDS_OCID_PREFIX","API_CONTACT_EMAIL"]',
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes the base URL and API contact of its configuration, and then warns of nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-start-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      DATABASE_PATH: join(dir, 'gunningswijzer.db'),
      PUBLIC_BASE_URL: 'https://gunningswijzer.ijsselland.example.nl/',
      OCDS_OCID_PREFIX: 'ocds-ijs123',
      API_CONTACT_NAME: 'Team Inkoop Regio IJsselland',
      API_CONTACT_EMAIL: 'inkoop@ijsselland.example.nl',
    };
    delete env.API_CONTACT_URL;
    const child = spawn(process.execPath, ENTRY, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(stderr)), 30_000);
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const match = /"url":"(http:[^"]+)"/.exec(stderr);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const document = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as { info: { contact: unknown } };
      expect(document.info.contact).toEqual({
        name: 'Team Inkoop Regio IJsselland',
        email: 'inkoop@ijsselland.example.nl',
        url: 'https://gunningswijzer.ijsselland.example.nl',
      });
      expect(stderr).not.toContain('standaardwaarden voor ontwikkeling');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with one line when the previous signing certificates cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-start-'));
    try {
      const result = spawnSync(process.execPath, ENTRY, {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'gunningswijzer.db'), SIGNING_PREVIOUS_CERTIFICATES: join(dir, 'absent.pem') },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^Ongeldige configuratie: SIGNING_PREVIOUS_CERTIFICATES: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
