/**
 * @module
 * Server benchmark (issue "Speed"): the built server (`dist/index.js`, as `npm start` runs
 * it) in a child process on a temporary database with an imported 20-bid tender, driven
 * over loopback by 10 concurrent
 * keep-alive connections. Prints the evaluation route's throughput as a ratio of the bare
 * `/health` JSON route measured in the same run, its p99 latency, and the import time of a
 * 20-bid dossier. Part of `npm run bench`; `npm run bench -- server` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generateDossier } from '../tests/helpers/dossiers.js';
import { percentile } from '../scripts/load-mix.js';
import { startServerProcess } from '../scripts/server-process.js';

const ADMIN = { email: 'bench@gunningswijzer.test', password: 'bench password 12345' };
const CONNECTIONS = 10;

async function call(baseUrl: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads the answers of several routes, like the tests' client
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** Sets up an organisation, an inkoper with a bearer token and an imported 20-bid tender. */
async function seed(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const admin = { cookie };
  const org = await call(baseUrl, '/api/v1/organisations', { method: 'POST', headers: admin, body: { name: 'Gemeente Almere', kind: 'gemeente' } });
  const password = 'inkoper password 123';
  await call(baseUrl, '/api/v1/users', {
    method: 'POST',
    headers: admin,
    body: { email: 'inkoper@almere.nl', name: 'Inkoper', password, memberships: [{ organisationId: org.body.id, role: 'inkoper' }] },
  });
  const inkoperLogin = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'inkoper@almere.nl', password }),
  });
  const inkoperCookie = inkoperLogin.headers.get('set-cookie')?.split(';')[0] ?? '';
  const token = (await call(baseUrl, '/api/v1/auth/tokens', { method: 'POST', headers: { cookie: inkoperCookie }, body: { name: 'bench' } })).body
    .token as string;
  const auth = { authorization: `Bearer ${token}` };
  const importTimes: number[] = [];
  let tenderId = '';
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    const imported = await call(baseUrl, '/api/v1/tenders/import', {
      method: 'POST',
      headers: auth,
      body: { organisationId: org.body.id, dossier: generateDossier(20) },
    });
    importTimes.push(performance.now() - started);
    if (imported.status !== 201) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
    tenderId = imported.body.id;
  }
  return { auth, tenderId, importMedianMs: percentile(importTimes, 0.5) };
}

/**
 * `CONNECTIONS` keep-alive connections requesting `path` back to back for `seconds`, driven
 * by autocannon (as `npm run bench:load` is); answers requests per second and the p99 of
 * every response's own latency, as autocannon times it from the request's write to the
 * response's end. A hand-written `node:http` client spent more per request than the server
 * route it measured, on the core the machine has left for it, and its own queueing showed
 * up as server latency.
 */
async function load(baseUrl: string, path: string, headers: Record<string, string>, seconds: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: new URL(path, baseUrl).href, connections: CONNECTIONS, duration: seconds, headers },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status === 200) latencies.push(ms);
    });
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${path}: ${failed} failed requests`);
  return { rps: latencies.length / result.duration, p99: percentile(latencies, 0.99) };
}

/** Runs the server benchmark; answers whether every target was met. */
export async function runServerBench(seconds = 5): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-bench-'));
  const { child, baseUrl } = await startServerProcess({ databasePath: join(dir, 'bench.db'), admin: ADMIN, build: true });
  try {
    const { auth, tenderId, importMedianMs } = await seed(baseUrl);
    // Warm-up: the JIT compiles the hot paths of both routes before anything is timed.
    await load(baseUrl, '/health', {}, 2);
    await load(baseUrl, `/api/v1/tenders/${tenderId}/evaluation`, auth, 2);
    const bare = await load(baseUrl, '/health', {}, seconds);
    const evaluation = await load(baseUrl, `/api/v1/tenders/${tenderId}/evaluation`, auth, seconds);
    const ratio = evaluation.rps / bare.rps;
    const lines = [
      `bare /health: ${bare.rps.toFixed(0)} req/s, p99 ${bare.p99.toFixed(2)} ms`,
      `evaluation (20 bids): ${evaluation.rps.toFixed(0)} req/s, p99 ${evaluation.p99.toFixed(2)} ms`,
      `evaluation / bare throughput: ${(ratio * 100).toFixed(1)}% (target >= 30%)`,
      `evaluation p99: ${evaluation.p99.toFixed(2)} ms (target < 5 ms)`,
      `import of a 20-bid dossier, median over 30: ${importMedianMs.toFixed(2)} ms (target < 20 ms)`,
    ];
    process.stdout.write(`\nServer (echte HTTP, ${CONNECTIONS} verbindingen)\n${lines.join('\n')}\n`);
    return ratio >= 0.3 && evaluation.p99 < 5 && importMedianMs < 20;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
