/**
 * @module
 * The award decision letter of a procedure to one school (procedure-letter-data.ts) as an
 * unsigned PDF/A, with the single letter's pieces (render-award-letter.ts): its head, per lot
 * the comparison with the allocated winner and the motivations, the standstill and objection,
 * the certificate and the dossier hashes. Per lot it says what the award limitation did to
 * the school ("U was de beste inschrijving voor perceel L2, maar ...").
 *
 * @example
 * const signed = await signer.sign(await renderProcedureLetter(procedureLetterData(procedure, result, kvk, options)));
 */
import { joinNl, ordinalBid } from '../domain/procedure/allocation-reason.js';
import { addressBlockLines } from '../domain/provider/provider-address.js';
import { AWARD_LIMIT_RULE_TERMS } from '../domain/vocabulary/award-limit-rules.js';
import { drawCertificate, drawDevelopmentWarning } from './certificate-block.js';
import { formatDate } from './format-dates.js';
import { COLOR, FONT, SIZE, bulletList, heading, labelledRows, paragraph } from './pdf/layout.js';
import { addRecordFooters } from './record-footer.js';
import { type PdfDocument, startPdf } from './pdf/pdf-document.js';
import type { ProcedureLetterData, ProcedureLetterLot } from './procedure-letter-data.js';
import { drawComparison, drawLetterHeadOf, drawMotivations, drawStandstillAndObjection } from './render-award-letter.js';
import { formatBidScore } from './report-format.js';
import { fill, wording } from './wording.js';

const words = wording.procedureLetter;

/** "1 perceel", "2 percelen". */
export function lotCount(n: number): string {
  return n === 1 ? '1 perceel' : `${n} percelen`;
}

/** "perceel L1 (B1-route)", "de percelen L1 (B1-route) en L3 (Z-route)". */
export function lotsText(lots: readonly { lotId: string; lot: string }[], article = true): string {
  const names = lots.map((lot) => `${lot.lotId} (${lot.lot})`);
  if (names.length === 1) return `perceel ${names[0]}`;
  return `${article ? 'de ' : ''}percelen ${joinNl(names)}`;
}

function lotOutcome(doc: PdfDocument, data: ProcedureLetterData, lot: ProcedureLetterLot): void {
  const { recipient, winner, outcome } = lot;
  const score = formatBidScore(lot.scoreKind, recipient.result.score);
  const rank = recipient.result.rank ?? '-';
  const winnerValues: Record<string, string> =
    winner === null ? {} : { winnerName: winner.providerName, winnerId: winner.bidId, winnerScore: formatBidScore(lot.scoreKind, winner.result.score) };
  const values = { lotId: lot.lotId, score, rank, ranked: lot.rankedCount, ...winnerValues };
  switch (outcome.kind) {
    case 'awarded': {
      const text = !outcome.afterLimit && recipient.result.rank === 1 ? words.lotWinnerFirst : words.lotWinnerAfterLimit;
      paragraph(doc, { text: fill(text, values), font: FONT.bold, after: 8 });
      return;
    }
    case 'ranked':
      paragraph(doc, { text: fill(words.lotRanked, values), after: 8 });
      return;
    case 'lost-draw':
      paragraph(doc, { text: fill(words.lotLostDraw, { ...values, record: outcome.record }), after: 8 });
      return;
    case 'excluded':
      if (winner !== null) paragraph(doc, { text: fill(words.lotExcludedWinner, values), after: 4 });
      paragraph(doc, { text: fill(words.lotExcluded, values), after: 4 });
      bulletList(doc, { items: recipient.result.exclusionReasons });
      return;
    case 'undecided':
      paragraph(doc, { text: fill(words.lotUndecided, { lotId: lot.lotId, reason: outcome.reason }), after: 8 });
      return;
    case 'limited': {
      const limited = { ...values, ordinal: ordinalBid(recipient.result.rank ?? 1), max: lotCount(data.limit?.maxLotsPerBidder ?? 1) };
      if (outcome.heldLots.length === 0 || data.limit === null) {
        // The school holds no decided lot yet: the lots it counts are awaiting a draw; the reason says which.
        paragraph(doc, { text: fill(words.lotLimitedOther, { ...limited, reason: outcome.reason }), after: 8 });
        return;
      }
      const held = {
        held: lotsText(outcome.heldLots),
        heldVerb: outcome.heldLots.length === 1 ? 'wordt' : 'worden',
        heldThat: outcome.heldLots.length === 1 ? 'dat perceel' : 'die percelen',
      };
      const sentence = data.limit.rule === 'lot-order' ? words.lotLimitedLotOrder : words.lotLimitedPreference;
      paragraph(doc, { text: fill(sentence, { ...limited, ...held }), font: FONT.bold, after: 8 });
      return;
    }
  }
}

