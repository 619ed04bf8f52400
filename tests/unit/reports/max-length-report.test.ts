import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../src/domain/text/text-limits.js';
import { renderAwardLetter } from '../../../src/reports/render-award-letter.js';
import { renderEvaluationReport } from '../../../src/reports/render-evaluation-report.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { buildAwardLetterData } from '../../../src/reports/award-letter-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { toPrintable } from '../../../src/reports/pdf/printable-text.js';
import { buildMaxLengthReportData } from '../../fixtures/max-length-report-data.js';
import { pdfBodyText, pdfText } from './poppler.js';

let data: EvaluationReportData;
let body: string;
let text: string;
let pages: number;
beforeAll(async () => {
  const signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  data = buildMaxLengthReportData({ certificate: signer.certificate });
  const pdf = await renderEvaluationReport(data);
  pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  body = pdfBodyText(pdf).replace(/\s+/g, '');
  text = pdfText(pdf);
  // Laying out ~300 pages of unique text in embedded fonts takes seconds on a shared machine;
  // its speed is the benchmark's business (npm run bench -- report-limits), not this hook's.
}, 60_000);

/** What the PDF must show of a text: its printable form, read without the line breaks of the layout. */
const shown = (value: string) => toPrintable(value).replace(/\s+/g, '');

describe('an evaluation report with every text at its maximum', () => {
  it('uses texts at exactly their maxima', () => {
    expect(data.tender.title).toHaveLength(TEXT_LIMITS.title);
    expect(data.bids[0]?.providerName).toHaveLength(TEXT_LIMITS.name);
    expect(data.consensus?.motivations[0]?.motivation).toHaveLength(TEXT_LIMITS.motivation);
    expect(data.panel?.members[0]?.conflictRemarks).toHaveLength(TEXT_LIMITS.remark);
    expect(pages).toBeGreaterThan(40);
  });

  it('prints the title, names and reference whole, though each is one unbroken word', () => {
    expect(body).toContain(shown(data.tender.title));
    expect(body).toContain(shown(data.tender.reference));
    for (const bid of data.bids) expect(body).toContain(shown(bid.providerName));
  });

  it('prints every consensus motivation and deviation reason whole, across pages', () => {
    for (const motivation of data.consensus?.motivations ?? []) {
      expect(body).toContain(shown(motivation.motivation));
      expect(body).toContain(shown(motivation.deviationReason ?? ''));
    }
  });

  it('prints the art. 2.116 review and the criteria descriptions whole', () => {
    const review = data.bids.find((bid) => bid.lowBidReview !== undefined)?.lowBidReview;
    expect(body).toContain(shown(review?.questions ?? 'x'));
    expect(body).toContain(shown(review?.explanation ?? 'x'));
    expect(body).toContain(shown(data.criteria[0]?.description ?? 'x'));
  });

  it('prints a panel remark longer than a page as a block of its own instead of a table row', () => {
    // Each column's header is printed right before its value, as a label.
    for (const member of data.panel?.members ?? []) {
      expect(body).toContain(shown(`Beoordelaar${member.name}`));
      expect(body).toContain(shown(`Opmerkingen${member.conflictRemarks ?? 'x'}`));
    }
  });

  it('keeps the footer on one line: report id first, the long reference cut with an ellipsis', () => {
    const footers = text.match(/Beoordelingsrapport RPT-MAX - KENMERK\w+… pagina \d+ van \d+/g) ?? [];
    expect(footers).toHaveLength(pages);
    expect(footers.at(-1)).toMatch(new RegExp(`pagina ${pages} van ${pages}$`));
  });
});

describe('an award letter with every text at its maximum', () => {
  it('prints the buyer, the school and the motivations whole', async () => {
    const letter = buildAwardLetterData({
      report: data,
      bidId: data.bids[1]?.id ?? 'B2',
      reportId: 'BRF-MAX',
      decisionDate: '2027-03-01',
      standstillEndsOn: '2027-03-21',
    });
    const pdf = await renderAwardLetter(letter);
    const letterBody = pdfBodyText(pdf).replace(/\s+/g, '');
    expect(letterBody).toContain(shown(letter.tender.buyer));
    expect(letterBody).toContain(shown(letter.recipient.providerName));
    for (const motivation of Object.values(letter.recipient.motivations)) expect(letterBody).toContain(shown(motivation));
  });
});
