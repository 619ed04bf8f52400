/**
 * @module
 * The bids page's documents (issue 20): per bid every version received (name, version, size,
 * the start of its SHA-256, when), linked where the caller may read the bytes, and for the
 * inkoper a form per bid that receives a quality PDF (optionally for a criterion), a price
 * envelope (two-envelope tender) or a new version of a document with its reason. The file
 * input is the form's last field: the server reads the fields before the file streams in
 * (`streamFormFile`), and refuses the upload before reading it when it cannot be taken.
 */
import { formatDutchNumber } from '../../domain/money.js';
import type { BidDocumentView } from '../../modules/documents/documents.service.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import { formatInstantDateTime } from '../format.js';
import { fieldId, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { SubmitButton } from './alerts.js';
import { SelectField, TextareaField } from './form-field.js';
import { tenderPath } from './tender-frame.js';

export const ENVELOPE_WORDS = { quality: 'kwaliteitsenvelop', price: 'prijsenvelop' } as const;

const documentUrl = (tenderId: string, d: BidDocumentView) =>
  `/api/v1/tenders/${encodeURIComponent(tenderId)}/bids/${encodeURIComponent(d.bidId)}/documents/${encodeURIComponent(d.id)}`;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${formatDutchNumber(bytes / 1024, 0)} kB` : `${formatDutchNumber(bytes / 1024 / 1024, 1)} MB`);

export const documentUploadPath = (access: TenderAccess, bidId: string) => `${tenderPath(access, 'inschrijvingen')}/${encodeURIComponent(bidId)}/documenten`;

export type UploadFormState = { bidId: string; errors: FormErrors };

function UploadForm({
  access,
  bidId,
  current,
  criteria,
  twoEnvelopes,
  errors,
}: {
  access: TenderAccess;
  bidId: string;
  current: readonly BidDocumentView[];
  criteria: readonly { id: string; title: string }[];
  twoEnvelopes: boolean;
  errors: FormErrors;
}) {
  const id = (name: string) => `document-${bidId}-${fieldId(name)}`;
  const open = errors.summary.length > 0;
  return (
    <details class="gw-details" open={open}>
      <summary>Document ontvangen voor {bidId}</summary>
      <form method="post" action={documentUploadPath(access, bidId)} enctype="multipart/form-data" class="utrecht-form" data-document-upload={bidId}>
        <SelectField
          name="envelope"
          id={id('envelope')}
          label="Envelop"
          errors={errors}
          options={[
            { value: 'quality', label: 'Kwaliteitsenvelop (PDF)' },
            ...(twoEnvelopes ? [{ value: 'price', label: 'Prijsenvelop (PDF of .xlsx)' }] : []),
          ]}
        />
        <SelectField
          name="criterionId"
          id={id('criterionId')}
          label="Bij criterium (alleen kwaliteitsenvelop, mag leeg)"
          errors={errors}
          options={[{ value: '', label: 'Geen criterium' }, ...criteria.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))]}
        />
        <SelectField
          name="replaces"
          id={id('replaces')}
          label="Vervangt"
          description="Na het openen komt er alleen nog een nieuwe versie van een ontvangen document bij, met een reden."
          errors={errors}
          options={[
            { value: '', label: 'Niets: een nieuw document' },
            ...current.map((d) => ({ value: d.id, label: `${d.name} (versie ${d.version}, ${ENVELOPE_WORDS[d.envelope]})` })),
          ]}
        />
        <TextareaField name="reason" id={id('reason')} label="Reden van de vervanging (alleen bij een vervanging)" errors={errors} rows={2} />
        <div class="utrecht-form-field utrecht-form-field--text">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={id('bestand')}>
              Bestand
            </label>
          </div>
          <div class="utrecht-form-field__input">
            <input id={id('bestand')} name="bestand" type="file" accept=".pdf,.xlsx" required class="utrecht-textbox utrecht-textbox--html-input" />
          </div>
        </div>
        <SubmitButton>Document ontvangen</SubmitButton>
      </form>
    </details>
  );
}

export function BidDocumentsSection({
  access,
  bidIds,
  documents,
  readable,
  upload,
}: {
  access: TenderAccess;
  bidIds: readonly string[];
  documents: readonly BidDocumentView[];
  /** The envelopes whose bytes the caller may read now. */
  readable: ReadonlySet<BidDocumentView['envelope']>;
  /** The inkoper's forms, while documents come in; undefined for everyone else. */
  upload: { criteria: readonly { id: string; title: string }[]; twoEnvelopes: boolean; state: UploadFormState | undefined } | undefined;
}) {
  if (bidIds.length === 0) return null;
  return (
    <section aria-labelledby="documenten-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="documenten-kop">
        Documenten van de inschrijvingen
      </h2>
      {bidIds.map((bidId) => {
        const ofBid = documents.filter((d) => d.bidId === bidId);
        return (
          <div data-bid-documents={bidId}>
            <h3 class="utrecht-heading-3">{bidId}</h3>
            {ofBid.length === 0 ? (
              <p class="utrecht-paragraph">Geen documenten ontvangen.</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {ofBid.map((d) => (
                  <li class="utrecht-unordered-list__item">
                    {readable.has(d.envelope) ? (
                      <a class="utrecht-link utrecht-link--html-a" href={documentUrl(access.tender.id, d)} target="_blank" rel="noopener" data-document={d.id}>
                        {d.name}
                      </a>
                    ) : (
                      d.name
                    )}{' '}
                    ({ENVELOPE_WORDS[d.envelope]}, versie {d.version}
                    {d.criterionId === null ? '' : `, bij ${d.criterionId}`}, {sizeText(d.size)}, SHA-256 <code title={d.sha256}>{d.sha256.slice(0, 12)}</code>,
                    ontvangen {formatInstantDateTime(d.receivedAt)}){d.replacedBy === null ? '' : ', vervangen'}
                    {d.reason === null ? '' : `. Reden: ${d.reason}`}
                  </li>
                ))}
              </ul>
            )}
            {upload === undefined ? null : (
              <UploadForm
                access={access}
                bidId={bidId}
                current={ofBid.filter((d) => d.replacedBy === null)}
                criteria={upload.criteria}
                twoEnvelopes={upload.twoEnvelopes}
                errors={upload.state?.bidId === bidId ? upload.state.errors : NO_ERRORS}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
