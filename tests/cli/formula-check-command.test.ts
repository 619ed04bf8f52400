import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulaCheckCommand } from '../../src/cli/formula-check-command.js';

const root = new URL('../../', import.meta.url).pathname;
const b1Template = join(root, 'templates/tenders/b1-route.json');
const example = join(root, 'templates/examples/b1-route-ijsselland.dossier.json');

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-formula-')), name);
  writeFileSync(file, content);
  return file;
}

const badDossier = {
  format: 'gunningswijzer/dossier@1',
  tender: { reference: 'SLECHT-01', title: 'Slechte formule', buyer: 'Gemeente Test', lot: 'B1-route', estimatedValue: 520000, expectedLearners: 60 },
  award: { method: 'lowest-relative', priceWeight: 60 },
  criteria: [
    { id: 'K1', title: 'Didactiek', weight: 20, scale: [0, 25, 50, 75, 100] },
    { id: 'K2', title: 'Begeleiding', weight: 20, scale: [0, 25, 50, 75, 100] },
  ],
  lowBidRules: { costFloor: { contactHours: 600, teacherHourlyCost: 55, groupSize: 12, overheadShare: 0.35, fixedCostPerLearner: 350 } },
};

describe('formula-check command', () => {
  it('checks a template with the facts given as options', () => {
    const outcome = formulaCheckCommand([b1Template, '--estimated-value', '520000', '--expected-learners', '100']);
    expect(outcome.code).toBe(0);
    const check = JSON.parse(outcome.stdout ?? '');
    expect(check.verdict).toBe('resists-underbidding');
    expect(check.underbidderTest.testPrice).toBe(406250);
  });

  it('checks a template as shipped: not computable, with the reason', () => {
    const check = JSON.parse(formulaCheckCommand([b1Template]).stdout ?? '');
    expect(check.verdict).toBe('not-computable');
  });

  it('checks a dossier without bids and prints Dutch text with --format table', () => {
    const file = tempFile('slecht.json', JSON.stringify(badDossier));
    const outcome = formulaCheckCommand([file, '--format', 'table']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Formulecheck: SLECHT-01 - Slechte formule (B1-route)');
    expect(outcome.stdout).toContain('Oordeel: Deze formule lokt onderbieden uit.');
    expect(outcome.stdout).toContain('Bij een verwachte prijs van €\u00a0520.000,00 is één kwaliteitspunt €\u00a08.666,67 prijsverlaging waard.');
    expect(outcome.stdout).toContain('Suggesties (elk nagerekend met de gewijzigde aanbesteding)');
    expect(outcome.stdout).toContain('Wijziging: /award/priceWeight = ');
  });

  it('ignores the bids of a full dossier', () => {
    const check = JSON.parse(formulaCheckCommand([example]).stdout ?? '');
    expect(check.method).toBe('lowest-relative');
    expect(check.underbidderTest.qualityBidder.bid.id).toBe('kwaliteitsbieder');
  });

  it('exits 1 for an invalid dossier or template, with every problem', () => {
    const file = tempFile('fout.json', JSON.stringify({ ...badDossier, award: { method: 'lowest-relative' } }));
    expect(formulaCheckCommand([file])).toEqual({ code: 1, stderr: 'award.priceWeight: ontbreekt; verplicht bij methode "lowest-relative"' });
    const template = tempFile('t.json', JSON.stringify({ format: 'gunningswijzer/tender-template@1' }));
    expect(formulaCheckCommand([template]).code).toBe(1);
    expect(formulaCheckCommand([b1Template, '--expected-learners', '0']).stderr).toBe('tender.expectedLearners: moet een geheel getal van minstens 1 zijn');
  });

  it('reads --estimated-value 400.000 as four hundred thousand euros, as 400000 and 400.000,00 are', () => {
    const testPrice = (value: string) => {
      const outcome = formulaCheckCommand([b1Template, '--estimated-value', value, '--expected-learners', '100']);
      expect(outcome.code, outcome.stderr).toBe(0);
      return JSON.parse(outcome.stdout ?? '').underbidderTest.expectedPrice as number;
    };
    expect(testPrice('400.000')).toBe(400000);
    expect(testPrice('400000')).toBe(400000);
    expect(testPrice('400.000,00')).toBe(400000);
    expect(testPrice('€\u00a0400.000')).toBe(400000);
    expect(testPrice('400000.50')).toBe(400000.5);
    expect(testPrice('400.000,50')).toBe(400000.5);
  });

  it('refuses an ambiguous or malformed amount with exit 2 and a message that says how to write it', () => {
    expect(formulaCheckCommand([b1Template, '--estimated-value', '400,000', '--expected-learners', '100'])).toEqual({
      code: 2,
      stderr:
        '--estimated-value: "400,000" is dubbelzinnig: drie cijfers na de komma kunnen duizendtallen zijn of decimalen. ' +
        'Schrijf 400.000 of 400000 voor duizendtallen, of 400,00 met decimalen.\n' +
        'gebruik: formula-check BESTAND.json [--format json|table] [--estimated-value EUR (400.000 of 400000.50)] [--expected-learners N]',
    });
    expect(formulaCheckCommand([b1Template, '--estimated-value', '1.234.5']).stderr).toMatch(
      /^--estimated-value: "1.234.5": de punten staan niet om de drie cijfers/,
    );
    expect(formulaCheckCommand([b1Template, '--estimated-value', '400.123,456']).stderr).toMatch(/^--estimated-value: "400.123,456" heeft 3 decimalen/);
    expect(formulaCheckCommand([b1Template, '--expected-learners', '1.5']).stderr).toMatch(/^--expected-learners: "1.5" is geen geheel getal/);
    expect(formulaCheckCommand([b1Template, '--expected-learners', '1.200', '--estimated-value', '5.000.000']).code).toBe(0);
  });

  it('exits 2 for a file that cannot be read, is not JSON, or a wrong command line', () => {
    expect(formulaCheckCommand([join(root, 'bestaat-niet.json')]).code).toBe(2);
    expect(formulaCheckCommand([tempFile('x.json', '{ nee')]).code).toBe(2);
    expect(formulaCheckCommand([]).code).toBe(2);
    expect(formulaCheckCommand([b1Template, '--format', 'pdf']).code).toBe(2);
    expect(formulaCheckCommand([b1Template, '--onbekend']).code).toBe(2);
  });
});
