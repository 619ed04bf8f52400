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
import { addCalendarDays, todayInAmsterdam } from '../src/domain/dates.js';
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

type DemoDossier = { bids: { provider: unknown; price?: number }[] };
const dossier = JSON.parse(readFileSync(new URL('./demo/regional-tender.dossier.json', import.meta.url), 'utf8')) as DemoDossier;
const inkoper = await login(users[0].email);
const tender = await call('POST', '/api/v1/tenders/import', { organisationId: regio, dossier }, inkoper, 201);
await call('POST', `/api/v1/tenders/${tender.json.id}/open`, {}, inkoper, 200);
// B3 (EUR 318.000) is flagged as possibly abnormally low: the art. 2.116 review is under way.
const explanationRequest = {
  action: 'request-explanation',
  deadline: addCalendarDays(todayInAmsterdam(new Date()), 14),
  questions: ['Hoeveel contacturen per inburgeraar rekent u?', 'Welke groepsgrootte en docentkosten liggen aan uw prijs ten grondslag?'],
};
await call('POST', `/api/v1/tenders/${tender.json.id}/bids/B3/low-bid-review`, explanationRequest, inkoper, 200);

// A second tender, from the B1-route template, still to be scored by the panel: Bea is on it.
const panelTender = await call(
  'POST',
  '/api/v1/tenders',
  { organisationId: regio, template: 'b1-route', reference: 'FLV-2027-INB-B1-P', title: 'Inburgering B1-route regio Flevoland 2028 (panel)', expectedLearners: 100 },
  inkoper,
  201,
);
for (const bid of dossier.bids) {
  await call('POST', `/api/v1/tenders/${panelTender.json.id}/bids`, { provider: bid.provider, price: bid.price }, inkoper, 201);
}
await call('POST', `/api/v1/tenders/${panelTender.json.id}/open`, {}, inkoper, 200);
const bea = await call('POST', '/api/v1/auth/login', { email: users[2].email, password: PASSWORD }, {}, 200);
await call('POST', `/api/v1/tenders/${panelTender.json.id}/evaluators`, { userId: bea.json.id }, inkoper, 201);

serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  const address = `http://${env.HOST}:${info.port}`;
  const lines = [
    `Gunningswijzer demo: ${address}  (API: ${address}/openapi.json, database ${DATABASE_PATH})`,
    `Demo tender: ${address}/api/v1/tenders/${tender.json.id} (evaluation: .../evaluation; letter to B3: .../bids/B3/low-bid-review/letter)`,
    `Panel tender: ${address}/api/v1/tenders/${panelTender.json.id} (Bea Beoordelaar declares, scores and seals; .../panel)`,
    `Logins (password for all: ${PASSWORD}):`,
    `  ${ADMIN_EMAIL}  platform administrator`,
    ...users.map((u) => `  ${u.email}  ${u.what}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
