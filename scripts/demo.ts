/**
 * @module
 * `npm run demo`: a fresh demo database (`./data/demo.db`, replaced at every run) with Regio
 * Flevoland, its gemeenten Almere and Lelystad, one user per role and one imported regional
 * tender; then the server starts and the address and logins are printed. Everything is set
 * up through the API itself (in process), so the demo shows what the API allows.
 */
import { readFileSync, rmSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { loadEnvOrExit } from '../src/env.js';
import { createLogger } from '../src/lib/logger.js';
import { ensurePlatformAdmin } from '../src/modules/users/users.service.js';

const env = loadEnvOrExit();
const DATABASE_PATH = './data/demo.db';
const PASSWORD = 'demo-wachtwoord-2026';
const ADMIN_EMAIL = 'beheer@demo.gunningswijzer.nl';

for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE_PATH}${suffix}`, { force: true });
const db = openDatabase({ path: DATABASE_PATH });
const { app, ctx } = createApp({ db, logger: createLogger({ level: env.LOG_LEVEL }) });
await ensurePlatformAdmin(ctx, { email: ADMIN_EMAIL, password: PASSWORD });

/** One API call in process; throws on anything but the expected status. */
async function call(method: string, path: string, body: unknown, headers: Record<string, string>, expected: number) {
  const response = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { json: JSON.parse(text) as { id: string }, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

const login = async (email: string) => ({ cookie: (await call('POST', '/api/v1/auth/login', { email, password: PASSWORD }, {}, 200)).cookie });
const admin = await login(ADMIN_EMAIL);
const organisation = async (name: string, kind: 'gemeente' | 'regio', memberIds?: string[]) =>
  (await call('POST', '/api/v1/organisations', { name, kind, ...(memberIds ? { memberIds } : {}) }, admin, 201)).json.id;
const almere = await organisation('Gemeente Almere', 'gemeente');
const lelystad = await organisation('Gemeente Lelystad', 'gemeente');
const regio = await organisation('Regio Flevoland', 'regio', [almere, lelystad]);

const users = [
  { email: 'inkoper@regioflevoland.demo', name: 'Ingrid Inkoper', organisationId: regio, role: 'inkoper', what: 'inkoper, Regio Flevoland' },
  { email: 'inkoper@almere.demo', name: 'Ahmed Aydin', organisationId: almere, role: 'inkoper', what: 'inkoper, Gemeente Almere' },
  { email: 'beoordelaar@lelystad.demo', name: 'Bea Beoordelaar', organisationId: lelystad, role: 'beoordelaar', what: 'beoordelaar, Gemeente Lelystad' },
  { email: 'auditor@regioflevoland.demo', name: 'Anton Accountant', organisationId: regio, role: 'auditor', what: 'auditor, Regio Flevoland' },
  { email: 'admin@almere.demo', name: 'Astrid Admin', organisationId: almere, role: 'admin', what: 'admin, Gemeente Almere' },
] as const;
for (const user of users) {
  const { email, name, organisationId, role } = user;
  await call('POST', '/api/v1/users', { email, name, password: PASSWORD, memberships: [{ organisationId, role }] }, admin, 201);
}

const dossier: unknown = JSON.parse(readFileSync(new URL('./demo/regional-tender.dossier.json', import.meta.url), 'utf8'));
const inkoper = await login(users[0].email);
const tender = await call('POST', '/api/v1/tenders/import', { organisationId: regio, dossier }, inkoper, 201);
await call('POST', `/api/v1/tenders/${tender.json.id}/open`, {}, inkoper, 200);

serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const address = `http://${env.HOST}:${info.port}`;
  const lines = [
    `Gunningswijzer demo: ${address}  (API: ${address}/openapi.json, database ${DATABASE_PATH})`,
    `Demo tender: ${address}/api/v1/tenders/${tender.json.id} (evaluation: .../evaluation)`,
    `Logins (password for all: ${PASSWORD}):`,
    `  ${ADMIN_EMAIL}  platform administrator`,
    ...users.map((u) => `  ${u.email}  ${u.what}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
