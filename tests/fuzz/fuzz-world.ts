/**
 * @module
 * The world the fuzz tests drive: an app on a temporary database with Almere (an inkoper, a
 * declared beoordelaar, an auditor), another organisation (Utrecht) with its own tender and
 * report, and Almere's draft, open and panel tenders with a signed report. Around it: sending
 * a request as one of those users, and the checks every answer must pass (no 5xx, no
 * internals, problem details for errors, a rejected request changes no row).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createOrganisation, PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { exampleDossier } from '../helpers/dossiers.js';
import { exampleProcedure } from '../helpers/procedures.js';
import { createTestApp } from '../helpers/test-app.js';
import { createValidators, listOperations, type OpenApiDocument } from './openapi-operations.js';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
export const FILE_SEED = process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
/** A seed per property, derived from the file's. */
export const seedFor = (index: number) => (FILE_SEED + index * 7919) % 2 ** 31;

/** Runs a fast-check property; a failure names the file seed that replays the whole run. */
export async function assertWithFileSeed<T>(property: fc.IAsyncProperty<T>, parameters: fc.Parameters<T>): Promise<void> {
  try {
    await fc.assert(property, parameters);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Replay with FUZZ_SEED=${FILE_SEED}\n${message}`, { cause: error });
  }
}

export const ACTORS = ['inkoper', 'beoordelaar', 'auditor', 'platformAdmin', 'otherInkoper', 'anonymous'] as const;
export type ActorName = (typeof ACTORS)[number];

export type Answer = { status: number; contentType: string | null; text: string };

/** What must never reach a client: stack frames, file paths, engine and library error names. */
const LEAKS: [RegExp, string][] = [
  [/\bat [\w$.<>]+ \(/, 'a stack frame'],
  [/\bat (?:file|node):/, 'a stack frame'],
  [new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the working directory'],
  [/node_modules/, 'a module path'],
  [/\/(?:src|tests)\/[\w/-]+\.ts/, 'a source path'],
  [/\b(?:SqliteError|SQLITE_[A-Z_]+|TypeError|ReferenceError|RangeError|ZodError)\b/, 'an internal error name'],
  [/no such (?:table|column)|constraint failed/i, 'a database message'],
];

export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

/**
 * Builds and seeds the world; `close()` when done.
 * @example const f = await createFuzzWorld(); const answer = await f.send('inkoper', 'GET', '/api/v1/tenders'); f.checkAnswer('list', answer);
 */
export async function createFuzzWorld() {
  // Login attempts are rate limited per address and per client; the fuzzer tries many
  // addresses from one client, and must still log its users in again after a logout.
  const t = createTestApp({ loginMaxAttempts: 1_000_000, loginMaxFailuresPerClient: 1_000_000 });
  const doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDocument;
  const operations = listOperations(doc);
  const { validator, resolve } = createValidators(doc);

  const w: World = await seedWorld(t);
  const ids = { draftTender: '', openTender: '', panelTender: '', otherTender: '', report: '', otherReport: '', otherRegion: '', procedure: '' };
  ids.otherRegion = await createOrganisation(w.admin, { name: 'Regio Utrecht', kind: 'regio', memberIds: [w.orgs.utrecht] });
  const importInto = async (client: World['almereInkoper'], organisationId: string) => {
    const imported = await client.post('/api/v1/tenders/import', { organisationId, dossier: exampleDossier() });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    return imported.body.id as string;
  };
  ids.draftTender = await importInto(w.almereInkoper, w.orgs.almere);
  ids.openTender = await importInto(w.almereInkoper, w.orgs.almere);
  ids.panelTender = await importInto(w.almereInkoper, w.orgs.almere);
  ids.otherTender = await importInto(w.utrechtInkoper, w.orgs.utrecht);
  for (const id of [ids.openTender, ids.panelTender]) expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
  expect((await w.utrechtInkoper.post(`/api/v1/tenders/${ids.otherTender}/open`)).status).toBe(200);
  expect((await w.almereInkoper.post(`/api/v1/tenders/${ids.panelTender}/evaluators`, { userId: w.almereBeoordelaar.userId })).status).toBe(201);
  expect((await w.almereBeoordelaar.post(`/api/v1/tenders/${ids.panelTender}/conflict-declaration`, { noConflict: true })).status).toBe(200);
  const createReport = async (client: World['almereInkoper'], tenderId: string) => {
    const created = await client.post(`/api/v1/tenders/${tenderId}/reports`, { kind: 'evaluation' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  // A procedure of Almere's with three draft lots (issue 21).
  const procedure = await w.almereInkoper.post(`/api/v1/procedures/import?organisationId=${w.orgs.almere}`, exampleProcedure());
  expect(procedure.status, JSON.stringify(procedure.body)).toBe(201);
  ids.procedure = procedure.body.id as string;
  ids.report = await createReport(w.almereInkoper, ids.openTender);
  ids.otherReport = await createReport(w.utrechtInkoper, ids.otherTender);
  const pdf = await t.app.request(`/api/v1/reports/${ids.report}`, { headers: { cookie: w.almereInkoper.cookie! } });
  expect(pdf.status).toBe(200);
  const reportPdf = new Uint8Array(await pdf.arrayBuffer());

  const emails: Record<Exclude<ActorName, 'anonymous'>, string> = {
    inkoper: w.almereInkoper.email,
    beoordelaar: w.almereBeoordelaar.email,
    auditor: w.almereAuditor.email,
    platformAdmin: 'beheer@gunningswijzer.test',
    otherInkoper: w.utrechtInkoper.email,
  };
  const cookies = new Map<ActorName, string | null>([
    ['inkoper', w.almereInkoper.cookie],
    ['beoordelaar', w.almereBeoordelaar.cookie],
    ['auditor', w.almereAuditor.cookie],
    ['platformAdmin', w.admin.cookie],
    ['otherInkoper', w.utrechtInkoper.cookie],
    ['anonymous', null],
  ]);

  const tables = (
    t.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  const tableReads = tables.map((table) => t.db.sqlite.prepare(`SELECT * FROM "${table}"`).raw());

  /** Every row of every table, hashed: "a rejected request changes nothing", literally. */
  function databaseFingerprint(): string {
    const hash = createHash('sha256');
    tableReads.forEach((read, i) => {
      hash.update(`\u0000${tables[i]}\u0000`);
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        for (const value of row) {
          // Report PDFs are blobs: hash their bytes, do not spell them out as JSON numbers.
          if (Buffer.isBuffer(value)) hash.update(value);
          else hash.update(JSON.stringify(value) ?? 'undefined');
          hash.update('\u0001');
        }
      }
    });
    return hash.digest('hex');
  }

  const auditHead = () =>
    t.db.sqlite.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;

  let fingerprint = databaseFingerprint();

  /**
   * The checks every answer must pass; answers the problems found (empty when none). The
   * database must be as it was after the previous answer when this one is a 4xx.
   */
  function checkAnswer(what: string, answer: Answer): string[] {
    const problems: string[] = [];
    if (answer.status >= 500) problems.push(`${what}: status ${answer.status}`);
    for (const [pattern, name] of LEAKS) if (pattern.test(answer.text)) problems.push(`${what}: body contains ${name}: ${answer.text.slice(0, 300)}`);
    if (answer.status >= 400) {
      if (answer.contentType !== 'application/problem+json') problems.push(`${what}: error with content type ${answer.contentType}`);
      try {
        const problem = JSON.parse(answer.text) as Record<string, unknown>;
        const shaped =
          typeof problem.type === 'string' &&
          typeof problem.title === 'string' &&
          problem.status === answer.status &&
          typeof problem.detail === 'string' &&
          Array.isArray(problem.errors);
        if (!shaped) problems.push(`${what}: not RFC 9457 problem details: ${answer.text.slice(0, 300)}`);
      } catch {
        problems.push(`${what}: error body is not JSON: ${answer.text.slice(0, 300)}`);
      }
    }
    const now = databaseFingerprint();
    if (answer.status >= 400 && now !== fingerprint) {
      problems.push(`${what}: rejected with ${answer.status} but the database changed (audit head ${JSON.stringify(auditHead())})`);
    }
    fingerprint = now;
    return problems;
  }

  async function relogin(actor: Exclude<ActorName, 'anonymous'>): Promise<void> {
    const response = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: emails[actor], password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    cookies.set(actor, response.headers.get('set-cookie')!.split(';')[0]!);
    fingerprint = databaseFingerprint();
  }

  /** Sends a request as `actor` (with its session cookie); a successful logout logs it in again. */
  async function send(
    actor: ActorName,
    method: string,
    url: string,
    init: { body?: RequestInit['body']; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = cookies.get(actor);
    if (cookie !== null && cookie !== undefined) headers.cookie = cookie;
    const response = await t.app.request(url, { method, headers, ...(init.body === undefined ? {} : ({ body: init.body, duplex: 'half' } as RequestInit)) });
    const answer = { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
    if (url.startsWith('/api/v1/auth/logout') && answer.status < 300 && actor !== 'anonymous') await relogin(actor);
    return answer;
  }

  /** Real values per property or parameter name: ids of Almere's, of another organisation, and none. */
  function hint(name: string): fc.Arbitrary<unknown> | undefined {
    const orgs = () => [w.orgs.almere, w.orgs.regio, w.orgs.lelystad, w.orgs.utrecht, 'org-bestaat-niet'];
    switch (name) {
      case 'organisationId':
        return fc.oneof({ weight: 4, arbitrary: fc.constant(w.orgs.almere) }, { weight: 3, arbitrary: fc.constantFrom(...orgs()) });
      case 'memberIds':
        return fc.array(fc.constantFrom(...orgs()), { maxLength: 3 });
      case 'userId':
        return fc.constantFrom(w.almereBeoordelaar.userId, w.almereInkoper.userId, w.utrechtAuditor.userId, 'user-bestaat-niet');
      case 'email':
        return fc.constantFrom(w.almereInkoper.email, 'niemand@nergens.nl', 'nieuw-gebruiker@gemeente.test');
      case 'template':
        return fc.constantFrom('b1-route', 'onbekend-sjabloon');
      default:
        return undefined;
    }
  }

  /** Each operation once, with real ids of Almere's. */
  function concreteUrls(): { method: string; url: string; hasBody: boolean }[] {
    return operations.map((op) => ({
      method: op.method,
      hasBody: op.body !== null,
      url: op.path
        .replace('{id}', op.path.startsWith('/api/v1/reports/') ? ids.report : op.path.startsWith('/api/v1/procedures/') ? ids.procedure : ids.openTender)
        .replace('{bidId}', 'B1')
        .replace('{criterionId}', 'K1')
        .replace(/\{[^}]+\}/g, 'x'),
    }));
  }

  return {
    t,
    w,
    ids,
    reportPdf,
    operations,
    validator,
    resolve,
    send,
    checkAnswer,
    concreteUrls,
    hint,
    /** Takes the database as it is now as the state a rejection must leave unchanged. */
    resetFingerprint: () => {
      fingerprint = databaseFingerprint();
    },
    close: () => t.close(),
  };
}
