import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Award, Dossier } from '../../../src/domain/evaluation/dossier.js';
import { METHOD_NAMES } from '../../../src/domain/vocabulary/index.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { renderEvaluationReport } from '../../../src/reports/render-evaluation-report.js';
import { b1RouteDossier, buildEvaluationReportData, testCertificate as certificate } from '../../fixtures/evaluation-report-data.js';
import { pdfText } from './poppler.js';

function withAward(dossier: Dossier, award: Award): Dossier {
  const parsed = parseDossier({ ...dossier, award });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.dossier;
}

const b1 = b1RouteDossier();
const gunnenOpWaarde = (() => {
  const parsed = parseDossier(
    JSON.parse(readFileSync(new URL('../../../templates/examples/onderwijsroute-gunnen-op-waarde.dossier.json', import.meta.url), 'utf8')),
  );
  if (!parsed.ok) throw new Error('example invalid');
  return parsed.dossier;
})();

const cases: [string, Dossier][] = [
  ['min-max-bids', withAward(b1, { method: 'min-max-bids', priceWeight: 30 })],
  ['min-max-set', withAward(b1, { method: 'min-max-set', priceWeight: 30, priceFloor: 300000, priceCeiling: 600000 })],
  ['quality-price-ratio', withAward(b1, { method: 'quality-price-ratio' })],
  ['utility-index', withAward(b1, { method: 'utility-index', priceWeight: 40 })],
  [
    'fixed-price',
    withAward({ ...b1, bids: b1.bids.map((bid) => ({ ...bid, price: undefined, priceLines: undefined })) }, { method: 'fixed-price', fixedPrice: 480000 }),
  ],
  ['gunnen-op-waarde', gunnenOpWaarde],
];

describe('evaluation report for every award method', () => {
  it.each(cases)('renders %s with its name and formula', async (_, dossier) => {
    const data = buildEvaluationReportData({ dossier, certificate });
    const text = pdfText(await renderEvaluationReport(data));
    expect(text).toContain(METHOD_NAMES[dossier.award.method]);
    expect(text).not.toContain('LET OP: ONTWIKKELCERTIFICAAT');
    if (data.result.winner !== null) expect(text).toMatch(new RegExp(`Winnaar volgens de beoordeling [^()]+ \\(${data.result.winner}\\)`));
  });

  it('says there is no winner when rank 1 is shared', async () => {
    const tied = {
      ...b1,
      bids: b1.bids.map((bid) => ({ ...bid, price: 400000, priceLines: undefined, scores: { K1: 8, K2: 8, K3: 8, K4: 8 }, lowBidReview: undefined })),
    };
    const data = buildEvaluationReportData({ dossier: tied, certificate });
    expect(data.result.winner).toBeNull();
    const text = pdfText(await renderEvaluationReport(data));
    expect(text).toContain('geen: de eerste plaats wordt gedeeld; loting is nodig');
    expect(text).toContain('loting is nodig.');
  });
});
