/**
 * @module
 * The award letter (gunningsbeslissing) to one bidder: the decision, its own scores next to
 * the winner's per criterion with the consensus motivations (the relative advantages that
 * art. 2.130 Aanbestedingswet requires), the end of the standstill period, and how to object.
 * The winner's letter says it is the intended winner and that no contract exists yet.
 *
 * @example
 * const letter = buildAwardLetterData({ report, bidId: 'B1', reportId, decisionDate, standstillEndsOn });
 * const signed = await signer.sign(await renderAwardLetter(letter));
 */
import { formatDutchTrimmed } from '../domain/money.js';
import { addressBlockLines } from '../domain/provider/provider-address.js';
import { drawCertificate, drawDevelopmentWarning } from './certificate-block.js';
import { formatDate } from './format-dates.js';
import { COLOR, FONT, SIZE, bulletList, contentWidth, heading, labelledRows, paragraph } from './pdf/layout.js';
import { addRecordFooters } from './record-footer.js';
import { type PdfDocument, startPdf } from './pdf/pdf-document.js';
import { tagged } from './pdf/structure.js';
import { drawTable, headedTable } from './pdf/table.js';
import { fitText } from './pdf/fit-text.js';
import type { AwardLetterData, LetterParty } from './report-data.js';
import { formatBidScore, formatCriterionScore, formatPoints, formatPrice, formatPricePart, methodFormula, methodName } from './report-format.js';
import { fill, wording } from './wording.js';

const words = wording.letter;

/** What the comparison and motivation sections of a letter read: one lot's recipient and winner. */
export type LetterComparison = Pick<AwardLetterData, 'award' | 'criteria' | 'scoreKind' | 'recipient' | 'winner'>;

function isWinner(data: LetterComparison): boolean {
  return data.recipient.bidId === data.winner.bidId;
}

/** The head of a letter: the buyer, the address block, the recipient's reference, the date and the subject. */
export type LetterHead = { buyer: string; addressLines: readonly string[]; recipientLine: string; dateLine: string; subject: string };

export function drawLetterHeadOf(doc: PdfDocument, head: LetterHead): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOR.accent);
  const buyer = fitText(doc, head.buyer, width);
  tagged(doc, 'P', () => doc.text(buyer, left, doc.page.margins.top, { width }));
  doc.y += 18;
  doc
    .font(FONT.regular)
    .fontSize(SIZE.body + 1)
    .fillColor(COLOR.text);
  const line = (text: string) => {
    const fitted = fitText(doc, text, width);
    tagged(doc, 'P', () => doc.text(fitted, left, doc.y, { width }));
  };
  for (const addressLine of head.addressLines) line(addressLine);
  if (head.addressLines.length > 1) doc.y += 6;
  line(head.recipientLine);
  doc.y += 14;
  line(head.dateLine);
  doc.y += 10;
  doc.font(FONT.bold);
  const subject = fitText(doc, head.subject, width);
  tagged(doc, 'H1', () => doc.text(subject, left, doc.y, { width }));
  doc.font(FONT.regular).fontSize(SIZE.body);
  doc.y += 10;
}

function drawLetterHead(doc: PdfDocument, data: AwardLetterData): void {
  drawLetterHeadOf(doc, {
    buyer: data.tender.buyer,
    // The address block (NEN 5825 order): the school, its contact person, street, postcode and place.
    addressLines: addressBlockLines(data.recipient.providerName, data.recipientAddress),
    recipientLine: fill(words.recipientBid, { bidId: data.recipient.bidId }),
    dateLine: fill(words.date, { date: formatDate(data.decisionDate) }),
    subject: fill(words.subject, { title: data.tender.title, reference: data.tender.reference, lot: data.tender.lot }),
  });
}

