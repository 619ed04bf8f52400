/**
 * Issue 21, outputs: one award decision letter per school for a procedure with several lots
 * (src/reports/procedure-letter-data.ts, render-procedure-letter.ts), on the three-lot
 * example (lot order L1, L2, L3, at most 1 lot per school). NT2 Centrum Zwolle is the best
 * bid on every lot and gets L1 only; its letter says why L2 and L3 go to others. A school's
 * letter holds of other schools only what the single letter holds: the allocated winner.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateProcedure, type ProcedureResult } from '../../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../../src/domain/procedure/procedure.js';
import { type ProcedureLetterData, procedureLetterData } from '../../../src/reports/procedure-letter-data.js';
import { renderProcedureLetter } from '../../../src/reports/render-procedure-letter.js';
import { formatBidScore, formatPrice } from '../../../src/reports/report-format.js';
import type { EvaluationReportData } from '../../../src/reports/report-data.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import { verifyPdfSignature } from '../../../src/reports/signing/verify-pdf-signature.js';
import { KVK, letterDocument, lotReportsOf, threeLotProcedureTiedOnL2 } from '../../fixtures/procedure-report-data.js';
import { evaluatedThreeLotProcedure } from '../../helpers/evaluated-procedure.js';
import { normaliseWhitespace, pdfText } from './poppler.js';

let procedure: Procedure;
let result: ProcedureResult;
let reports: Record<string, EvaluationReportData>;

beforeAll(() => {
  ({ procedure, result, reports } = evaluatedThreeLotProcedure());
});

function letter(
  kvk: string,
  from: { procedure?: Procedure; result?: ProcedureResult; reports?: Record<string, EvaluationReportData> } = {},
): ProcedureLetterData {
  return procedureLetterData(from.procedure ?? procedure, from.result ?? result, kvk, {
    lotReports: from.reports ?? reports,
    reportId: 'LTR-P1',
    decisionDate: '2027-03-01',
    standstillEndsOn: '2027-03-21',
    contact: 'inkoop@zwolle.nl',
    document: letterDocument(),
  });
}

/** The score and price of bid `bidId` of lot `lotId` as a letter prints them. */
function figures(lotId: string, bidId: string): { score: string; price: string } {
  const report = reports[lotId];
  const bid = report?.result.bids.find((b) => b.bidId === bidId);
  if (report === undefined || bid === undefined) throw new Error(`${lotId} ${bidId}`);
  return {
    score: formatBidScore(report.result.scoreKind, bid.score),
    price: normaliseWhitespace(formatPrice(report.bids.find((b) => b.id === bidId)?.price)),
  };
}

