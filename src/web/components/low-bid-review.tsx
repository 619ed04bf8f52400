/**
 * @module
 * One flagged (or reviewed) bid on the results page: every flag with its message, the
 * art. 2.116 review so far, what rejecting it would do to the award, and the form for the
 * next step of the review when the inkoper may take one. Which steps are allowed when is
 * the domain's state machine (`applyReviewAction`); the forms only offer the likely next
 * steps, and a refused one comes back with the domain's own message.
 */
import type { BidWithdrawal, LowBidReview } from '../../domain/evaluation/dossier.js';
import type { BidCorrectionView } from '../../modules/bids/bid-corrections.js';
import { LOW_BID_RULE_NAMES, REVIEW_STATE_NAMES } from '../../domain/vocabulary/index.js';
import type { TenderBidResult } from '../../modules/evaluation/evaluation.service.js';
import { SubmitButton } from './alerts.js';
import { BidName } from './bid-name.js';
import { DataList } from './data-list.js';
import { bidLabel } from '../../domain/bid-label.js';
import { RadioScale, TextareaField, TextField } from './form-field.js';
import { formatInstantDate, formatIsoDate, formatOptionalEuros } from '../format.js';
import type { FormErrors } from '../forms/form-errors.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';

/** The id of a review form's input: one form per flagged bid, so ids carry the bid. */
export function reviewFieldId(bidId: string, name: string): string {
  return `onderzoek-${bidId}-${name}`;
}

export type ReviewFormState = { bidId: string; action: string; values: FormValues; errors: FormErrors };

function ReviewRecord({ review }: { review: LowBidReview }) {
  const rows: [string, string][] = [['Stand van het onderzoek', REVIEW_STATE_NAMES[review.state]]];
  if (review.requestedAt !== undefined) rows.push(['Toelichting gevraagd op', formatIsoDate(review.requestedAt)]);
  if (review.deadline !== undefined) rows.push(['Termijn voor de toelichting', formatIsoDate(review.deadline)]);
  if (review.questions !== undefined) rows.push(['Vragen', review.questions]);
  if (review.receivedAt !== undefined) rows.push(['Toelichting ontvangen op', formatIsoDate(review.receivedAt)]);
  if (review.explanation !== undefined) rows.push(['Toelichting', review.explanation]);
  if (review.decidedAt !== undefined) rows.push(['Besloten op', formatIsoDate(review.decidedAt)]);
  if (review.motivation !== undefined) rows.push(['Motivering', review.motivation]);
  return <DataList rows={rows} />;
}

/** One step's form; a refused step's messages are at the top of the page (results.tsx), its fields carry theirs. */
function ActionForm({ action, title, submit, path, children }: { action: string; title: string; submit: string; path: string; children?: unknown }) {
  return (
    <form method="post" action={path} class="utrecht-form">
      <h4 class="utrecht-heading-4 utrecht-heading-4--distanced">{title}</h4>
      <input type="hidden" name="action" value={action} />
      {children as never}
      <SubmitButton kind="secondary-action">{submit}</SubmitButton>
    </form>
  );
}

/**
 * What happened to the bid besides the review: a correction of its price after the review
 * had started (the review stays, with the correction noted) and a withdrawal (the review
 * stays as it was and goes no further). docs/corrections.md.
 */
function BidEvents({ corrections, withdrawal }: { corrections: readonly BidCorrectionView[]; withdrawal: BidWithdrawal | undefined }) {
  const items = corrections.map((c) =>
    c.lowBidReviewState === null
      ? `Prijs gecorrigeerd op ${formatInstantDate(c.correctedAt)} van ${formatOptionalEuros(c.before.price)} naar ${formatOptionalEuros(c.after.price)}, voordat dit onderzoek begon. Reden: ${c.reason}`
      : `Prijs gecorrigeerd op ${formatInstantDate(c.correctedAt)} van ${formatOptionalEuros(c.before.price)} naar ${formatOptionalEuros(c.after.price)}, terwijl dit onderzoek al liep (${REVIEW_STATE_NAMES[c.lowBidReviewState]}); het onderzoek blijft staan. Reden: ${c.reason}`,
  );
  if (withdrawal !== undefined) {
    items.push(
      `Ingetrokken door de inschrijver (ontvangen op ${formatIsoDate(withdrawal.receivedOn)}); het onderzoek blijft staan zoals het was en gaat niet verder. Reden: ${withdrawal.reason}`,
    );
  }
  if (items.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
      {items.map((item) => (
        <li class="utrecht-unordered-list__item">{item}</li>
      ))}
    </ul>
  );
}

