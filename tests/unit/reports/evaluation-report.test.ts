import { mkdtempSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEvaluationReport } from '../../../src/reports/render-evaluation-report.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { b1RouteDossier, buildEvaluationReportData } from '../../fixtures/evaluation-report-data.js';
import { figureAlt, normaliseWhitespace, pdfText, pdfsig } from './poppler.js';
import { foreignTermsWithoutExplanation } from '../../../src/domain/vocabulary/foreign-sources.js';
import { rejectedWordsIn } from '../../../src/domain/vocabulary/word-choices.js';

let signer: ReportSigner;
let data: EvaluationReportData;
let unsigned: Buffer;
let signed: Buffer;
let text: string;

beforeAll(async () => {
  signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  data = buildEvaluationReportData({ dossier: b1RouteDossier(), certificate: signer.certificate });
  unsigned = await renderEvaluationReport(data);
  signed = await signer.sign(unsigned, { signingTime: new Date(data.generatedAt) });
  text = pdfText(signed);
});

/** A copy with one byte changed at `offset`. */
function flipByte(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] = (copy[offset] as number) ^ 0x01;
  return copy;
}

describe('signed evaluation report', () => {
  it('is a PDF signature over the whole document that pdfsig calls valid', () => {
    const report = pdfsig(signed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
  });

  it('verifies with our own verifier and names the development certificate', async () => {
    const check = await verifyPdfSignature(signed);
    expect(check).toEqual({
      signatureValid: true,
      coversWholeDocument: true,
      signer: { subject: signer.certificate.subject, fingerprintSha256: signer.certificate.fingerprintSha256 },
      padesLevel: 'B-B',
      timestamp: null,
      sha256: createHash('sha256').update(signed).digest('hex'),
      problems: [],
    });
  });

  it('fails in pdfsig and in the verifier after a one-byte change in the signed content', async () => {
    const tampered = flipByte(signed, Math.floor(unsigned.length / 2));
    const report = pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid.');
    const check = await verifyPdfSignature(tampered);
    expect(check.signatureValid).toBe(false);
    expect(check.problems.join(' ')).toContain('klopt niet met de inhoud');
  });

  it('fails in the verifier after a change in the unused padding of the signature', async () => {
    const [, , holeEnd] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))?.slice(1).map(Number) ?? [];
    expect(holeEnd).toBeDefined();
    // The hole ends in '...000>': zeros after the DER, outside what the CMS signs.
    const tampered = Buffer.from(signed);
    expect(String.fromCharCode(tampered[(holeEnd as number) - 2] as number)).toBe('0');
    tampered[(holeEnd as number) - 2] = '1'.charCodeAt(0);
    const check = await verifyPdfSignature(tampered);
    expect(check.signatureValid).toBe(false);
    expect(check.problems.join(' ')).toContain('niet ondertekend');
  });

  it('renders the same bytes twice from the same data', async () => {
    expect((await renderEvaluationReport(data)).equals(unsigned)).toBe(true);
  });

  it('shows the winner, every criterion, the flags, the review and the audit hash', () => {
    expect(text).toContain('Winnaar volgens de beoordeling NT2 Centrum Zwolle (B2)');
    for (const criterion of data.criteria) expect(text).toContain(criterion.title);
    const flags = data.result.bids.flatMap((bid) => bid.lowBidFlags);
    expect(flags.length).toBeGreaterThanOrEqual(5);
    for (const flag of flags) expect(text).toContain(normaliseWhitespace(flag.message));
    const review = data.bids.find((bid) => bid.id === 'B3')?.lowBidReview;
    for (const field of [review?.questions, review?.explanation, review?.motivation]) expect(text).toContain(field);
    expect(text).toContain('12 februari 2027');
    expect(text).toContain(data.auditHeadHash);
  });

  it('prints every consensus motivation, the disagreements and the panel', () => {
    for (const motivation of data.consensus?.motivations ?? []) expect(text).toContain(normaliseWhitespace(motivation.motivation));
    expect(text).toContain('Verschillen van inzicht');
    expect(text).toContain('Fatima El Amrani: 4; Joost van den Berg: 8; Chloë Jansen: 6');
    expect(text).toContain('Tot 2019 docent bij Taalschool IJsselland; geen huidige banden.');
    expect(text).toContain('20 januari 2027, 09:15'); // 08:15 UTC is 09:15 in Amsterdam in winter
  });

  it('leaves out every individual score, even ones in its data, while a member has not sealed, and says so', async () => {
    const members = (data.panel?.members ?? []).map((m) => (m.name === 'Chloë Jansen' ? { ...m, sealedAt: null } : m));
    const blind = normaliseWhitespace(pdfText(await renderEvaluationReport({ ...data, panel: { members, notSealed: ['Chloë Jansen'] } })));
    expect(blind).not.toContain('Fatima El Amrani: 4');
    expect(blind).toContain(
      'niet opgenomen: nog niet verzegeld door Chloë Jansen. Individuele scores worden pas opgenomen als alle beoordelaars hun scores hebben verzegeld.',
    );
    expect(blind).toContain('Nog niet alle beoordelaars hebben hun scores verzegeld: nog niet verzegeld door Chloë Jansen.');
    expect(blind).toContain('Verschillen van inzicht Niet opgenomen');
    expect(normaliseWhitespace(text)).not.toContain('niet opgenomen');
  });

  it('names each foreign source of a low-bid rule with what it is, in Dutch, and the rejected words nowhere', () => {
    const flat = normaliseWhitespace(text);
    expect(flat).toMatch(/ProZorro|Aufgreifschwelle|Koninklijk Besluit/);
    expect(foreignTermsWithoutExplanation(flat)).toEqual([]);
    expect(rejectedWordsIn(flat)).toEqual([]);
  });

  it('states the method, the exclusion and the analysis in Dutch', () => {
    expect(text).toContain('Laagste prijs relatief');
    expect(text).toContain('De laagste geldige prijs krijgt alle 30 prijspunten');
    expect(text).toContain('afgewezen als abnormaal lage inschrijving (art. 2.116 Aanbestedingswet)');
    expect(text).toContain('Taalschool IJsselland (B1) had gewonnen bij een prijs van ten hoogste € 428.999,99.');
    expect(text).toContain('Feitelijk gewicht: kwaliteit 79,33%, prijs 20,67%.');
    expect(text).toContain('Kwaliteit tegen prijs');
  });

  it('says on the cover that a signature without a timestamp authority carries no trusted time, and one with it does', async () => {
    const noTime = 'geen: dit document draagt geen vertrouwd tijdstip (PAdES B-B)';
    const withTime = 'ja: een tijdstempeldienst (RFC 3161) legt het tijdstip van ondertekening vast (PAdES B-T)';
    expect(text).toContain(noTime);
    expect(text).not.toContain(withTime);
    const stamped = pdfText(await renderEvaluationReport({ ...data, signatureLevel: 'B-T' }));
    expect(stamped).toContain(withTime);
    expect(stamped).not.toContain(noTime);
    expect(text).toContain('PAdES-handtekening, ETSI.CAdES.detached');
  });

  it('warns on the cover about the development certificate and numbers every page', () => {
    expect(text).toContain('LET OP: ONTWIKKELCERTIFICAAT');
    expect(text).toContain('pagina 1 van');
    const pages = Number(/pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text.split(`Beoordelingsrapport ${data.reportId}`).length - 1).toBe(pages);
  });
});