describe('the letter data of a procedure (pure)', () => {
  it('covers every lot the school bid on, with its rank, the allocated winner and what the limitation did', () => {
    const zwolle = letter(KVK.zwolle);
    expect(zwolle.schoolName).toBe('NT2 Centrum Zwolle');
    expect(zwolle.awardedLots).toEqual([{ lotId: 'L1', lot: 'B1-route' }]);
    expect(zwolle.limit).toEqual({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2', 'L3'] });
    expect(zwolle.lots.map((lot) => [lot.lotId, lot.recipient.bidId, lot.recipient.result.rank, lot.winner?.providerName ?? null, lot.outcome.kind])).toEqual([
      ['L1', 'B2', 1, 'NT2 Centrum Zwolle', 'awarded'],
      ['L2', 'B2', 1, 'Taalschool IJsselland', 'limited'],
      ['L3', 'B1', 1, 'Het Taalhuis Kampen', 'limited'],
    ]);
    expect(zwolle.lots[1]?.outcome).toMatchObject({ kind: 'limited', heldLots: [{ lotId: 'L1', lot: 'B1-route' }] });
  });

  it('gives a school that wins after the limitation its rank, and the others their place and exclusion', () => {
    const ijsselland = letter(KVK.ijsselland);
    expect(ijsselland.lots.map((lot) => [lot.lotId, lot.recipient.result.rank, lot.outcome])).toEqual([
      ['L1', 2, { kind: 'ranked' }],
      ['L2', 2, { kind: 'awarded', afterLimit: true }],
    ]);
    const snel = letter(KVK.snel);
    expect(snel.awardedLots).toEqual([]);
    expect(snel.lots.map((lot) => [lot.lotId, lot.outcome.kind, lot.winner?.bidId])).toEqual([
      ['L1', 'ranked', 'B2'],
      ['L3', 'excluded', 'B2'],
    ]);
  });

  it('under bidder preference, says NT2 Centrum Zwolle keeps L2, its preference, and releases L1', () => {
    const preferring: Procedure = {
      ...procedure,
      awardLimit: { maxLotsPerBidder: 1, rule: 'bidder-preference' },
      preferences: { [KVK.zwolle]: ['L2', 'L1', 'L3'] },
    };
    const zwolle = letter(KVK.zwolle, { procedure: preferring, result: evaluateProcedure(preferring) });
    expect(zwolle.awardedLots).toEqual([{ lotId: 'L2', lot: 'onderwijsroute' }]);
    expect(zwolle.lots.map((lot) => [lot.lotId, lot.outcome.kind])).toEqual([
      ['L1', 'limited'],
      ['L2', 'awarded'],
      ['L3', 'limited'],
    ]);
  });

  it('covers only the lots of one decision when the officer decides per lot, weighing the limitation over the whole procedure', () => {
    const l2only = procedureLetterData(procedure, result, KVK.zwolle, {
      lotReports: reports,
      reportId: 'LTR-L2',
      decisionDate: '2027-03-08',
      standstillEndsOn: '2027-03-28',
      document: letterDocument(),
      onlyLots: ['L2'],
    });
    expect(l2only.lots.map((lot) => lot.lotId)).toEqual(['L2']);
    expect(l2only.awardedLots).toEqual([]);
    expect(l2only.lots[0]?.outcome).toMatchObject({ kind: 'limited', heldLots: [{ lotId: 'L1', lot: 'B1-route' }] });
    expect(() =>
      procedureLetterData(procedure, result, KVK.ijsselland, {
        ...{ lotReports: reports, reportId: 'X', decisionDate: '2027-03-08', standstillEndsOn: '2027-03-28', document: letterDocument() },
        onlyLots: ['L3'],
      }),
    ).toThrow(RangeError);
  });

  it('refuses a school without a bid, a missing lot report and a report of another evaluation', () => {
    expect(() => letter('09999999')).toThrow(/KvK-nummer 09999999/);
    const { L2: _omitted, ...withoutL2 } = reports;
    expect(() => letter(KVK.zwolle, { reports: withoutL2 })).toThrow(/perceel L2/);
    const swapped = { ...reports, L2: reports.L1 as EvaluationReportData };
    expect(() => letter(KVK.zwolle, { reports: swapped })).toThrow(/perceel L2/);
  });
});

describe('the rendered letter of a procedure', () => {
  it('tells NT2 Centrum Zwolle it gets L1, and that L2 and L3 go to others because of the limitation', async () => {
    const text = pdfText(await renderProcedureLetter(letter(KVK.zwolle)));
    expect(text).toContain(
      'Betreft: gunningsbeslissing Inburgering regio IJsselland 2027-2029 (ZWL-2027-INB), percelen L1 (B1-route), L2 (onderwijsroute) en L3 (Z-route)',
    );
    expect(text).toContain('KvK-nummer 05234567');
    expect(text).toContain('Wij zijn voornemens aan u te gunnen: perceel L1 (B1-route).');
    expect(text).toContain(
      `Wij zijn voornemens perceel L1 aan u te gunnen. Uw inschrijving is met een score van ${figures('L1', 'B2').score} als eerste geëindigd.`,
    );
    expect(text).toContain(
      `U was de beste inschrijving voor perceel L2 (score ${figures('L2', 'B2').score}), maar u krijgt maximaal 1 perceel. ` +
        'Aan u wordt al perceel L1 (B1-route) gegund, en in de bekendgemaakte volgorde van de percelen komt perceel L2 daarna aan de beurt. ' +
        `Perceel L2 wordt daarom gegund aan Taalschool IJsselland (inschrijving B1), met een score van ${figures('L2', 'B1').score}.`,
    );
    expect(text).toContain('Perceel L3 wordt daarom gegund aan Het Taalhuis Kampen (inschrijving B2)');
    expect(text).toContain("maximaal 1 perceel per inschrijver (per KvK-nummer), toegepast volgens de vooraf bekendgemaakte regel 'volgorde van de percelen'.");
    expect(text).toContain('De bekendgemaakte volgorde van de percelen: L1, L2, L3.');
    expect(text).toContain('De opschortende termijn (Alcatel-termijn) eindigt op 21 maart 2027.');
    expect(text).toContain('om een nadere toelichting vragen via inkoop@zwolle.nl');
    // The allocated winner's figures and motivation (the relative advantages, art. 2.130).
    expect(text).toContain(figures('L2', 'B1').price);
    expect(text).toContain('Winnende inschrijving (6 van 10): Taalschool IJsselland op Combinatie van taal met werk of participatie');
    for (const lot of procedure.lots) expect(text).toContain(`Perceel ${lot.id}: `);
  });

  it('tells Taalschool IJsselland it gets L2 although a better-ranked school was passed over, without naming that school there', async () => {
    const text = pdfText(await renderProcedureLetter(letter(KVK.ijsselland)));
    expect(text).toContain(
      `Wij zijn voornemens perceel L2 aan u te gunnen. Uw inschrijving is met een score van ${figures('L2', 'B1').score} op plaats 2 van 3 geëindigd; een hoger gerangschikte inschrijver valt voor dit perceel af door de gunningsbeperking.`,
    );
    expect(text).toContain(
      `Wij zijn voornemens perceel L1 te gunnen aan NT2 Centrum Zwolle (inschrijving B2), met een score van ${figures('L1', 'B2').score}.`,
    );
    // On L2 NT2 Centrum Zwolle is not the winner: nothing of its L2 bid is in the letter.
    expect(text).not.toContain(figures('L2', 'B2').score);
    expect(text).not.toContain(figures('L2', 'B2').price);
    expect(text).not.toContain('Perceel L3');
  });

  it("holds no other school's figures than the allocated winner's", async () => {
    for (const [school, kvk] of Object.entries(KVK)) {
      const data = letter(kvk);
      const text = pdfText(await renderProcedureLetter(data));
      const named = new Set(data.lots.flatMap((lot) => [lot.recipient.providerName, lot.winner?.providerName]));
      for (const lot of procedure.lots) {
        const shown = data.lots.find((l) => l.lotId === lot.id);
        for (const bid of lot.dossier.bids) {
          if (bid.id === shown?.recipient.bidId || bid.id === shown?.winner?.bidId) continue;
          expect(text, `${school}: price of ${lot.id} ${bid.id}`).not.toContain(figures(lot.id, bid.id).price);
          // A school that is neither the recipient nor a winner of the recipient's lots is not named at all.
          if (!named.has(bid.provider.name)) expect(text, `${school}: ${bid.provider.name}`).not.toContain(bid.provider.name);
        }
      }
    }
  });

  it('tells Snel Inburgeren it gets no lot and why its L3 bid was excluded', async () => {
    const text = pdfText(await renderProcedureLetter(letter(KVK.snel)));
    expect(text).toContain('Wij zijn niet voornemens u een van de genoemde percelen te gunnen.');
    expect(text).toContain('Uw inschrijving op perceel L3 is niet in de rangschikking opgenomen, om de volgende reden(en):');
    expect(text).toContain('K1: score 2 ligt onder het minimum 4');
    expect(text).not.toContain('Dit is een voorgenomen gunning');
  });

  it('tells the school that lost a recorded draw of lots on L2 that the draw decided, with its record (issue 21)', async () => {
    // L2's B3 (Het Taalhuis Kampen) made equal to B1 (Taalschool IJsselland): tied at the margin, the draw falls on B1.
    const tied = threeLotProcedureTiedOnL2();
    const record = 'Geloot op 2 maart 2027 door de inkoper in bijzijn van de jurist.';
    const drawn: Procedure = { ...tied, draws: [{ lotId: 'L2', winner: 'B1', record }] };
    const drawnResult = evaluateProcedure(drawn);
    const from = { procedure: drawn, result: drawnResult, reports: lotReportsOf(drawn) };
    const kampen = letter(KVK.kampen, from);
    expect(kampen.lots.find((lot) => lot.lotId === 'L2')?.outcome).toEqual({ kind: 'lost-draw', record });
    const text = normaliseWhitespace(pdfText(await renderProcedureLetter(kampen)));
    expect(text).toContain('Wij zijn voornemens perceel L2 te gunnen aan Taalschool IJsselland (inschrijving B1).');
    expect(text).toContain(`de beslisregel bij gelijke stand besliste niet, en de loting viel op Taalschool IJsselland. Verslag van de loting: ${record}`);
    // Without the draw the same school's letter says L2 awaits the draw.
    const undecided = letter(KVK.kampen, { procedure: tied, result: evaluateProcedure(tied), reports: lotReportsOf(tied) });
    expect(undecided.lots.find((lot) => lot.lotId === 'L2')?.outcome.kind).toBe('undecided');
  }, 60_000);

  it('is a PDF/A that the development certificate signs', async () => {
    const signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
    const pdf = await renderProcedureLetter({ ...letter(KVK.zwolle), certificate: signer.certificate });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('pdfaid:part');
    const signed = await signer.sign(pdf);
    expect(await verifyPdfSignature(signed)).toMatchObject({ signatureValid: true, padesLevel: 'B-B' });
  }, 30_000);
});
