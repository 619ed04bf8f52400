/**
 * @module
 * The documents of one bid beside the rubric: each current version with a link that opens it
 * in the browser's own PDF viewer (a new tab) and one that downloads it, and the versions it
 * replaced. The list comes from `listTenderDocuments`, so an evaluator sees the quality
 * envelope only (document-access.ts); the links go to the API route, which asks the same.
 */
import { formatDutchNumber } from '../../domain/money.js';
import type { BidDocumentView } from '../../modules/documents/documents.service.js';
import { formatInstantDateTime } from '../format.js';

const documentUrl = (tenderId: string, d: BidDocumentView) =>
  `/api/v1/tenders/${encodeURIComponent(tenderId)}/bids/${encodeURIComponent(d.bidId)}/documents/${encodeURIComponent(d.id)}`;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${formatDutchNumber(bytes / 1024, 0)} kB` : `${formatDutchNumber(bytes / 1024 / 1024, 1)} MB`);

export function BidDocuments({ tenderId, documents }: { tenderId: string; documents: readonly BidDocumentView[] }) {
  const current = documents.filter((d) => d.replacedBy === null);
  return (
    <section aria-labelledby="documenten">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="documenten">
        Documenten van de inschrijving
      </h2>
      {current.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Bij deze inschrijving zijn geen documenten ontvangen.</p>
      ) : (
        <ul class="utrecht-unordered-list" data-bid-documents>
          {current.map((d) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link utrecht-link--html-a" href={documentUrl(tenderId, d)} target="_blank" rel="noopener" data-document={d.id}>
                {d.name}
              </a>{' '}
              (versie {d.version}
              {d.criterionId === null ? '' : `, bij ${d.criterionId}`}, {sizeText(d.size)}, ontvangen {formatInstantDateTime(d.receivedAt)}){' '}
              <a class="utrecht-link utrecht-link--html-a" href={`${documentUrl(tenderId, d)}?download=1`}>
                Downloaden
              </a>
              {d.reason === null ? null : (
                <span>
                  . Vervangt versie {d.version - 1}: {d.reason}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "Beoordeeld met plan.pdf (versie 2)": the versions a score was given with. */
export function ScoredWith({ documents }: { documents: readonly { name: string; version: number }[] }) {
  if (documents.length === 0) return null;
  return <p class="utrecht-paragraph utrecht-paragraph--distanced">Beoordeeld met {documents.map((d) => `${d.name} (versie ${d.version})`).join(', ')}.</p>;
}