export function LowBidReviewSection({
  bid,
  names,
  impact,
  canAct,
  actionPath,
  letterPath,
  formState,
  corrections = [],
  withdrawal,
  pending = false,
}: {
  bid: Pick<TenderBidResult, 'bidId' | 'lowBidFlags' | 'lowBidReview'>;
  /** The school of each bid, to name bids by (issue 15). */
  names: ReadonlyMap<string, string>;
  impact: { winnerIfRejected: string | null; changesWinner: boolean } | undefined;
  canAct: boolean;
  actionPath: string;
  letterPath: string;
  formState: ReviewFormState | undefined;
  corrections?: readonly BidCorrectionView[];
  withdrawal?: BidWithdrawal | undefined;
  /** The bid waits for consensus scores: its flags come from the prices alone. */
  pending?: boolean;
}) {
  const review = bid.lowBidReview ?? { state: 'open' as const };
  // A withdrawn bid's review goes no further (low-bid-reviews.service.ts refuses it too).
  const mayAct = canAct && withdrawal === undefined;
  const labelOf = (bidId: string) => bidLabel(bidId, names.get(bidId));
  const forThis = (action: string) => (formState?.bidId === bid.bidId && formState.action === action ? formState : undefined);
  const errorsOf = (action: string) => forThis(action)?.errors ?? NO_ERRORS;
  const formValue = (action: string, name: string) => forThis(action)?.values[name];
  const prefix = `onderzoek-${bid.bidId}`;
  return (
    <section aria-labelledby={`${prefix}-kop`}>
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id={`${prefix}-kop`}>
        <BidName bidId={bid.bidId} name={names.get(bid.bidId)} />
      </h3>
      <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
        {bid.lowBidFlags.map((flag) => (
          <li class="utrecht-unordered-list__item">
            <strong>{LOW_BID_RULE_NAMES[flag.rule]}</strong>: {flag.message}
          </li>
        ))}
      </ul>
      {pending ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Nog niet alle consensusscores van {labelOf(bid.bidId)} zijn er; deze signalen volgen uit de prijzen alleen. Het onderzoek kan al beginnen.
        </p>
      ) : null}
      <BidEvents corrections={corrections} withdrawal={withdrawal} />
      {impact === undefined ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          {impact.changesWinner
            ? `Afwijzen van ${labelOf(bid.bidId)} verandert de winnaar: dan wint ${impact.winnerIfRejected === null ? 'niemand eenduidig' : labelOf(impact.winnerIfRejected)}.`
            : `Afwijzen van ${labelOf(bid.bidId)} verandert de winnaar niet.`}
        </p>
      )}
      <ReviewRecord review={review} />
      {review.requestedAt === undefined ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          <a class="utrecht-link utrecht-link--html-a" href={letterPath}>
            Conceptbrief met het verzoek om toelichting (tekst)
          </a>
        </p>
      )}
      {!mayAct ? null : (
        <>
          {review.state === 'open' ? (
            <ActionForm action="request-explanation" title="Toelichting vragen" submit="Verzoek vastleggen" path={actionPath}>
              <TextField
                name="deadline"
                id={`${prefix}-deadline`}
                label="Termijn (uiterlijk)"
                type="date"
                value={formValue('request-explanation', 'deadline')}
                errors={errorsOf('request-explanation')}
              />
              <TextareaField
                name="questions"
                id={`${prefix}-questions`}
                label="Vragen, één per regel"
                value={formValue('request-explanation', 'questions')}
                errors={errorsOf('request-explanation')}
              />
            </ActionForm>
          ) : null}
          {review.state === 'explanation-requested' ? (
            <>
              <ActionForm action="record-explanation" title="Toelichting vastleggen" submit="Toelichting vastleggen" path={actionPath}>
                <TextareaField
                  name="explanation"
                  id={`${prefix}-explanation`}
                  label="Toelichting van de inschrijver"
                  value={formValue('record-explanation', 'explanation')}
                  errors={errorsOf('record-explanation')}
                />
                <TextField
                  name="receivedAt"
                  id={`${prefix}-receivedAt`}
                  label="Ontvangen op (leeg: vandaag)"
                  type="date"
                  value={formValue('record-explanation', 'receivedAt')}
                  errors={errorsOf('record-explanation')}
                />
              </ActionForm>
              <ActionForm action="record-no-response" title="Geen reactie" submit="Vastleggen: geen reactie binnen de termijn" path={actionPath} />
            </>
          ) : null}
          {review.state !== 'accepted' && review.state !== 'rejected' ? (
            <ActionForm action="decide" title="Besluiten" submit="Besluit vastleggen" path={actionPath}>
              <RadioScale
                name="decision"
                legend="Besluit"
                idPrefix={`${prefix}-decision`}
                errors={errorsOf('decide')}
                value={formValue('decide', 'decision')}
                options={[
                  { value: 'accepted', label: 'Aanvaarden: de prijs is voldoende verklaard' },
                  { value: 'rejected', label: 'Afwijzen als abnormaal laag (art. 2.116)' },
                ]}
              />
              <TextareaField
                name="motivation"
                id={`${prefix}-motivation`}
                label="Motivering"
                value={formValue('decide', 'motivation')}
                errors={errorsOf('decide')}
              />
            </ActionForm>
          ) : null}
        </>
      )}
    </section>
  );
}
