/**
 * The evaluation report and the award letter as documents of record (issue 17): PDF/A-3b
 * (XMP, output intent, embedded fonts with ToUnicode, no encryption), tagged, names in any
 * Latin script printed as written, the dossier and result embedded as associated files and
 * checked by verify. The PDF/A rules checked here, and the ones not: docs/documents-of-record.md.
 */
import { mkdtempSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { buildAwardLetterData } from '../../../src/reports/award-letter-data.js';
import { DOSSIER_FILE, EVALUATION_FILE } from '../../../src/reports/embedded-files.js';
import { OUTPUT_CONDITION, srgbProfile } from '../../../src/reports/pdf/pdf-a.js';
import { isIntact, verifyDocument } from '../../../src/reports/proof/verify-document.js';
import { readDocument } from '../../../src/reports/proof/read-document.js';
import { winnerReadings } from '../../../src/reports/proof/check-proof.js';
import { renderAwardLetter } from '../../../src/reports/render-award-letter.js';
import { renderEvaluationReport } from '../../../src/reports/render-evaluation-report.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { b1RouteDossier, buildEvaluationReportData } from '../../fixtures/evaluation-report-data.js';
import { figureAlt, pdfText, pdfsig } from './poppler.js';
import { pdfdetachList, pdfdetachSave, pdffonts, pdfinfo, xmpPacket } from './poppler-extra.js';

/** Names in Turkish, Polish and Frisian, with the Dutch ĳ, as the system accepts them. */
const NAMES = {
  title: 'Inburgering Ĳsselmonde & Súdwest-Fryslân <2027>',
  turkish: 'Iğdır Şahin Türkçe Dil Okulu',
  polish: 'Szkoła Językowa Łódź Źródło',
  frisian: 'Taalskoalle Fryslân ûnderwiis',
  ij: 'Taalhuis Ĳsselstein bĳ de Ĳssel',
};

function dossierWithNames(): Dossier {
  const dossier = b1RouteDossier();
  const names = [NAMES.turkish, NAMES.polish, NAMES.frisian, NAMES.ij];
  return {
    ...dossier,
    tender: { ...dossier.tender, title: NAMES.title },
    bids: dossier.bids.map((bid, i) => ({ ...bid, provider: { ...bid.provider, name: names[i] ?? bid.provider.name } })),
  };
}

let signer: ReportSigner;
let data: EvaluationReportData;
let unsigned: Buffer;
let signed: Buffer;

beforeAll(async () => {
  signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  data = buildEvaluationReportData({ dossier: dossierWithNames(), certificate: signer.certificate });
  unsigned = await renderEvaluationReport(data);
  signed = await signer.sign(unsigned, { signingTime: new Date(data.generatedAt) });
});

/** What a command-line instruction would look like: a tool, a script or an option. */
const COMMAND_LINE = /\b(npm|npx|node|pdfsig|pdftotext|pdfdetach|openssl|curl|tsx)\b|(^|\s)--?[a-z]/;

const pageCount = (pdf: Buffer): number => Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo(pdf))?.[1]);

