/**
 * The `gunningswijzer` bin as an auditor gets it: `npm pack` of the built package, unpacked
 * into a project of its own with only PDF.js beside it (the bin bundles the rest of what it uses),
 * and run as `npx gunningswijzer ...`, which finds it in that project's node_modules/.bin
 * the way npm links it on install. Needs `npm run build` (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { startPdf } from '../../src/reports/pdf/pdf-document.js';
import { createDevelopmentSigner } from '../../src/reports/signing/development-certificate.js';
import { assertBuildIsCurrent, ROOT } from '../helpers/build.js';

const EXAMPLE = join(ROOT, 'templates/examples/b1-route-ijsselland.dossier.json');
const TEMPLATE = join(ROOT, 'templates/tenders/b1-route.json');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };

let directory: string;
let project: string;
let packed: string[];

/** `npx gunningswijzer ARGS` in the auditor's project, offline: only what was installed there can run. */
function npx(...args: string[]) {
  return spawnSync('npx', ['--offline', '--no-install', 'gunningswijzer', ...args], { cwd: project, encoding: 'utf8', timeout: 60_000 });
}

/** The linked bin itself, run through its `#!/usr/bin/env node` line (what npx runs, without npm's second of start-up). */
function bin(...args: string[]) {
  return spawnSync(join(project, 'node_modules', '.bin', 'gunningswijzer'), args, { cwd: project, encoding: 'utf8', timeout: 60_000 });
}

beforeAll(async () => {
  assertBuildIsCurrent();
  directory = mkdtempSync(join(tmpdir(), 'gw-pack-'));
  // --ignore-scripts: pack the build the test checked above instead of building again.
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', directory], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(pack.status, pack.stderr).toBe(0);
  const [result] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = result!.files.map((file) => file.path);
  project = join(directory, 'auditor');
  const installed = join(project, 'node_modules', 'gunningswijzer');
  mkdirSync(installed, { recursive: true });
  mkdirSync(join(project, 'node_modules', '.bin'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'auditor', private: true, dependencies: { gunningswijzer: manifest.version } }));
  const untar = spawnSync('tar', ['-xzf', join(directory, result!.filename), '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  // What npm does for the one dependency the bin does not bundle (PDF.js, for `verify`; see
  // scripts/build.mjs), linked from this repository's install since the test runs offline.
  for (const name of ['pdfjs-dist', '@napi-rs']) symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name));
  // What npm does for each `bin` entry on install.
  for (const [name, file] of Object.entries(manifest.bin)) symlinkSync(join('..', 'gunningswijzer', file), join(project, 'node_modules', '.bin', name));
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the packed package', () => {
  it('declares the bin gunningswijzer and ships it with the server, the migrations and the templates, without the sources', () => {
    expect(manifest.bin).toEqual({ gunningswijzer: 'dist/cli.js' });
    expect(packed).toEqual(
      expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'migrations/meta/_journal.json', 'templates/tenders/b1-route.json', 'src/web/static/layout.css']),
    );
    expect(packed.filter((path) => path.startsWith('src/') && !path.startsWith('src/web/static/'))).toEqual([]);
    expect(packed.filter((path) => path.startsWith('tests/') || path.startsWith('bench/'))).toEqual([]);
  });
});

describe('npx gunningswijzer from an installed package', () => {
  it('evaluate FILE prints the same result JSON as the sources', () => {
    const run = npx('evaluate', EXAMPLE);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(runCli(['evaluate', EXAMPLE]).stdout ?? ''));
    expect(JSON.parse(run.stdout).winner).toBe('B2');
  });

  it('evaluate exits 1 with the problems for an invalid dossier and 2 for a missing file', () => {
    const bad = join(directory, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'gunningswijzer/dossier@1', bids: [] }));
    const invalid = bin('evaluate', bad);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('tender: verplicht veld ontbreekt');
    expect(bin('evaluate', join(directory, 'absent.json')).status).toBe(2);
  });

  it('formula-check FILE checks a template', () => {
    const run = bin('formula-check', TEMPLATE, '--estimated-value', '600000', '--expected-learners', '100', '--format', 'table');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Formulecheck: sjabloon b1-route');
  });

  it('verify FILE.pdf checks a signed report', async () => {
    const { doc, finished } = startPdf({ title: 't', author: 'a', subject: 's', createdAt: new Date('2027-01-01T00:00:00Z') });
    doc.text('Rapport.');
    doc.end();
    const signed = await createDevelopmentSigner({ directory: join(directory, 'certificate') }).sign(await finished);
    const file = join(directory, 'rapport.pdf');
    writeFileSync(file, signed);
    const run = bin('verify', file);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ signatureValid: true, coversWholeDocument: true, padesLevel: 'B-B' });
    // One changed byte inside the signed range.
    signed[200] = (signed[200] as number) ^ 1;
    writeFileSync(file, signed);
    expect(bin('verify', file).status).toBe(1);
  }, 30_000);

  it('--version prints the package version and --help the three commands', () => {
    const version = bin('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);
    const help = bin('--help');
    expect(help.status).toBe(0);
    for (const command of ['evaluate BESTAND.json', 'formula-check BESTAND.json', 'verify BESTAND.pdf']) expect(help.stdout).toContain(command);
  });
});