function drawDecision(doc: PdfDocument, data: AwardLetterData): void {
  const { recipient, winner } = data;
  const score = (party: LetterParty) => formatBidScore(data.scoreKind, party.result.score);
  paragraph(doc, { text: words.salutation, after: 8 });
  paragraph(doc, {
    text: fill(words.intro, {
      title: data.tender.title,
      reference: data.tender.reference,
      lot: data.tender.lot,
      bidCount: data.bidCount,
      bidId: recipient.bidId,
    }),
    after: 8,
  });
  if (isWinner(data)) {
    paragraph(doc, { text: fill(words.winnerDecision, { score: score(recipient) }), font: FONT.bold, after: 8 });
    paragraph(doc, { text: words.winnerCaveat, after: 8 });
    return;
  }
  const winnerValues = { winnerName: winner.providerName, winnerId: winner.bidId, winnerScore: score(winner) };
  if (recipient.result.status === 'excluded') {
    paragraph(doc, { text: fill(words.excludedDecision, winnerValues), after: 4 });
    bulletList(doc, { items: recipient.result.exclusionReasons });
    return;
  }
  paragraph(doc, {
    text: fill(words.rankedDecision, { ...winnerValues, rank: recipient.result.rank ?? '-', ranked: data.rankedCount, score: score(recipient) }),
    after: 8,
  });
}

export function drawComparison(doc: PdfDocument, data: LetterComparison): void {
  const winner = isWinner(data);
  heading(doc, { text: words.methodTitle, level: 2 });
  paragraph(doc, { text: fill(words.method, { method: methodName(data.award) }) });
  paragraph(doc, { text: methodFormula(data.award) });
  const headers = winner ? words.comparisonColumnsWinner : words.comparisonColumns;
  const widths = winner ? [0.6, 0.15, 0.25] : [0.5, 0.12, 0.19, 0.19];
  headedTable(
    doc,
    { text: winner ? words.comparisonTitleWinner : words.comparisonTitle, level: 2 },
    {
      columns: headers.map((header, i) => ({ header, width: widths[i] ?? 0, ...(i > 0 ? { align: 'right' as const } : {}) })),
      rows: data.criteria.map((criterion) => {
        const cells = [
          `${criterion.id} ${criterion.title}`,
          formatDutchTrimmed(criterion.weight),
          formatCriterionScore(criterion, data.recipient.scores[criterion.id]),
        ];
        if (!winner) cells.push(formatCriterionScore(criterion, data.winner.scores[criterion.id]));
        return { cells };
      }),
    },
  );
  const bidWords = wording.evaluation.bids;
  const parties = winner ? [data.recipient] : [data.recipient, data.winner];
  const rows: string[][] = [
    [bidWords.price, ...parties.map((party) => formatPrice(party.price))],
    [bidWords.qualityPoints, ...parties.map((party) => formatPoints(party.result.qualityPoints))],
  ];
  if (data.recipient.result.pricePoints !== undefined || data.winner.result.pricePoints !== undefined) {
    rows.push([bidWords.pricePoints, ...parties.map((party) => formatPricePart(party.result))]);
  } else if (data.recipient.result.fictiveDiscount !== undefined || data.winner.result.fictiveDiscount !== undefined) {
    rows.push([bidWords.fictiveDiscount, ...parties.map((party) => formatPricePart(party.result))]);
  }
  rows.push([bidWords.score, ...parties.map((party) => formatBidScore(data.scoreKind, party.result.score))]);
  rows.push([bidWords.rank, ...parties.map((party) => (party.result.rank === null ? wording.common.excluded : String(party.result.rank)))]);
  const totalHeaders = winner ? words.totalsColumnsWinner : words.totalsColumns;
  const totalWidths = winner ? [0.6, 0.4] : [0.4, 0.3, 0.3];
  drawTable(doc, {
    columns: totalHeaders.map((header, i) => ({ header, width: totalWidths[i] ?? 0, ...(i > 0 ? { align: 'right' as const } : {}) })),
    rows: rows.map((cells) => ({ cells })),
  });
}