describe('the evaluation report as PDF/A-3b', () => {
  it('is PDF 1.7 with XMP naming PDF/A-3 conformance B, the Info values, and its purpose, tender, report and signer', async () => {
    expect(signed.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const xmp = xmpPacket(unsigned);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp.split('<pdfaid:part>').length - 1).toBe(1);
    // The title's & and < are escaped, so the packet stays XML; PDF.js parses it back.
    expect(xmp).toContain('Inburgering Ĳsselmonde &amp; Súdwest-Fryslân &lt;2027&gt;');
    expect(xmp).toContain('<xmp:CreateDate>2027-03-01T10:30:00Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2027-03-01T10:30:00Z</xmp:ModifyDate>');
    expect(xmp).toContain('<pdfaSchema:prefix>gw</pdfaSchema:prefix>');
    const read = await readDocument(signed);
    expect(read.pdfa).toBe('3B');
    expect(read.record).toMatchObject({
      purpose: 'Beoordelingsrapport (proces-verbaal) van de beoordeling en rangschikking van de inschrijvingen',
      reportId: data.reportId,
      tenderReference: data.tender.reference,
      tenderTitle: NAMES.title,
      buyer: data.tender.buyer,
      signer: signer.certificate.subject,
      signingCertificateSha256: signer.certificate.fingerprintSha256,
    });
    const info = pdfinfo(signed);
    expect(info).toContain(`Title:           Beoordelingsrapport ${data.tender.reference} - ${NAMES.title}`);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Encrypted:\s+no/);
  });

  it('has the sRGB output intent with the vendored ICC profile and no encryption', () => {
    const text = unsigned.toString('latin1');
    expect(text).toContain('/S /GTS_PDFA1');
    expect(text).toContain(`/OutputConditionIdentifier (${OUTPUT_CONDITION})`);
    expect(text).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(text).not.toContain('/Encrypt');
    expect(srgbProfile().subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(createHash('sha256').update(srgbProfile()).digest('hex')).toBe('2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796');
  });

  it('embeds every font, as a subset with a ToUnicode map, and uses no standard font', () => {
    const fonts = pdffonts(signed);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    }
    expect(fonts.map((font) => font.name).join(' ')).not.toMatch(/Helvetica|Courier|Times/);
  });

  it('prints Turkish, Polish and Frisian names and the ĳ as written, and copies them out so', () => {
    const text = pdfText(signed);
    for (const name of [NAMES.turkish, NAMES.polish, NAMES.frisian, NAMES.ij]) expect(text).toContain(name);
    expect(text).toContain(NAMES.title);
  });

  it('is tagged: Lang nl-NL, the title shown, headings, paragraphs, lists, tables with column headers, and the chart as a figure with alternative text', () => {
    const text = unsigned.toString('latin1');
    expect(text).toContain('/Lang (nl-NL)');
    expect(text).toContain('/DisplayDocTitle true');
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
      expect(text, role).toContain(`/S /${role}\n`);
    }
    expect(text).toContain('/Scope /Column');
    const alt = figureAlt(unsigned);
    expect(alt).toMatch(/^Spreidingsdiagram van de kwaliteit/);
    // Each price in the alternative text as Dutch officials write it: `€ 1.234,56`.
    expect(alt).toContain('prijs €\u00a0495.000,00');
  });

  it('leaves the page footers and a repeated table header out of the structure tree, as artifacts', async () => {
    const read = await readDocument(signed);
    const tagged: string[] = [];
    const collect = (elements: readonly { text: string; children: readonly unknown[] }[]) => {
      for (const element of elements) tagged.push(element.text);
    };
    collect(read.elements);
    const structureText = tagged.join(' ');
    expect(pdfText(signed)).toContain('pagina 1 van');
    expect(structureText).toContain(NAMES.turkish);
    expect(structureText).not.toContain('pagina 1 van');
    expect(structureText).not.toContain('Controleren: https://');
  });

  it('embeds the dossier (Source) and the result (Data) as associated files, covered by the signature', () => {
    expect(pdfdetachList(signed)).toEqual([DOSSIER_FILE, EVALUATION_FILE]);
    expect(JSON.parse(pdfdetachSave(signed, DOSSIER_FILE).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(data.dossier)));
    expect(JSON.parse(pdfdetachSave(signed, EVALUATION_FILE).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(data.result)));
    const text = unsigned.toString('latin1');
    expect(text).toContain('/AFRelationship /Source');
    expect(text).toContain('/AFRelationship /Data');
    expect(text).toMatch(/\/AF \[\d+ 0 R \d+ 0 R\]/);
    expect(text).toContain('/Subtype /application#2Fjson');
    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('keeps an /ID in the trailer of the signed update, as PDF/A requires of the last trailer', () => {
    const text = signed.toString('latin1');
    const lastTrailer = text.slice(text.lastIndexOf('trailer'));
    const permanent = /\/ID \[<([0-9a-f]+)>/.exec(unsigned.toString('latin1'))?.[1];
    expect(permanent).toBeDefined();
    expect(lastTrailer).toMatch(new RegExp(`/ID \\[<${permanent}> <[0-9a-f]{32}>\\]`));
  });

  it('prints the dossier hash and where anyone can check it, without command-line instructions', () => {
    const text = pdfText(signed);
    const dossierHash = createHash('sha256').update(pdfdetachSave(signed, DOSSIER_FILE)).digest('hex');
    expect(text).toContain(dossierHash);
    expect(text).toContain('Controleren: https://gunningswijzer.example.nl/rapporten/controleren of een PDF-lezer die handtekeningen toont');
    expect(text).not.toMatch(COMMAND_LINE);
    // The footer on every page names the check page.
    expect(text.split('Controleren: https://gunningswijzer.example.nl/rapporten/controleren').length - 1).toBe(pageCount(signed));
  });

  it('prints, in the award letter too, the SHA-256 of the dossier the report embeds and where anyone can check it, without command-line instructions', async () => {
    const letter = await signer.sign(
      await renderAwardLetter(
        buildAwardLetterData({ report: data, bidId: 'B1', reportId: 'BRF-2', decisionDate: '2027-03-02', standstillEndsOn: '2027-03-22' }),
      ),
    );
    const text = pdfText(letter);
    const dossierHash = createHash('sha256').update(pdfdetachSave(signed, DOSSIER_FILE)).digest('hex');
    expect(text).toContain(
      `SHA-256 van het dossier waaruit deze beslissing volgt (hetzelfde dossier als in het beoordelingsrapport, dossier.json) ${dossierHash} De SHA-256 van dit PDF-bestand zelf kan niet in het bestand staan`,
    );
    expect(text).toContain('De controlepagina toont de hash van het bestand: https://gunningswijzer.example.nl/rapporten/controleren ');
    expect(text).not.toMatch(COMMAND_LINE);
    expect(text.split('Controleren: https://gunningswijzer.example.nl/rapporten/controleren').length - 1).toBe(pageCount(letter));
  });
});

describe('verify and the embedded proof', () => {
  it('re-computes the embedded dossier and finds the embedded result, the printed winner and the ranking match', async () => {
    const check = await verifyDocument(signed);
    expect(check.signatureValid).toBe(true);
    expect(check.document?.proof).toMatchObject({
      dossierSha256: createHash('sha256').update(pdfdetachSave(signed, DOSSIER_FILE)).digest('hex'),
      dossierValid: true,
      embeddedResultMatches: true,
      printedWinnerMatches: true,
      printedRankingMatches: true,
      differences: [],
      problems: [],
    });
    expect(isIntact(check)).toBe(true);
  });

  it('catches a changed byte in an embedded file: the signature no longer holds', async () => {
    const text = signed.toString('latin1');
    const stream = text.indexOf('stream\n', text.indexOf('/Type /EmbeddedFile'));
    const tampered = Buffer.from(signed);
    tampered[stream + 20] = (tampered[stream + 20] as number) ^ 0x01;
    const check = await verifyDocument(tampered);
    expect(check.signatureValid).toBe(false);
    expect(isIntact(check)).toBe(false);
  });

  it('catches a validly signed report whose embedded result and printed ranking do not follow from its dossier', async () => {
    // As if the engine's result had been altered before rendering: B1 printed and embedded as winner.
    const [first, second, ...rest] = data.result.bids;
    if (first === undefined || second === undefined) throw new Error('fixture has bids');
    const forged = { ...data.result, winner: second.bidId, bids: [{ ...second, rank: 1 }, { ...first, rank: 2 }, ...rest] };
    const forgedPdf = await signer.sign(await renderEvaluationReport({ ...data, result: forged }), { signingTime: new Date(data.generatedAt) });
    const check = await verifyDocument(forgedPdf);
    expect(check.signatureValid).toBe(true);
    expect(check.document?.proof).toMatchObject({
      dossierValid: true,
      embeddedResultMatches: false,
      printedWinnerMatches: false,
      printedRankingMatches: false,
    });
    expect(check.problems.join(' ')).toContain(`de winnaar in het rapport (${second.bidId}) is niet de herberekende winnaar (${first.bidId})`);
    expect(isIntact(check)).toBe(false);
  });

  it("reads the cover's winner line as reports print it now, 'School (B2)', and as reports issued before printed it, 'B2 - School'", () => {
    expect(winnerReadings('NT2 Centrum Zwolle (B2)')).toEqual(['B2']);
    expect(winnerReadings('B2 - NT2 Centrum Zwolle')).toEqual(['B2']);
    // A school's name with parentheses or a dash: the reading that is the re-computed winner counts.
    expect(winnerReadings('B2 - Taalhuis (Zwolle)')).toEqual(['Zwolle', 'B2']);
    expect(winnerReadings('Taal - en Werk (B3)')).toEqual(['B3', 'Taal']);
    expect(winnerReadings('geen: de eerste plaats wordt gedeeld; loting is nodig')).toEqual([]);
  });

  it('reads an award letter as PDF/A-3b naming its purpose, with no proof to check', async () => {
    const letter = await signer.sign(
      await renderAwardLetter(
        buildAwardLetterData({ report: data, bidId: 'B1', reportId: 'BRF-1', decisionDate: '2027-03-02', standstillEndsOn: '2027-03-22' }),
      ),
    );
    const check = await verifyDocument(letter);
    expect(check.signatureValid).toBe(true);
    expect(check.document).toMatchObject({
      pdfa: '3B',
      proof: null,
      record: { purpose: 'Gunningsbeslissing (art. 2.130 Aanbestedingswet 2012) aan inschrijving B1', reportId: 'BRF-1' },
    });
    expect(isIntact(check)).toBe(true);
    for (const font of pdffonts(letter)) expect(font).toMatchObject({ embedded: true, unicode: true });
    expect(pdfText(letter)).toContain(NAMES.turkish);
  });
});
