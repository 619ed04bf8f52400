import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDossier, type ValidationProblem } from '../../../src/domain/evaluation/dossier.schema.js';
import { dossierFromTemplate } from '../../../src/domain/templates/dossier-from-template.js';
import { parseFieldPath, readFieldPath } from '../../../src/domain/templates/template-rules.js';
import { parseTemplate, type TenderTemplate } from '../../../src/domain/templates/template.schema.js';

const b1Url = new URL('../../../templates/tenders/b1-route.json', import.meta.url);
// Tests edit a plain JSON copy, the way a hand-edited template file would differ.
type Json = any;
const b1Json: Json = JSON.parse(readFileSync(b1Url, 'utf8'));

function problemsOf(mutate: (t: Json) => void): ValidationProblem[] {
  const t = structuredClone(b1Json);
  mutate(t);
  const result = parseTemplate(t);
  if (result.ok) throw new Error('expected the template to be invalid');
  return result.problems;
}

function b1(): TenderTemplate {
  const result = parseTemplate(structuredClone(b1Json));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.template;
}

describe('parseTemplate', () => {
  it('accepts the B1-route template', () => {
    expect(b1().id).toBe('b1-route');
  });

  it('requires a meaning for every score of the scale', () => {
    expect(problemsOf((t) => t.criteria[1].levels.splice(1, 2))).toEqual([{ path: 'criteria[1].levels', message: 'de betekenis ontbreekt voor score 25, 50' }]);
    expect(problemsOf((t) => delete t.criteria[0].levels)).toEqual([
      { path: 'criteria[0].levels', message: 'beschrijf wat elke score betekent (schaal 0, 25, 50, 75, 100)' },
    ]);
  });

  it('refuses a meaning for a score that is not on the scale, and a score described twice', () => {
    expect(problemsOf((t) => (t.criteria[0].levels[4].score = 90))).toEqual([
      { path: 'criteria[0].levels[4].score', message: 'score 90 komt niet voor op de schaal 0, 25, 50, 75, 100' },
      { path: 'criteria[0].levels', message: 'de betekenis ontbreekt voor score 100' },
    ]);
    expect(problemsOf((t) => (t.criteria[0].levels[4].score = 75))).toEqual([
      { path: 'criteria[0].levels[4].score', message: 'score 75 is al beschreven in levels[3]' },
      { path: 'criteria[0].levels', message: 'de betekenis ontbreekt voor score 100' },
    ]);
  });

  it('requires every cost-floor parameter to be named as an assumption', () => {
    expect(problemsOf((t) => t.assumptions.splice(3, 1))).toEqual([
      {
        path: 'lowBidRules.costFloor.groupSize',
        message: 'is een aanname: noem dit getal met zijn bron in assumptions ("lowBidRules.costFloor.groupSize")',
      },
    ]);
  });

  it('refuses an assumption whose value differs from the template, or whose path leads nowhere', () => {
    expect(problemsOf((t) => (t.lowBidRules.costFloor.groupSize = 15))).toEqual([
      { path: 'assumptions[3].value', message: '12 wijkt af van de waarde 15 op lowBidRules.costFloor.groupSize' },
    ]);
    expect(problemsOf((t) => t.assumptions.push({ path: 'award.priceCeiling', value: 1, source: 'x' }))).toEqual([
      { path: 'assumptions[6].path', message: '"award.priceCeiling" wijst niet naar een getal in deze template' },
    ]);
    expect(problemsOf((t) => t.assumptions.push({ path: 'criteria[0', value: 1, source: 'x' }))).toEqual([
      { path: 'assumptions[6].path', message: '"criteria[0" is geen pad in de vorm lowBidRules.costFloor.groupSize' },
    ]);
    expect(problemsOf((t) => t.assumptions.push({ ...t.assumptions[0] }))).toEqual([
      { path: 'assumptions[6].path', message: '"award.priceWeight" staat al in assumptions[0]' },
    ]);
  });

  it('accepts an assumption about a criterion number by its indexed path', () => {
    const t = structuredClone(b1Json);
    t.assumptions.push({ path: 'criteria[0].minimum', value: 50, source: 'Keuze van deze template.' });
    expect(parseTemplate(t).ok).toBe(true);
  });

  it('requires a cost floor and reports unknown fields and a bad id', () => {
    const problems = problemsOf((t) => {
      delete t.lowBidRules.costFloor;
      t.id = 'B1 route';
      t.remark = 'x';
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'lowBidRules.costFloor', message: 'verplicht veld ontbreekt' },
        { path: 'id', message: 'id moet uit kleine letters, cijfers en koppeltekens bestaan' },
        { path: 'remark', message: 'onbekend veld "remark"' },
      ]),
    );
  });

  it('reuses the dossier rules for the award and the criteria', () => {
    expect(problemsOf((t) => delete t.award.priceWeight)).toEqual([
      { path: 'award.priceWeight', message: 'ontbreekt; verplicht bij methode "lowest-relative"' },
      { path: 'assumptions[0].path', message: '"award.priceWeight" wijst niet naar een getal in deze template' },
    ]);
    expect(problemsOf((t) => (t.criteria[0].minimum = 60))).toEqual([
      { path: 'criteria[0].minimum', message: 'minimum 60 komt niet voor op de schaal 0, 25, 50, 75, 100' },
    ]);
  });

  it('names the document itself "template" when it is not an object', () => {
    expect(parseTemplate([])).toEqual({ ok: false, problems: [{ path: 'template', message: 'moet een object zijn, niet een lijst' }] });
  });
});

