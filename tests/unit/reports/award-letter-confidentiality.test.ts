/**
 * An award letter gives what art. 2.130 Aanbestedingswet asks (the recipient's own result, the
 * winner's name, scores, price and motivations) and nothing of the other losing bidders
 * (issue 14). On the IJsselland example after the art. 2.116 review rejected Snel Inburgeren
 * (B3): NT2 Centrum Zwolle (B2) wins, Taalschool IJsselland (B1) is second, Het Taalhuis
 * Kampen (B4) third. Each letter's PDF text (pdftotext) and its data are scanned for every
 * other losing bidder's name, KvK number, price, unit prices and scores, and for the figures
 * of the whole field from which those follow.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAwardLetterData } from '../../../src/reports/award-letter-data.js';
import { renderAwardLetter } from '../../../src/reports/render-award-letter.js';
import { formatBidScore, formatPoints, formatPrice, formatPricePart } from '../../../src/reports/report-format.js';
import type { AwardLetterData, EvaluationReportData } from '../../../src/reports/report-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { derivedSecrets, findSecrets, otherBiddersSecrets, type Secret } from '../../helpers/confidential-figures.js';
import { b1RouteDossier, buildEvaluationReportData } from '../../fixtures/evaluation-report-data.js';
import { normaliseWhitespace, pdfText } from './poppler.js';

const dossier = b1RouteDossier();
let report: EvaluationReportData;

beforeAll(() => {
  const signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  report = buildEvaluationReportData({ dossier, certificate: signer.certificate });
});

function letterFor(bidId: string): AwardLetterData {
  return buildAwardLetterData({ report, bidId, reportId: `LTR-${bidId}`, decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21' });
}

/** The other losing bidders' scores as the letter would print them. */
function scoreSecrets(ownIds: readonly string[]): Secret[] {
  return report.result.bids
    .filter((bid) => !ownIds.includes(bid.bidId))
    .flatMap((bid) => [
      ...(bid.score === null ? [] : [{ label: `${bid.bidId} score`, text: formatBidScore(report.result.scoreKind, bid.score) }]),
      { label: `${bid.bidId} quality points`, text: formatPoints(bid.qualityPoints) },
      ...(bid.pricePoints === undefined ? [] : [{ label: `${bid.bidId} price points`, text: formatPricePart(bid) }]),
    ]);
}

function secretsFor(recipient: string): Secret[] {
  const own = [recipient, 'B2'];
  return [...otherBiddersSecrets(dossier, own), ...scoreSecrets(own), ...derivedSecrets(dossier, recipient, own)];
}

describe('award letters keep the other losing bidders confidential', () => {
  it('is about a decision for B2 with B1 second, B4 third and B3 excluded', () => {
    expect(report.result.winner).toBe('B2');
    expect(report.result.bids.map((bid) => [bid.bidId, bid.rank])).toEqual(
      expect.arrayContaining([
        ['B2', 1],
        ['B1', 2],
        ['B4', 3],
        ['B3', null],
      ]),
    );
  });

  it.each(['B1', 'B3', 'B4', 'B2'])('the letter to %s names no other losing bidder and prints none of their figures (PDF text)', async (recipient) => {
    const text = pdfText(await renderAwardLetter(letterFor(recipient)));
    expect(findSecrets(text, secretsFor(recipient))).toEqual([]);
  });

  it.each(['B1', 'B3', 'B4', 'B2'])('the data of the letter to %s holds none of them either', (recipient) => {
    const data = JSON.stringify(letterFor(recipient));
    expect(findSecrets(data, secretsFor(recipient))).toEqual([]);
    // Not the low-bid flags, whose references are the other bids' mean and next price.
    expect(data).not.toContain('lowBidFlags');
  });

  it("gives a losing bidder the winner's name, price, scores and motivations (art. 2.130)", async () => {
    const text = pdfText(await renderAwardLetter(letterFor('B4')));
    const winner = report.result.bids.find((bid) => bid.bidId === 'B2');
    expect(text).toContain('NT2 Centrum Zwolle (inschrijving B2)');
    expect(text).toContain(normaliseWhitespace(formatPrice(495000)));
    expect(text).toContain(formatBidScore(report.result.scoreKind, winner?.score ?? null));
    expect(text).toContain(formatPoints(winner?.qualityPoints ?? NaN));
    // And its own, next to them.
    expect(text).toContain(normaliseWhitespace(formatPrice(452000)));
    expect(text).toContain('Het Taalhuis Kampen');
  });

  it('would catch another losing bidder in the letter: the scan is not blind', async () => {
    const text = pdfText(await renderAwardLetter({ ...letterFor('B4'), winner: letterFor('B1').recipient }));
    expect(findSecrets(text, secretsFor('B4'))).toEqual(expect.arrayContaining(['B1 name: "Taalschool IJsselland"', 'B1 price: "€ 468.000,00"']));
  });
});