describe('quality-price chart', () => {
  it('has a legend that names every code on the chart by its school', () => {
    const lines = normaliseWhitespace(text);
    expect(lines).toContain('Legenda: de codes in de grafiek');
    const winner = data.result.winner;
    for (const bid of data.bids) {
      const result = data.result.bids.find((r) => r.bidId === bid.id);
      if (result === undefined) continue;
      const marks = [bid.id === winner ? 'winnaar' : '', result.lowBidFlags.length > 0 ? 'mogelijk abnormaal laag' : ''].filter((m) => m !== '');
      expect(lines).toContain(`${bid.id} ${bid.providerName} (${bid.id})${marks.length === 0 ? '' : ` (${marks.join(', ')})`}`);
    }
    // The fixture has a flagged bid, so the legend and the caption say what its diamond means.
    expect(data.result.bids.some((r) => r.lowBidFlags.length > 0)).toBe(true);
    expect(lines).toContain('een mogelijk abnormaal lage inschrijving is een ruit');
  });

  it('says in the alternative text which bid is flagged', () => {
    const alt = figureAlt(unsigned);
    for (const result of data.result.bids.filter((r) => r.lowBidFlags.length > 0)) {
      const bid = data.bids.find((b) => b.id === result.bidId);
      expect(alt).toMatch(new RegExp(`${bid?.providerName} \\(${result.bidId}\\): prijs [^;]*\\(mogelijk abnormaal laag\\)`));
    }
  });

  it('describes every point by its school and code in the alternative text', () => {
    const alt = figureAlt(unsigned);
    for (const bid of data.bids) expect(alt).toContain(`${bid.providerName} (${bid.id}): prijs`);
    // Not by the code alone, as before.
    expect(alt).not.toMatch(/: B\d+: prijs|; B\d+: prijs/);
  });
});
