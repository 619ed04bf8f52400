/**
 * @module
 * The opening record of the price envelopes as a PDF/A-3b document, signed afterwards like
 * every report: who opened, when, per bid the envelope's SHA-256 (to match against the file
 * received) and the price the two officers read from it, and the quality scores that were
 * locked before any price was known. Its data is embedded as `price-opening.json`, so the
 * figures can be read back by a machine as well as a person.
 */
import { formatDutchTrimmed, formatEuros } from '../domain/money.js';
import { drawCertificate, drawDevelopmentWarning } from './certificate-block.js';
import { formatInstant } from './format-dates.js';
import { heading, labelledRows, paragraph } from './pdf/layout.js';
import { addRecordFooters } from './record-footer.js';
import { startPdf } from './pdf/pdf-document.js';
import { drawTable } from './pdf/table.js';
import type { PriceOpeningRecordData } from './price-opening-record.js';
import { wording } from './wording.js';

const KIND = 'Proces-verbaal van opening van de prijsenveloppen';

export async function renderPriceOpeningRecord(data: PriceOpeningRecordData): Promise<Buffer> {
  const { doc, finished } = startPdf({
    title: `${KIND} ${data.tender.reference}`,
    author: `${data.firstOfficer} en ${data.secondOfficer}`,
    subject: `${data.tender.buyer}, ${data.tender.lot}`,
    createdAt: new Date(data.confirmedAt),
    record: {
      purpose: `${KIND} (twee enveloppen)`,
      reportId: data.reportId,
      tender: { reference: data.tender.reference, title: data.tender.title, buyer: data.tender.buyer },
      signer: { subject: data.certificate.subject, fingerprintSha256: data.certificate.fingerprintSha256 },
    },
    attachments: [
      {
        name: 'price-opening.json',
        description: 'De gegevens van dit proces-verbaal',
        relationship: 'Data',
        mimeType: 'application/json',
        content: Buffer.from(JSON.stringify({ ...data, certificate: undefined, signatureLevel: undefined }, null, 2)),
      },
    ],
  });
  heading(doc, { text: KIND, level: 1 });
  if (data.certificate.development) drawDevelopmentWarning(doc);
  labelledRows(doc, {
    rows: [
      ['Aanbesteding', `${data.tender.title} (${data.tender.reference})`],
      ['Aanbestedende dienst', data.tender.buyer],
      ['Perceel', data.tender.lot],
      ['Kwaliteitsscores vergrendeld', formatInstant(data.qualityLockedAt)],
      ['Prijzen ingevoerd', `${formatInstant(data.pricesEnteredAt)} door ${data.firstOfficer} (eerste inkoper)`],
      ['Opening bevestigd', `${formatInstant(data.confirmedAt)} door ${data.secondOfficer} (tweede inkoper)`],
    ],
  });
  paragraph(doc, {
    text: 'De kwaliteit van alle inschrijvingen is beoordeeld en vergrendeld voordat een prijs bekend was. Daarna zijn de prijsenveloppen geopend: de eerste inkoper heeft de prijzen ingevoerd, de tweede inkoper heeft ze zonder de eerste invoer te zien opnieuw uit dezelfde enveloppen gelezen, en beide lezingen kwamen overeen. De SHA-256 van iedere envelop is die van het bestand zoals het bij de inschrijving is ontvangen.',
    after: 8,
  });
  heading(doc, { text: 'Prijzen per inschrijving', level: 2 });
  drawTable(doc, {
    columns: [
      { header: 'Inschrijving', width: 0.3 },
      { header: 'Prijsenvelop (SHA-256)', width: 0.5 },
      { header: 'Prijs', width: 0.2, align: 'right' },
    ],
    rows: data.bids.map((bid) => ({
      cells: [
        `${bid.providerName} (${bid.bidId})`,
        bid.envelopes.length === 0 ? '-' : bid.envelopes.map((e) => `${e.name} (versie ${e.version}): ${e.sha256}`).join('\n'),
        bid.withdrawn ? 'ingetrokken' : bid.price === null ? '-' : formatEuros(bid.price),
      ],
    })),
  });
  for (const bid of data.bids.filter((b) => b.priceLines.length > 0)) {
    heading(doc, { text: `Prijsregels van ${bid.providerName} (${bid.bidId})`, level: 3 });
    drawTable(doc, {
      columns: [
        { header: 'Omschrijving', width: 0.5 },
        { header: 'Aantal', width: 0.2, align: 'right' },
        { header: 'Prijs per eenheid', width: 0.3, align: 'right' },
      ],
      rows: bid.priceLines.map((line) => ({ cells: [line.description, formatDutchTrimmed(line.quantity), formatEuros(line.unitPrice)] })),
    });
  }
  heading(doc, { text: 'Vergrendelde kwaliteitsscores (consensus)', level: 2 });
  drawTable(doc, {
    columns: [
      { header: 'Inschrijving', width: 0.3 },
      ...data.criteria.map((c) => ({
        header: `${c.id} (weging ${formatDutchTrimmed(c.weight)})`,
        width: 0.7 / Math.max(1, data.criteria.length),
        align: 'right' as const,
      })),
    ],
    rows: data.bids.map((bid) => ({
      cells: [
        `${bid.providerName} (${bid.bidId})`,
        ...data.criteria.map((c) => (bid.qualityScores[c.id] === undefined ? '-' : formatDutchTrimmed(bid.qualityScores[c.id] ?? 0))),
      ],
    })),
  });
  drawCertificate(doc, { certificate: data.certificate, signatureLevel: data.signatureLevel, warnForDevelopment: false, checkUrl: data.checkUrl });
  labelledRows(doc, { rows: [[wording.evaluation.coverFields.reportId, data.reportId]] });
  addRecordFooters(doc, { kind: KIND, reportId: data.reportId, reference: data.tender.reference, checkUrl: data.checkUrl });
  doc.end();
  return finished;
}
