import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { assertBuildIsCurrent } from '../helpers/build.js';

const root = new URL('../../', import.meta.url).pathname;
const example = join(root, 'templates/examples/b1-route-ijsselland.dossier.json');
const gunnenOpWaarde = join(root, 'templates/examples/onderwijsroute-gunnen-op-waarde.dossier.json');

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-cli-')), name);
  writeFileSync(file, content);
  return file;
}

describe('evaluate command', () => {
  it('prints the result JSON of the B1-route example: B2 wins, B3 is flagged by five rules', () => {
    const outcome = runCli(['evaluate', example]);
    expect(outcome.code).toBe(0);
    const result = JSON.parse(outcome.stdout ?? '');
    expect(result.method).toBe('lowest-relative');
    expect(result.winner).toBe('B2');
    const b3 = result.bids.find((b: { bidId: string }) => b.bidId === 'B3');
    expect(b3.pricePoints).toBe(30);
    expect(new Set(b3.lowBidFlags.map((f: { rule: string }) => f.rule))).toEqual(
      new Set(['mean-of-others', 'gap-to-next', 'below-estimate', 'cost-floor', 'unit-price']),
    );
    const costFloor = b3.lowBidFlags.find((f: { rule: string }) => f.rule === 'cost-floor');
    expect(costFloor).toMatchObject({ threshold: null, reference: 4062.5, value: 450 });
  });

  it('evaluates the gunnen-op-waarde example on fictive prices: B2 at €\u00a0760.000', () => {
    const result = JSON.parse(runCli(['evaluate', gunnenOpWaarde]).stdout ?? '');
    expect(result.scoreKind).toBe('fictive-price');
    expect(result.winner).toBe('B2');
    expect(result.bids[0]).toMatchObject({ bidId: 'B2', rank: 1, score: 760000, fictiveDiscount: 200000 });
  });

  it('prints a Dutch table with --format table', () => {
    const outcome = runCli(['evaluate', example, '--format', 'table']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Winnaar: B2');
    expect(outcome.stdout).toContain('€\u00a0495.000,00');
    expect(outcome.stdout).toContain('kostenvloer');
  });

  it('exits 1 and prints every problem with its JSON path for an invalid dossier', () => {
    const file = tempFile('bad.json', JSON.stringify({ format: 'gunningswijzer/dossier@1', bids: [{ id: 'B 1' }] }));
    const outcome = runCli(['evaluate', file]);
    expect(outcome.code).toBe(1);
    const lines = (outcome.stderr ?? '').split('\n');
    expect(lines).toContain('tender: verplicht veld ontbreekt');
    expect(lines.some((line) => line.startsWith('bids[0].id: '))).toBe(true);
    expect(outcome.stdout).toBeUndefined();
  });

  it('exits 1 for a school name with a line break or a bidi override, and for an over-long title', () => {
    const dossier = JSON.parse(readFileSync(example, 'utf8'));
    dossier.bids[0].provider.name = 'Taalschool\nGegund: Taalschool';
    dossier.bids[1].provider.name = 'Taal\u202eschool';
    dossier.tender.title = 'T'.repeat(201);
    const outcome = runCli(['evaluate', tempFile('hostile.json', JSON.stringify(dossier))]);
    expect(outcome.code).toBe(1);
    const lines = (outcome.stderr ?? '').split('\n');
    expect(lines).toContain('tender.title: de titel is te lang: hoogstens 200 tekens (nu 201)');
    expect(lines).toContain('bids[0].provider.name: de naam mag geen regeleinde bevatten (U+000A op positie 11)');
    expect(lines.some((line) => line.startsWith('bids[1].provider.name: de naam mag geen richtingsteken bevatten (U+202E op positie 5)'))).toBe(true);
  });

  it('exits 2 for a file that is not JSON and for a file that does not exist', () => {
    expect(runCli(['evaluate', tempFile('x.json', '{ niet json')]).code).toBe(2);
    const missing = runCli(['evaluate', '/bestaat/niet.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('kan niet worden gelezen');
  });

  it('runs as `npm run --silent evaluate` (the build, with plain node) with only the JSON on stdout', () => {
    assertBuildIsCurrent();
    const run = spawnSync('npm', ['run', '--silent', 'evaluate', '--', example], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).winner).toBe('B2');
  });
});
