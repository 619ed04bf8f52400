/**
 * The build as `npm start` runs it: `dist/index.js` with plain node, started from another
 * working directory. Every file the server reads at run time must be found from the build:
 * the migrations, the tender templates, the example sheet's dossier, the static files; and
 * what it loads on first use (pdfkit and the signing libraries for a report, exceljs for a
 * spreadsheet, the verifier) must load from it. Needs `npm run build` (npm test does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process.js';
import { assertBuildIsCurrent } from '../helpers/build.js';
import { exampleDossier } from '../helpers/dossiers.js';

const ADMIN = { email: 'beheer@gunningswijzer.test', password: 'beheer wachtwoord 12345' };
let directory: string;
let server: ServerProcess;

async function call(path: string, init: { method?: string; body?: unknown; raw?: Uint8Array; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init.raw === undefined ? {} : { body: init.raw }),
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
const json = (reply: { bytes: Buffer }) => JSON.parse(reply.bytes.toString('utf8'));

async function login(email: string, password: string): Promise<Record<string, string>> {
  const reply = await call('/api/v1/auth/login', { method: 'POST', body: { email, password } });
  expect(reply.status).toBe(200);
  return { cookie: reply.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

beforeAll(async () => {
  assertBuildIsCurrent();
  directory = mkdtempSync(join(tmpdir(), 'gw-build-'));
  server = await startServerProcess({ databasePath: join(directory, 'data', 'gunningswijzer.db'), admin: ADMIN, build: true, cwd: directory });
}, 60_000);
afterAll(async () => {
  server?.child.kill('SIGTERM');
  if (server?.child.exitCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
  rmSync(directory, { recursive: true, force: true });
});

describe('the built server, started from another directory', () => {
  it('has migrated a new database and answers /health', async () => {
    const health = await call('/health');
    expect(health.status).toBe(200);
    expect(json(health)).toEqual({ status: 'ok' });
  });

  it('serves its own static files and the NL Design System CSS', async () => {
    const layout = await call('/static/layout.css');
    expect(layout.status).toBe(200);
    expect(layout.bytes.length).toBeGreaterThan(100);
    expect((await call('/static/utrecht-components.css')).status).toBe(200);
    expect((await call('/static/enhance.js')).status).toBe(200);
  });

  it('reads the tender templates, imports a tender, makes a signed report, verifies it and writes the example sheet', async () => {
    const admin = await login(ADMIN.email, ADMIN.password);
    const organisation = json(await call('/api/v1/organisations', { method: 'POST', headers: admin, body: { name: 'Gemeente Almere', kind: 'gemeente' } }));
    const password = 'inkoper wachtwoord 123';
    const user = await call('/api/v1/users', {
      method: 'POST',
      headers: admin,
      body: { email: 'inkoper@almere.test', name: 'Inkoper', password, memberships: [{ organisationId: organisation.id, role: 'inkoper' }] },
    });
    expect(user.status).toBe(201);
    const inkoper = await login('inkoper@almere.test', password);
    const templates = json(await call('/api/v1/templates', { headers: inkoper }));
    expect(templates.map((template: { id: string }) => template.id).sort()).toEqual(['b1-route', 'module-map', 'onderwijsroute', 'z-route']);
    const imported = await call('/api/v1/tenders/import', {
      method: 'POST',
      headers: inkoper,
      body: { organisationId: organisation.id, dossier: exampleDossier() },
    });
    expect(imported.status).toBe(201);
    const tenderId = json(imported).id as string;
    expect((await call(`/api/v1/tenders/${tenderId}/open`, { method: 'POST', headers: inkoper })).status).toBe(200);

    const report = await call(`/api/v1/tenders/${tenderId}/reports`, { method: 'POST', headers: inkoper, body: { kind: 'evaluation' } });
    expect(report.status, report.bytes.toString()).toBe(201);
    const pdf = await call(json(report).url, { headers: inkoper });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await call('/api/v1/reports/verify', { method: 'POST', headers: { ...inkoper, 'content-type': 'application/pdf' }, raw: pdf.bytes });
    expect(json(verified)).toMatchObject({ signatureValid: true, coversWholeDocument: true, knownReport: true, padesLevel: 'B-B' });

    const sheet = await call('/voorbeelden/inschrijvingen.xlsx', { headers: inkoper });
    expect(sheet.status).toBe(200);
    expect(sheet.bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
