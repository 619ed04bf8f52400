import { describe, expect, it } from 'vitest';
import { computeCostFloor } from '../../../src/domain/cost-floor.js';
import type { Bid } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { formatEuroRational } from '../../../src/domain/money.js';
import { dossierFromTemplate } from '../../../src/domain/templates/dossier-from-template.js';
import { COST_FLOOR_FIELDS } from '../../../src/domain/templates/template-rules.js';
import { parseTemplate, type TenderTemplate } from '../../../src/domain/templates/template.schema.js';
import { getTemplate, listTemplates } from '../../../src/modules/templates/templates.service.js';

// The floor per learner that each template's assumptions give, worked out by hand:
// contactHours * teacherHourlyCost * (1 + overheadShare) / groupSize + fixedCostPerLearner.
const EXPECTED_FLOORS: Record<string, { perLearnerEuros: number; computation: string }> = {
  'b1-route': {
    perLearnerEuros: 4062.5, // 600 * 55 * 1,35 / 12 = 3.712,50 + 350
    computation: '600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar',
  },
  'module-map': {
    perLearnerEuros: 446, // 64 * 55 * 1,35 / 12 = 396 + 50
    computation: '64 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a050,00 = €\u00a0446,00 per inburgeraar',
  },
  onderwijsroute: {
    perLearnerEuros: 9000, // 1200 * 60 * 1,4 / 12 = 8.400 + 600
    computation: '1200 uur x €\u00a060,00 x (1 + 0,4) / 12 inburgeraars + €\u00a0600,00 = €\u00a09.000,00 per inburgeraar',
  },
  'z-route': {
    perLearnerEuros: 7480, // 800 * 55 * 1,35 / 10 = 5.940 + 1.540
    computation: '800 uur x €\u00a055,00 x (1 + 0,35) / 10 inburgeraars + €\u00a01.540,00 = €\u00a07.480,00 per inburgeraar',
  },
};

const templates = listTemplates();
const LEARNERS = 50;

/** Every criterion scored the same value, so quality points are `W_Q * score / 100`. */
function bid(id: string, score: number, price: number, template: TenderTemplate): Bid {
  return {
    id,
    provider: { name: `Taalschool ${id}`, kvk: `1000000${id.charCodeAt(0) % 10}`, keurmerk: true },
    price,
    scores: Object.fromEntries(template.criteria.map((c) => [c.id, score])),
  };
}

describe('the tender templates in templates/tenders', () => {
  it('are the four routes, in file-name order', () => {
    expect(templates.map((t) => t.id)).toEqual(['b1-route', 'module-map', 'onderwijsroute', 'z-route']);
    expect(templates.map((t) => t.lot)).toEqual(['B1-route', 'Module Arbeidsmarkt en Participatie (MAP)', 'onderwijsroute', 'Z-route']);
    expect(Object.keys(EXPECTED_FLOORS).sort()).toEqual(templates.map((t) => t.id));
  });

  it('are found by id, and an unknown id gives undefined', () => {
    expect(getTemplate('z-route')?.name).toBe('Inburgering Z-route (zelfredzaamheidsroute)');
    expect(getTemplate('a-route')).toBeUndefined();
  });

  it('are served frozen, so a caller cannot change them for everyone', () => {
    const template = getTemplate('b1-route');
    expect(() => {
      (template as { lot: string }).lot = 'iets anders';
    }).toThrow(TypeError);
  });

  for (const template of templates) {
    const floor = computeCostFloor(template.lowBidRules.costFloor);

    describe(template.name, () => {
      it(`${template.lot}: kostenvloer ${formatEuroRational(floor.perLearnerCents, 4)} per inburgeraar`, () => {
        const expected = EXPECTED_FLOORS[template.id];
        expect(floor.perLearnerEuros).toBe(expected?.perLearnerEuros);
        expect(floor.computation).toBe(expected?.computation);
      });

      it('validates against the template schema', () => {
        expect(parseTemplate(structuredClone(template))).toEqual({ ok: true, template });
      });

      it('uses the nl-default low-bid rules and weighs quality at least four times price', () => {
        expect(template.lowBidRules.preset).toBe('nl-default');
        expect(template.award.method).toBe('lowest-relative');
        const qualityWeight = template.criteria.reduce((sum, c) => sum + c.weight, 0);
        expect(qualityWeight + (template.award.priceWeight ?? 0)).toBe(100);
        expect(qualityWeight / (template.award.priceWeight ?? 1)).toBeGreaterThanOrEqual(4);
      });

      it('names a source for every cost-floor parameter and for the price weight', () => {
        const paths = template.assumptions.map((a) => a.path);
        for (const field of COST_FLOOR_FIELDS) expect(paths).toContain(`lowBidRules.costFloor.${field}`);
        expect(paths).toContain('award.priceWeight');
        expect(template.assumptions.every((a) => a.source.trim().length > 20)).toBe(true);
      });

      it('says in Dutch what every score on every scale means', () => {
        for (const criterion of template.criteria) {
          expect(criterion.levels?.map((level) => level.score)).toEqual(criterion.scale);
        }
      });

      it('becomes a valid dossier that evaluates with four bids: the best quality wins, the bid under the floor is flagged', () => {
        const dossier = dossierFromTemplate(template, {
          reference: `TEST-${template.id}`,
          title: `Test ${template.name}`,
          buyer: 'Gemeente Voorbeeld',
          expectedLearners: LEARNERS,
        });
        const perLearner = floor.perLearnerEuros;
        dossier.bids = [
          bid('A', 75, perLearner * 1.5 * LEARNERS, template),
          bid('B', 100, perLearner * 2 * LEARNERS, template),
          bid('C', 50, perLearner * 1.3 * LEARNERS, template),
          bid('D', 75, perLearner * 0.6 * LEARNERS, template),
        ];
        const parsed = parseDossier(JSON.parse(JSON.stringify(dossier)));
        expect(parsed).toEqual({ ok: true, dossier });

        const result = evaluateDossier(dossier);
        // B: W_Q + 0,3 W_P beats D: 0,75 W_Q + W_P because W_Q >= 4 W_P.
        expect(result.winner).toBe('B');
        const d = result.bids.find((b) => b.bidId === 'D');
        const costFloorFlag = d?.lowBidFlags.find((f) => f.rule === 'cost-floor');
        expect(costFloorFlag?.reference).toBe(perLearner);
        expect(costFloorFlag?.value).toBeCloseTo(perLearner * 0.4, 6);
        expect(result.bids.filter((b) => b.lowBidFlags.some((f) => f.rule === 'cost-floor')).map((b) => b.bidId)).toEqual(['D']);
        expect(result.lowBidImpact?.['D']).toEqual({ winnerIfRejected: 'B', changesWinner: false });
      });
    });
  }
});
