/**
 * `evaluate` on a procedure file with several lots (docs/procedures.md): every lot's result
 * as for its dossier alone, and the allocation under the award limitation. A dossier@1 file
 * still prints exactly what it printed before procedures existed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';
import { runCli } from '../../src/cli/run-cli.js';
import { parseDossier } from '../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../src/domain/evaluation/evaluate.js';
import { assertBuildIsCurrent, ROOT } from '../helpers/build.js';

const PROCEDURE = join(ROOT, 'templates/examples/ijsselland-drie-percelen.procedure.json');
const DOSSIERS = ['templates/examples/b1-route-ijsselland.dossier.json', 'templates/examples/onderwijsroute-gunnen-op-waarde.dossier.json'];
const ZWOLLE = 'NT2 Centrum Zwolle (KvK 05234567)';

function tempFile(name: string, content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-procedure-')), name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
const example = () => JSON.parse(readFileSync(PROCEDURE, 'utf8'));

describe('evaluate on a procedure file', () => {
  it('prints each lot result and the allocation of the three-lot example: NT2 Centrum Zwolle keeps L1 only (lot order, at most 1)', () => {
    const outcome = runCli(['evaluate', PROCEDURE]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const output = JSON.parse(outcome.stdout ?? '');
    expect(Object.keys(output)).toEqual(['lots', 'allocation']);
    expect(output.lots.map((lot: { lotId: string; result: { winner: string } }) => [lot.lotId, lot.result.winner])).toEqual([
      ['L1', 'B2'],
      ['L2', 'B2'],
      ['L3', 'B1'],
    ]);
    expect(output.allocation).toEqual([
      { lotId: 'L1', winner: 'B2', winnerWithoutLimit: 'B2', reason: 'Gegund aan de beste inschrijving, NT2 Centrum Zwolle (B2).' },
      {
        lotId: 'L2',
        winner: 'B1',
        winnerWithoutLimit: 'B2',
        reason: `Gegund aan de op één na beste inschrijving, Taalschool IJsselland (B1): ${ZWOLLE} heeft al perceel L1 (maximaal 1 perceel per inschrijver).`,
      },
      {
        lotId: 'L3',
        winner: 'B2',
        winnerWithoutLimit: 'B1',
        reason: `Gegund aan de op één na beste inschrijving, Het Taalhuis Kampen (B2): ${ZWOLLE} heeft al perceel L1 (maximaal 1 perceel per inschrijver).`,
      },
    ]);
  });

  it("gives each lot exactly the result its dossier gives alone (the lot's `result`, byte for byte)", () => {
    const procedure = example();
    const output = JSON.parse(runCli(['evaluate', PROCEDURE]).stdout ?? '');
    procedure.lots.forEach((lot: { id: string; dossier: unknown }, i: number) => {
      const alone = runCli(['evaluate', tempFile(`${lot.id}.json`, lot.dossier)]);
      expect(alone.code).toBe(0);
      expect(JSON.stringify(output.lots[i].result, null, 2)).toBe(alone.stdout);
    });
  });

  it('the same lots under bidder-preference: NT2 Centrum Zwolle prefers L2 and releases L1 and L3', () => {
    const procedure = example();
    procedure.awardLimit = { maxLotsPerBidder: 1, rule: 'bidder-preference' };
    procedure.preferences = { '05234567': ['L2', 'L1', 'L3'] };
    const output = JSON.parse(runCli(['evaluate', tempFile('voorkeur.json', procedure)]).stdout ?? '');
    expect(output.allocation.map((a: { winner: string }) => a.winner)).toEqual(['B1', 'B2', 'B2']);
    expect(output.allocation[0].reason).toBe(
      `Gegund aan de op één na beste inschrijving, Taalschool IJsselland (B1): ${ZWOLLE} houdt perceel L2, dat zij liever heeft (maximaal 1 perceel per inschrijver).`,
    );
  });

  it('without a limitation each lot goes to its own winner', () => {
    const procedure = example();
    delete procedure.awardLimit;
    const output = JSON.parse(runCli(['evaluate', tempFile('vrij.json', procedure)]).stdout ?? '');
    expect(output.allocation.map((a: { winner: string }) => a.winner)).toEqual(['B2', 'B2', 'B1']);
  });

  it('prints the lots and the allocation as Dutch text with --format table', () => {
    const outcome = runCli(['evaluate', PROCEDURE, '--format', 'table']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(
      'Gunningsbeperking: hoogstens 1 perceel per inschrijver, regel: volgorde van de percelen (L1, L2, L3). De percelen worden gegund in de volgorde die de aanbestedingsstukken noemen',
    );
    expect(outcome.stdout).toContain('== Perceel L2: onderwijsroute ==');
    expect(outcome.stdout).toContain('L2: Taalschool IJsselland (B1) (zonder beperking: NT2 Centrum Zwolle (B2))');
    expect(outcome.stdout).toContain('L3: Het Taalhuis Kampen (B2) (zonder beperking: NT2 Centrum Zwolle (B1))');
  });

  it('names each rule of the limitation by its Dutch words in the table, never by its id', () => {
    const preference = example();
    preference.awardLimit = { maxLotsPerBidder: 1, rule: 'bidder-preference' };
    const table = runCli(['evaluate', tempFile('voorkeur.json', preference), '--format', 'table']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Gunningsbeperking: hoogstens 1 perceel per inschrijver, regel: voorkeur van de inschrijver.');
    const lotOrder = runCli(['evaluate', PROCEDURE, '--format', 'table']).stdout ?? '';
    for (const text of [table.stdout ?? '', lotOrder]) {
      const leaked = knownIdentifiers().filter((id) => new RegExp(`(?<![\\w.-])${id.replace(/[.]/g, '\\.')}(?![\\w-])`).test(text));
      expect(leaked).toEqual([]);
    }
  });

  it('exits 1 and names every problem by its path from the root, inside a lot too', () => {
    const procedure = example();
    procedure.lots[1].dossier.bids[0].price = -5;
    procedure.lots[2].id = 'L1';
    procedure.lots[2].dossier.bids[1].provider.kvk = '05234567';
    procedure.awardLimit.lotOrder = ['L1', 'L9', 'L1'];
    procedure.preferences = { '99999999': ['L1'] };
    procedure.awardlimit = {};
    const outcome = runCli(['evaluate', tempFile('fout.json', procedure)]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBeUndefined();
    const lines = (outcome.stderr ?? '').split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'lots[1].dossier.bids[0].price: bedrag moet tussen 0,01 en 100.000.000.000 liggen met hoogstens 2 decimalen',
        'lots[2].id: perceel-id "L1" komt al voor bij lots[0]',
        'lots[2].dossier.bids[1].provider.kvk: deze inschrijver (KvK 05234567) schreef op dit perceel al in met bids[0]; één inschrijving per inschrijver per perceel',
        'awardLimit.lotOrder[1]: geen perceel van deze procedure: "L9"',
        'awardLimit.lotOrder[2]: perceel "L1" staat al eerder in de volgorde',
        'awardLimit.lotOrder: perceel "L2" ontbreekt; de volgorde noemt elk perceel precies één keer',
        'preferences: voorkeuren gelden alleen bij awardLimit.rule "bidder-preference"; laat preferences weg',
        'awardlimit: onbekend veld "awardlimit"',
      ]),
    );
  });

  it('exits 1 for preferences that name a school that did not bid or a lot the school did not bid on, and for lot-order without its order', () => {
    const procedure = example();
    procedure.awardLimit = { maxLotsPerBidder: 0, rule: 'bidder-preference' };
    procedure.preferences = { '99999999': ['L1'], '05345678': ['L2', 'L1', 'L1'], '0512': [] };
    const lines = (runCli(['evaluate', tempFile('voorkeur-fout.json', procedure)]).stderr ?? '').split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'awardLimit.maxLotsPerBidder: moet een geheel getal van minstens 1 zijn',
        'preferences.99999999: geen school met KvK 99999999 heeft op een perceel van deze procedure ingeschreven',
        'preferences.05345678[0]: KvK 05345678 heeft niet ingeschreven op perceel "L2"',
        'preferences.05345678[2]: perceel "L1" staat al eerder in deze voorkeur',
        'preferences.0512: KvK-nummer moet precies 8 cijfers zijn',
      ]),
    );
    const noOrder = example();
    delete noOrder.awardLimit.lotOrder;
    expect(runCli(['evaluate', tempFile('geen-volgorde.json', noOrder)]).stderr).toBe(
      'awardLimit.lotOrder: ontbreekt; verplicht bij de regel "lot-order" (de gepubliceerde volgorde van de percelen)',
    );
  });

  it('exits 1 for a procedure of more than 50 lots, and for one without lots', () => {
    const procedure = example();
    const many = { ...procedure, awardLimit: undefined, lots: Array.from({ length: 51 }, (_, i) => ({ id: `L${i + 1}`, dossier: procedure.lots[0].dossier })) };
    expect(runCli(['evaluate', tempFile('veel.json', many)]).stderr).toBe('lots: hoogstens 50 percelen per procedure');
    expect(runCli(['evaluate', tempFile('leeg.json', { ...procedure, awardLimit: undefined, lots: [] })]).stderr).toBe('lots: geef minstens één perceel');
  });

  it('a dossier@1 file prints exactly its evaluation, as before procedures existed', () => {
    for (const file of DOSSIERS) {
      const parsed = parseDossier(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
      if (!parsed.ok) throw new Error(file);
      expect(runCli(['evaluate', join(ROOT, file)]).stdout).toBe(JSON.stringify(evaluateDossier(parsed.dossier), null, 2));
    }
  });

  it('runs from the build (`npm run --silent evaluate`) on the procedure example', () => {
    assertBuildIsCurrent();
    const run = spawnSync('npm', ['run', '--silent', 'evaluate', '--', PROCEDURE], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${runCli(['evaluate', PROCEDURE]).stdout}\n`);
  });
});
