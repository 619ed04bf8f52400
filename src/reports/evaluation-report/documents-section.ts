/**
 * @module
 * The documents received with the bids (issue 20), every version, each with its SHA-256: the
 * report is the record of what was evaluated, and an auditor matches the files against it.
 * Drawn inside the audit section, after the embedded files; nothing when no document came in.
 */
import { formatDutchNumber } from '../../domain/money.js';
import { formatInstant } from '../format-dates.js';
import { FONT, SIZE, heading, paragraph } from '../pdf/layout.js';
import type { SectionContext } from './context.js';

const ENVELOPE = { quality: 'kwaliteitsenvelop', price: 'prijsenvelop' } as const;

export function drawDocumentsSection(context: SectionContext): void {
  const { doc, data } = context;
  const documents = data.documents ?? [];
  if (documents.length === 0) return;
  heading(doc, { text: 'Documenten van de inschrijvingen', level: 2 });
  paragraph(doc, {
    text: 'Elk document dat bij een inschrijving is ontvangen, elke versie, met de SHA-256 van de bytes bij ontvangst. Een vervangen versie blijft bewaard en staat hier ook.',
  });
  for (const d of documents) {
    paragraph(doc, {
      text: `${d.bidId}, ${ENVELOPE[d.envelope]}: ${d.name} (versie ${d.version}, ${formatDutchNumber(d.size, 0)} bytes, ontvangen ${formatInstant(d.receivedAt)})`,
      after: 1,
    });
    paragraph(doc, { text: d.sha256, font: FONT.mono, size: SIZE.small, after: 4 });
  }
}
