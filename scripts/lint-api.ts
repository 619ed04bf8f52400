/**
 * @module
 * `npm run lint:api`: lints the OpenAPI document the app generates with the official NL API
 * Design Rules ruleset (`standards/nl-api-design-rules/linter.yaml`, copied unchanged) and
 * `@stoplight/spectral-cli`, offline: the CLI runs with scripts/no-network.cjs preloaded, so
 * anything in the ruleset that would reach out fails instead. Prints Spectral's report and
 * exits 1 on any finding. `npm test` runs the same lint in tests/api/api-design-rules.test.ts.
 * How each rule is met: docs/api-design-rules.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { OPENAPI_PATHS } from '../src/http/openapi-document.js';
import { createLogger } from '../src/lib/logger.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const ADR_RULESET = join(ROOT, 'standards/nl-api-design-rules/linter.yaml');
export const NO_NETWORK = join(ROOT, 'scripts/no-network.cjs');

/** One finding of Spectral (`--format json`); severity 0 error, 1 warning, 2 info, 3 hint. */
export type SpectralResult = { code: string; message: string; path: (string | number)[]; severity: number; source?: string };

function spectralCli(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/spectral-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { spectral: string } };
  return resolve(manifest, '..', bin.spectral);
}

/** Runs `spectral lint` offline with the ADR ruleset (or another) on the files; resolves with every finding. */
export async function lintOpenApiFiles(files: readonly string[], ruleset: string = ADR_RULESET): Promise<SpectralResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-spectral-'));
  const output = join(dir, 'results.json');
  try {
    const args = ['--require', NO_NETWORK, spectralCli(), 'lint', '--ruleset', ruleset, '--format', 'json', '--output', output, '--quiet'];
    const child = spawn(process.execPath, [...args, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((done) => child.once('close', done));
    try {
      return JSON.parse(readFileSync(output, 'utf8')) as SpectralResult[];
    } catch {
      throw new Error(`spectral did not lint (exit code ${exitCode}): ${stderr.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** One line per finding: `severity code at path: message`. */
export function describeFindings(results: readonly SpectralResult[]): string {
  return results.map((r) => `${SEVERITY[r.severity] ?? r.severity} ${r.code} at ${r.path.join('.') || '(root)'}: ${r.message}\n`).join('');
}

/** The document as the app serves it, from an app on an empty in-memory database. */
export async function generatedOpenApiDocument(): Promise<string> {
  const db = openDatabase({ path: ':memory:' });
  try {
    const { app } = createApp({ db, logger: createLogger({ level: 'silent' }) });
    const response = await app.request(OPENAPI_PATHS[0]);
    if (response.status !== 200) throw new Error(`${OPENAPI_PATHS[0]} answered ${response.status}`);
    return await response.text();
  } finally {
    db.close();
  }
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gw-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, await generatedOpenApiDocument());
    const results = await lintOpenApiFiles([file]);
    process.stdout.write(results.length === 0 ? 'The OpenAPI document meets the NL API Design Rules ruleset: no findings.\n' : describeFindings(results));
    return results.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  });
}
