/**
 * `ocds FILE` (src/cli/ocds-command.ts): the OCDS release package of a procedure file or a
 * dossier from the file alone, valid as the server's export is, with the awards of the
 * allocation from `--status award-proposed` on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { buyerId, ocdsCommand } from '../../src/cli/ocds-command.js';
import { parseDossier } from '../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../src/domain/evaluation/evaluate.js';
import { buildOcdsReleasePackage } from '../../src/domain/ocds/build-release-package.js';
import type { OcdsReleasePackage } from '../../src/domain/ocds/release-types.js';
import { ROOT } from '../helpers/build.js';
import { validators } from '../unit/ocds/ocds-schemas.js';

const PROCEDURE = join(ROOT, 'templates/examples/ijsselland-drie-percelen.procedure.json');
const DOSSIER = join(ROOT, 'templates/examples/b1-route-ijsselland.dossier.json');
const AT = ['--published-date', '2027-04-01T08:00:00Z'];

function run(args: string[]): { code: number; ocds: OcdsReleasePackage | null; stderr: string } {
  const outcome = runCli(['ocds', ...args]);
  if (outcome instanceof Promise) throw new Error('ocds is synchronous');
  return { code: outcome.code, ocds: outcome.stdout === undefined ? null : (JSON.parse(outcome.stdout) as OcdsReleasePackage), stderr: outcome.stderr ?? '' };
}

describe('ocds on a procedure file', () => {
  it('prints a valid release package with three lots and, once the decision is taken, the allocated awards', () => {
    const { code, ocds } = run([PROCEDURE, '--status', 'award-proposed', ...AT]);
    expect(code).toBe(0);
    expect(validators.closed.validatePackage(ocds)).toEqual([]);
    const release = ocds?.releases[0];
    expect(release?.tender.lots.map((lot) => lot.id)).toEqual(['L1', 'L2', 'L3']);
    expect(release?.awards?.map((award) => [award.relatedLots[0], award.suppliers[0]?.name])).toEqual([
      ['L1', 'NT2 Centrum Zwolle'],
      ['L2', 'Taalschool IJsselland'],
      ['L3', 'Het Taalhuis Kampen'],
    ]);
    expect(release?.buyer).toEqual({ id: 'gemeente-zwolle', name: 'Gemeente Zwolle' });
    expect(ocds?.uri).toBe('urn:gunningswijzer:ZWL-2027-INB');
  });

  it('has no award without a decision (the default status open), and the same output for the same options', () => {
    const first = run([PROCEDURE, ...AT]);
    expect(first.ocds?.releases[0]?.awards).toBeUndefined();
    expect(first.ocds?.releases[0]?.tag).toEqual(['tender']);
    expect(run([PROCEDURE, ...AT]).ocds).toEqual(first.ocds);
  });

  it('publishes at the moment it runs when no date is given', () => {
    const outcome = ocdsCommand([PROCEDURE], () => new Date('2027-05-02T10:00:00.000Z'));
    expect(JSON.parse(outcome.stdout ?? '').publishedDate).toBe('2027-05-02T10:00:00.000Z');
  });
});

describe('ocds on a dossier', () => {
  it('prints exactly the single tender export of the dossier', () => {
    const parsed = parseDossier(JSON.parse(readFileSync(DOSSIER, 'utf8')));
    if (!parsed.ok) throw new Error('example invalid');
    const expected = buildOcdsReleasePackage({
      tender: { id: 'ZWL-2027-INB-B1', status: 'awarded' },
      dossier: parsed.dossier,
      result: evaluateDossier(parsed.dossier),
      buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
      publishedDate: '2027-04-01T08:00:00Z',
      uri: 'urn:gunningswijzer:ZWL-2027-INB-B1',
    });
    expect(parsed.dossier.tender.reference).toBe('ZWL-2027-INB-B1');
    expect(run([DOSSIER, '--status', 'awarded', ...AT]).ocds).toEqual(expected);
  });
});

describe('ocds refuses', () => {
  it('an unknown status or a malformed date with exit 2, an invalid file with exit 1', () => {
    expect(run([PROCEDURE, '--status', 'gegund'])).toMatchObject({ code: 2, stderr: expect.stringContaining("onbekende status 'gegund'") });
    expect(run([PROCEDURE, '--published-date', '1 april'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--published-date: ') });
    expect(run([PROCEDURE, '--uri', 'geen adres'])).toMatchObject({ code: 2, stderr: "--uri: 'geen adres' is geen absolute URI" });
    expect(run(['/bestaat/niet.json'])).toMatchObject({ code: 2 });
    const broken = JSON.parse(readFileSync(PROCEDURE, 'utf8'));
    broken.awardLimit.maxLotsPerBidder = 0;
    const file = join(mkdtempSync(join(tmpdir(), 'gw-ocds-')), 'procedure.json');
    writeFileSync(file, JSON.stringify(broken));
    expect(run([file])).toMatchObject({ code: 1, ocds: null, stderr: expect.stringContaining('awardLimit.maxLotsPerBidder') });
  });

  it('names the buyer by a plain id', () => {
    expect(buyerId('Gemeente Súdwest-Fryslân')).toBe('gemeente-sudwest-fryslan');
  });
});
