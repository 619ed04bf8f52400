import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidTemplateError, loadTemplatesFrom, TEMPLATES_DIRECTORY } from '../../../src/modules/templates/templates.service.js';

const b1 = JSON.parse(readFileSync(join(TEMPLATES_DIRECTORY, 'b1-route.json'), 'utf8'));

function directoryWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-templates-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function loadErrors(dir: string): string[] {
  try {
    loadTemplatesFrom(dir);
  } catch (error) {
    if (error instanceof InvalidTemplateError) return error.problems;
    throw error;
  }
  throw new Error('expected InvalidTemplateError');
}

describe('loadTemplatesFrom', () => {
  it('reads the json files of a directory in file-name order and ignores other files', () => {
    const dir = directoryWith({
      'b.json': JSON.stringify({ ...b1, id: 'tweede' }),
      'a.json': JSON.stringify({ ...b1, id: 'eerste' }),
      'LEESMIJ.md': '# geen template',
    });
    expect(loadTemplatesFrom(dir).map((t) => t.id)).toEqual(['eerste', 'tweede']);
  });

  it('names the file and the path of every problem, in Dutch, across all files', () => {
    const broken = structuredClone(b1);
    broken.lowBidRules.costFloor.groupSize = 0;
    delete broken.awardRationale;
    const dir = directoryWith({
      'kapot.json': JSON.stringify(broken),
      'geen-json.json': '{ "id": ',
      'goed.json': JSON.stringify(b1),
    });
    const problems = loadErrors(dir);
    expect(problems[0]).toMatch(/^.*geen-json\.json: geen geldige JSON \(/);
    expect(problems.slice(1).map((p) => p.slice(p.indexOf('kapot.json')))).toEqual([
      'kapot.json: awardRationale: verplicht veld ontbreekt',
      'kapot.json: lowBidRules.costFloor.groupSize: moet een geheel getal van minstens 1 zijn',
      'kapot.json: assumptions[3].value: 12 wijkt af van de waarde 0 op lowBidRules.costFloor.groupSize',
    ]);
  });

  it('refuses two templates with the same id', () => {
    const dir = directoryWith({ 'a.json': JSON.stringify(b1), 'b.json': JSON.stringify(b1) });
    const [problem] = loadErrors(dir);
    expect(problem).toMatch(/b\.json: id: "b1-route" wordt al gebruikt door .*a\.json$/);
  });

  it('puts every problem on its own line of the error message', () => {
    expect(new InvalidTemplateError(['templates/tenders/x.json: id: fout']).message).toBe(
      'Ongeldige aanbestedingstemplate(s):\ntemplates/tenders/x.json: id: fout',
    );
  });
});