describe('field paths of assumptions', () => {
  it('parses the dossier notation and reads the value at it', () => {
    expect(parseFieldPath('criteria[0].levels[2].score')).toEqual(['criteria', 0, 'levels', 2, 'score']);
    expect(parseFieldPath('a..b')).toBeNull();
    expect(parseFieldPath('')).toBeNull();
    expect(readFieldPath(b1Json, 'lowBidRules.costFloor.overheadShare')).toBe(0.35);
    expect(readFieldPath(b1Json, 'criteria[9].weight')).toBeUndefined();
  });
});

describe('criterion levels in a dossier', () => {
  const dossier = () => dossierFromTemplate(b1(), { reference: 'R-1', title: 'T', buyer: 'Gemeente X' });

  it('are optional and may describe only some scores', () => {
    const d = dossier();
    d.criteria[0]!.levels = [{ score: 50, meaning: 'Voldoende.' }];
    delete d.criteria[1]!.levels;
    expect(parseDossier(d).ok).toBe(true);
  });

  it('must be scores of the scale, each at most once, with a non-empty meaning', () => {
    const d: Json = dossier();
    d.criteria[0].levels = [
      { score: 30, meaning: 'x' },
      { score: 50, meaning: ' ' },
      { score: 50, meaning: 'y' },
    ];
    const result = parseDossier(d);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'criteria[0].levels[1].meaning', message: 'mag niet leeg zijn' },
      { path: 'criteria[0].levels[0].score', message: 'score 30 komt niet voor op de schaal 0, 25, 50, 75, 100' },
      { path: 'criteria[0].levels[2].score', message: 'score 50 is al beschreven in levels[1]' },
    ]);
  });
});

describe('dossierFromTemplate', () => {
  it("copies the template's lot, award, criteria and rules, adds the buyer's facts, and no bids", () => {
    const template = b1();
    const dossier = dossierFromTemplate(template, {
      reference: 'ZWL-2027-INB-B1',
      title: 'Inburgering B1-route regio IJsselland',
      buyer: 'Gemeente Zwolle',
      estimatedValue: 520000,
      expectedLearners: 80,
    });
    expect(dossier).toEqual({
      format: 'gunningswijzer/dossier@1',
      tender: {
        reference: 'ZWL-2027-INB-B1',
        title: 'Inburgering B1-route regio IJsselland',
        buyer: 'Gemeente Zwolle',
        lot: 'B1-route',
        estimatedValue: 520000,
        expectedLearners: 80,
      },
      award: { method: 'lowest-relative', priceWeight: 20, tieBreak: ['quality', 'lot'] },
      criteria: template.criteria,
      lowBidRules: template.lowBidRules,
      bids: [],
    });
    expect(parseDossier(dossier)).toEqual({ ok: true, dossier });
  });

  it('leaves estimate and learners absent when not given, and takes a lot name', () => {
    const dossier = dossierFromTemplate(b1(), { reference: 'R', title: 'T', buyer: 'B', lot: 'Perceel 2: B1-route' });
    expect(dossier.tender).toEqual({ reference: 'R', title: 'T', buyer: 'B', lot: 'Perceel 2: B1-route' });
    expect('expectedLearners' in dossier.tender).toBe(false);
  });

  it('gives a copy: changing the dossier leaves the template as it was', () => {
    const template = b1();
    const dossier = dossierFromTemplate(template, { reference: 'R', title: 'T', buyer: 'B' });
    dossier.lowBidRules!.costFloor!.groupSize = 8;
    dossier.criteria[0]!.weight = 40;
    expect(template.lowBidRules.costFloor.groupSize).toBe(12);
    expect(template.criteria[0]?.weight).toBe(25);
  });
});