function drawLot(doc: PdfDocument, data: ProcedureLetterData, lot: ProcedureLetterLot): void {
  heading(doc, { text: fill(words.lotTitle, { lotId: lot.lotId, lot: lot.lot }), level: 1 });
  paragraph(doc, {
    text: fill(words.lotIntro, { lotId: lot.lotId, lot: lot.lot, reference: lot.reference, bidCount: lot.bidCount, bidId: lot.recipient.bidId }),
    after: 8,
  });
  lotOutcome(doc, data, lot);
  // Without a winner the comparison shows the recipient's own scores only, as the winner's letter does.
  drawComparison(doc, { award: lot.award, criteria: lot.criteria, scoreKind: lot.scoreKind, recipient: lot.recipient, winner: lot.winner ?? lot.recipient });
  drawMotivations(doc, { award: lot.award, criteria: lot.criteria, scoreKind: lot.scoreKind, recipient: lot.recipient, winner: lot.winner ?? lot.recipient });
}

function drawIntroduction(doc: PdfDocument, data: ProcedureLetterData): void {
  const { procedure } = data;
  paragraph(doc, { text: wording.letter.salutation, after: 8 });
  paragraph(doc, { text: fill(words.intro, { title: procedure.title, reference: procedure.reference, lots: lotsText(data.lots) }), after: 8 });
  const summary = data.awardedLots.length === 0 ? words.summaryNone : fill(words.summaryAwarded, { lots: lotsText(data.awardedLots, false) });
  paragraph(doc, { text: summary, font: FONT.bold, after: 8 });
  if (data.awardedLots.length > 0) paragraph(doc, { text: words.winnerCaveat, after: 8 });
  if (data.limit !== null) {
    const term = AWARD_LIMIT_RULE_TERMS[data.limit.rule];
    paragraph(doc, {
      text: fill(words.limitation, { max: lotCount(data.limit.maxLotsPerBidder), rule: term.label, explanation: term.explanation }),
      after: data.limit.lotOrder === null ? 8 : 3,
    });
    if (data.limit.lotOrder !== null) paragraph(doc, { text: fill(words.lotOrder, { order: data.limit.lotOrder.join(', ') }), after: 8 });
  }
}

/** The SHA-256 of each lot's dossier, as each lot's evaluation report embeds it (render-award-letter.ts). */
function drawDossierHashes(doc: PdfDocument, data: ProcedureLetterData): void {
  paragraph(doc, { text: words.dossierHashes, after: 2 });
  for (const lot of data.lots)
    paragraph(doc, { text: fill(words.dossierHashLine, { lotId: lot.lotId, hash: lot.dossierSha256 }), font: FONT.mono, size: SIZE.small, after: 2 });
  doc.y += 4;
  paragraph(doc, { text: wording.letter.fileHashNote, size: SIZE.small, color: COLOR.muted, after: 2 });
  paragraph(doc, { text: data.checkUrl, size: SIZE.small, color: COLOR.muted });
}

export async function renderProcedureLetter(data: ProcedureLetterData): Promise<Buffer> {
  const { procedure } = data;
  const { doc, finished } = startPdf({
    title: `${wording.letter.kind} ${procedure.reference} - ${data.schoolName}`,
    author: data.generatedBy,
    subject: `${procedure.buyer}, ${lotsText(data.lots)}`,
    createdAt: new Date(data.generatedAt),
    record: {
      purpose: fill(words.purpose, { school: data.schoolName, kvk: data.kvk }),
      reportId: data.reportId,
      tender: { reference: procedure.reference, title: procedure.title, buyer: procedure.buyer },
      signer: { subject: data.certificate.subject, fingerprintSha256: data.certificate.fingerprintSha256 },
    },
  });
  drawLetterHeadOf(doc, {
    buyer: procedure.buyer,
    addressLines: addressBlockLines(data.schoolName, data.recipientAddress),
    recipientLine: fill(words.recipientKvk, { kvk: data.kvk }),
    dateLine: fill(wording.letter.date, { date: formatDate(data.decisionDate) }),
    subject: fill(words.subject, { title: procedure.title, reference: procedure.reference, lots: lotsText(data.lots, false) }),
  });
  if (data.certificate.development) drawDevelopmentWarning(doc);
  drawIntroduction(doc, data);
  for (const lot of data.lots) drawLot(doc, data, lot);
  drawStandstillAndObjection(doc, {
    standstillEndsOn: data.standstillEndsOn,
    contact: data.contact,
    tender: { buyer: procedure.buyer },
    generatedBy: data.generatedBy,
  });
  drawCertificate(doc, { certificate: data.certificate, signatureLevel: data.signatureLevel, warnForDevelopment: false, checkUrl: data.checkUrl });
  labelledRows(doc, { rows: [[wording.evaluation.coverFields.reportId, data.reportId]] });
  drawDossierHashes(doc, data);
  addRecordFooters(doc, { kind: wording.letter.kind, reportId: data.reportId, reference: procedure.reference, checkUrl: data.checkUrl });
  doc.end();
  return finished;
}
