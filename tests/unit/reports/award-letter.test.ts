import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAwardLetterData } from '../../../src/reports/award-letter-data.js';
import { renderAwardLetter } from '../../../src/reports/render-award-letter.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { b1RouteDossier, buildEvaluationReportData } from '../../fixtures/evaluation-report-data.js';
import { normaliseWhitespace, pdfText, pdfsig } from './poppler.js';

let signer: ReportSigner;
let report: EvaluationReportData;

beforeAll(() => {
  signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  report = buildEvaluationReportData({ dossier: b1RouteDossier(), certificate: signer.certificate });
});

function letterFor(bidId: string) {
  return buildAwardLetterData({
    report,
    bidId,
    reportId: `LTR-${bidId}`,
    decisionDate: '2027-03-01',
    standstillEndsOn: '2027-03-21',
    contact: 'inkoop@zwolle.nl',
  });
}

function motivation(bidId: string, criterionId: string): string {
  const found = report.consensus?.motivations.find((m) => m.bidId === bidId && m.criterionId === criterionId);
  if (!found) throw new Error(`no motivation for ${bidId} ${criterionId}`);
  return normaliseWhitespace(found.motivation);
}

describe('award letter', () => {
  it('tells a losing bidder its rank, the winner and both scores per criterion with the motivations', async () => {
    const text = pdfText(await renderAwardLetter(letterFor('B1')));
    expect(text).toContain('Wij zijn voornemens de opdracht te gunnen aan NT2 Centrum Zwolle (inschrijving B2), met een score van 81,39.');
    expect(text).toContain('Uw inschrijving is op plaats 2 van 3 geëindigd met een score van 78,97.');
    expect(text).toContain('Uw scores naast die van de winnende inschrijving (art. 2.130 Aanbestedingswet)');
    for (const criterion of report.criteria) {
      expect(text).toContain(criterion.title);
      expect(text).toContain(motivation('B1', criterion.id));
      expect(text).toContain(motivation('B2', criterion.id));
    }
    expect(text).toContain('De opschortende termijn (Alcatel-termijn) eindigt op 21 maart 2027.');
    expect(text).toContain('om een nadere toelichting vragen via inkoop@zwolle.nl');
    expect(text).toContain('kort geding aanhangig maken bij de bevoegde voorzieningenrechter');
    expect(text).toContain('pagina 1 van');
  });

  it('tells the winner it is the intended winner and that no contract exists yet', async () => {
    const text = pdfText(await renderAwardLetter(letterFor('B2')));
    expect(text).toContain('u bent de voorgenomen winnaar');
    expect(text).toContain('er is nog geen overeenkomst gesloten');
    expect(text).not.toContain('Uw scores naast die van de winnende inschrijving');
    for (const criterion of report.criteria) expect(text).toContain(motivation('B2', criterion.id));
  });

  it('gives an excluded bidder every reason for its exclusion', async () => {
    const text = pdfText(await renderAwardLetter(letterFor('B3')));
    expect(text).toContain('Uw inschrijving is niet in de rangschikking opgenomen');
    const reason = report.result.bids.find((bid) => bid.bidId === 'B3')?.exclusionReasons[0] ?? '';
    expect(text).toContain(normaliseWhitespace(reason));
  });

  it('is signed like the report and renders the same bytes twice', async () => {
    const letter = letterFor('B4');
    const pdf = await renderAwardLetter(letter);
    expect((await renderAwardLetter(letter)).equals(pdf)).toBe(true);
    const signed = await signer.sign(pdf);
    expect(pdfsig(signed)).toContain('Signature is Valid.');
    expect(await verifyPdfSignature(signed)).toMatchObject({ signatureValid: true, padesLevel: 'B-B' });
  });

  it("says whether the signature carries a trusted time, as the report's cover does", async () => {
    expect(pdfText(await renderAwardLetter(letterFor('B4')))).toContain('geen: dit document draagt geen vertrouwd tijdstip (PAdES B-B)');
    const stamped = buildAwardLetterData({
      report: { ...report, signatureLevel: 'B-T' },
      bidId: 'B4',
      reportId: 'LTR-B4',
      decisionDate: '2027-03-01',
      standstillEndsOn: '2027-03-21',
    });
    expect(pdfText(await renderAwardLetter(stamped))).toContain('ja: een tijdstempeldienst (RFC 3161)');
  });

  it('is addressed to the school with its contact person, street, postcode and place when the bid gives them', async () => {
    const dossier = b1RouteDossier();
    const b1 = dossier.bids.find((bid) => bid.id === 'B1');
    if (b1 === undefined) throw new Error('B1 missing');
    b1.provider = {
      ...b1.provider,
      contactPerson: 'Şükrü Yılmaz',
      street: 'Lange Voorhout 9a',
      postcode: '2514 EA',
      place: "'s-Gravenhage",
      email: 'info@school.nl',
    };
    const addressed = buildEvaluationReportData({ dossier, certificate: signer.certificate });
    const letter = buildAwardLetterData({ report: addressed, bidId: 'B1', reportId: 'LTR-B1', decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21' });
    expect(letter.recipientAddress).toEqual({
      street: 'Lange Voorhout 9a',
      postcode: '2514 EA',
      place: "'s-Gravenhage",
      contactPerson: 'Şükrü Yılmaz',
      email: 'info@school.nl',
    });
    const text = pdfText(await renderAwardLetter(letter));
    expect(text).toContain(`${b1.provider.name} t.a.v. Şükrü Yılmaz Lange Voorhout 9a 2514 EA 'S-GRAVENHAGE Inschrijving B1`);
    // The block is the postal address: the e-mail address is not printed in it.
    expect(text).not.toContain('info@school.nl');
    // The winner's letter names the winner, but never the losing school's address.
    const winnerLetter = buildAwardLetterData({
      report: addressed,
      bidId: 'B2',
      reportId: 'LTR-B2',
      decisionDate: '2027-03-01',
      standstillEndsOn: '2027-03-21',
    });
    expect(pdfText(await renderAwardLetter(winnerLetter))).not.toContain('Lange Voorhout');
  });

  it('names only the school when its address is not known', async () => {
    const letter = letterFor('B1');
    expect(letter.recipientAddress).toEqual({});
    const name = report.bids.find((bid) => bid.id === 'B1')?.providerName ?? '';
    expect(pdfText(await renderAwardLetter(letter)).startsWith(`${report.tender.buyer} ${name} Inschrijving B1 Datum: 1 maart 2027`)).toBe(true);
  });

  it('refuses a letter when rank 1 is shared (no winner)', () => {
    const tied = { ...report, result: { ...report.result, winner: null } };
    expect(() => buildAwardLetterData({ report: tied, bidId: 'B1', reportId: 'X', decisionDate: '2027-03-01', standstillEndsOn: '2027-03-21' })).toThrow(
      /geen winnaar/,
    );
  });
});