export function drawMotivations(doc: PdfDocument, data: LetterComparison): void {
  const winner = isWinner(data);
  heading(doc, { text: winner ? words.motivationsTitleWinner : words.motivationsTitle, level: 2 });
  for (const criterion of data.criteria) {
    heading(doc, { text: `${criterion.id} ${criterion.title}`, level: 3 });
    const line = (template: string, party: LetterParty) =>
      fill(template, {
        score: formatCriterionScore(criterion, party.scores[criterion.id]),
        motivation: party.motivations[criterion.id] ?? words.noMotivation,
      });
    paragraph(doc, { text: line(words.yourMotivation, data.recipient), after: winner ? 6 : 3 });
    if (!winner) paragraph(doc, { text: line(words.winnerMotivation, data.winner), after: 6 });
  }
}

/** The standstill period, how to ask and object, the closing and who signs for the buyer. */
export function drawStandstillAndObjection(
  doc: PdfDocument,
  data: { standstillEndsOn: string; contact?: string | undefined; tender: { buyer: string }; generatedBy: string },
): void {
  heading(doc, { text: words.standstillTitle, level: 2 });
  paragraph(doc, { text: fill(words.standstill, { date: formatDate(data.standstillEndsOn) }) });
  heading(doc, { text: words.objectionTitle, level: 2 });
  const contact = data.contact ? fill(words.contact, { contact: data.contact }) : '';
  paragraph(doc, { text: fill(words.clarification, { contact }) });
  paragraph(doc, { text: words.summaryProceedings, after: 12 });
  paragraph(doc, { text: words.closing, after: 2 });
  paragraph(doc, { text: fill(words.signedBy, { buyer: data.tender.buyer, name: data.generatedBy }), after: 12 });
}

/**
 * The SHA-256 of the dossier the decision follows from: the same hash the evaluation report
 * prints and embeds, so a reader can tie the letter to the report. The letter's own hash
 * cannot be inside it; the check page shows it (docs/documents-of-record.md).
 */
function drawDossierHash(doc: PdfDocument, data: AwardLetterData): void {
  paragraph(doc, { text: words.dossierHash, after: 2 });
  paragraph(doc, { text: data.dossierSha256, font: FONT.mono, size: SIZE.body, after: 6 });
  paragraph(doc, { text: words.fileHashNote, size: SIZE.small, color: COLOR.muted, after: 2 });
  // The address on a line of its own, so that it is not broken after "https://".
  paragraph(doc, { text: data.checkUrl, size: SIZE.small, color: COLOR.muted });
}

export async function renderAwardLetter(data: AwardLetterData): Promise<Buffer> {
  const { doc, finished } = startPdf({
    title: `${words.kind} ${data.tender.reference} - ${data.recipient.providerName}`,
    author: data.generatedBy,
    subject: `${data.tender.buyer}, ${data.tender.lot}`,
    createdAt: new Date(data.generatedAt),
    record: {
      purpose: fill(words.purpose, { bidId: data.recipient.bidId }),
      reportId: data.reportId,
      tender: { reference: data.tender.reference, title: data.tender.title, buyer: data.tender.buyer },
      signer: { subject: data.certificate.subject, fingerprintSha256: data.certificate.fingerprintSha256 },
    },
  });
  drawLetterHead(doc, data);
  if (data.certificate.development) drawDevelopmentWarning(doc);
  drawDecision(doc, data);
  drawComparison(doc, data);
  drawMotivations(doc, data);
  drawStandstillAndObjection(doc, data);
  drawCertificate(doc, { certificate: data.certificate, signatureLevel: data.signatureLevel, warnForDevelopment: false, checkUrl: data.checkUrl });
  labelledRows(doc, { rows: [[wording.evaluation.coverFields.reportId, data.reportId]] });
  drawDossierHash(doc, data);
  addRecordFooters(doc, { kind: words.kind, reportId: data.reportId, reference: data.tender.reference, checkUrl: data.checkUrl });
  doc.end();
  return finished;
}
