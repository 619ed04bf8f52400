/**
 * @module
 * Start-up benchmark (issue 19, "a real build"): whole processes, as an auditor and an
 * operator start them, against a bare `node -e 0` measured in the same run. `npm run bench`
 * builds first; this measures `dist/`.
 * - `gunningswijzer evaluate` (`node dist/cli.js evaluate`) on the B1-route example dossier:
 *   the median of whole runs as a ratio to `node -e 0` (target: within 3x); the same through
 *   tsx on the sources, as it ran before the build, for comparison.
 * - The server (`node dist/index.js`) on an empty database in a new directory, from the
 *   spawn to the first `/health` that answers 200 (target: within 1 s on the reference
 *   machine): a first start, which also makes the development signing certificate and hashes
 *   the administrator's password; and a start with `SIGNING_P12` set, as in production; and
 *   the first start through tsx on the sources, as before the build, for comparison.
 * Also printed: the CPU time the server used until then (from /proc), which a busy machine
 * disturbs less than the wall clock.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEVELOPMENT_P12_PASSWORD, ensureDevelopmentP12 } from '../src/reports/signing/development-certificate.js';
import { median, report } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'templates/examples/b1-route-ijsselland.dossier.json');
const ADMIN = { ADMIN_EMAIL: 'start@gunningswijzer.test', ADMIN_PASSWORD: 'start bench password 1' };

/** The median wall time of `runs` whole runs of `node ARGS`. */
function timeProcess(args: string[], runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - started);
    if (run.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${run.status}: ${run.stderr}`);
  }
  return median(samples);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** User plus system CPU of a process so far, in ms (Linux; NaN elsewhere). */
function cpuMsOf(pid: number): number {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Spawns the server (the build, or `entry`) on a new directory and answers the time to its first 200 on /health. */
async function timeServerStart(extraEnv: NodeJS.ProcessEnv = {}, entry = [join(ROOT, 'dist/index.js')]): Promise<{ ms: number; cpuMs: number }> {
  const directory = mkdtempSync(join(tmpdir(), 'gw-bench-start-'));
  const port = await freePort();
  const started = performance.now();
  // The sources run from the package (tsx is found from there), the build from anywhere.
  const child = spawn(process.execPath, entry, {
    cwd: entry[0] === '--import' ? ROOT : directory,
    env: {
      ...process.env,
      ...ADMIN,
      ...extraEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(directory, 'data', 'gunningswijzer.db'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server stopped with ${child.exitCode}: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        if (response.status === 200) return { ms: performance.now() - started, cpuMs: cpuMsOf(child.pid ?? 0) };
      } catch {
        // Not listening yet.
      }
      if (performance.now() - started > 30_000) throw new Error('the server did not answer /health within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    rmSync(directory, { recursive: true, force: true });
  }
}

async function medianStart(runs: number, extraEnv: NodeJS.ProcessEnv = {}, entry?: string[]): Promise<{ ms: number; cpuMs: number }> {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await timeServerStart(extraEnv, entry));
  return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)) };
}

/** Runs the start-up benchmark; answers whether both targets were met. */
export async function runStartupBench(runs = 9): Promise<boolean> {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
  const bare = timeProcess(['-e', '0'], runs);
  const evaluate = timeProcess([join(ROOT, 'dist/cli.js'), 'evaluate', EXAMPLE], runs);
  const tsx = timeProcess(['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'evaluate', EXAMPLE], 3);
  const certificates = mkdtempSync(join(tmpdir(), 'gw-bench-p12-'));
  try {
    const { path } = ensureDevelopmentP12({ directory: certificates });
    const first = await medianStart(Math.max(3, Math.floor(runs / 2)));
    const configured = await medianStart(Math.max(3, Math.floor(runs / 2)), { SIGNING_P12: path, SIGNING_P12_PASSWORD: DEVELOPMENT_P12_PASSWORD });
    const sources = await medianStart(3, {}, ['--import', 'tsx', join(ROOT, 'src/index.ts')]);
    console.log(`\nStarttijd van hele processen (de build in dist/, mediaan; belasting van de machine: ${readLoad()})`);
    report([
      { label: 'node -e 0', value: `${bare.toFixed(0)} ms` },
      { label: 'gunningswijzer evaluate (node dist/cli.js), voorbeelddossier', value: `${evaluate.toFixed(0)} ms` },
      { label: '  verhouding tot node -e 0', value: `${(evaluate / bare).toFixed(2)}x`, target: '<= 3x', ok: evaluate / bare <= 3 },
      { label: '  zonder build (tsx op de bronnen), ter vergelijking', value: `${(tsx / bare).toFixed(1)}x` },
      { label: 'server tot de eerste /health, lege database, eerste start', value: `${first.ms.toFixed(0)} ms`, target: '< 1000 ms', ok: first.ms < 1000 },
      { label: '  CPU-tijd van de server tot dan', value: `${first.cpuMs.toFixed(0)} ms` },
      { label: '  verhouding tot node -e 0', value: `${(first.ms / bare).toFixed(1)}x` },
      { label: '  zonder build (tsx op de bronnen), ter vergelijking', value: `${sources.ms.toFixed(0)} ms` },
      { label: 'idem, met SIGNING_P12 (zoals in productie)', value: `${configured.ms.toFixed(0)} ms`, target: '< 1000 ms', ok: configured.ms < 1000 },
      { label: '  CPU-tijd van de server tot dan', value: `${configured.cpuMs.toFixed(0)} ms` },
    ]);
    return evaluate / bare <= 3 && first.ms < 1000;
  } finally {
    rmSync(certificates, { recursive: true, force: true });
  }
}

/** The one-minute load average and the number of cores, for the reader of the numbers. */
function readLoad(): string {
  const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : '?';
  return `${load} op ${availableParallelism()} kernen`;
}
