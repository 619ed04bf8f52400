/**
 * @module
 * The award decision and the award at the foot of the results page: what still blocks the
 * decision (as the evaluation reports it), a draw of lots when rank 1 is shared, and after
 * the decision the end of the standstill, the final award, and withdrawing the decision.
 */
import type { FieldError } from '../../lib/app-error.js';
import type { TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import type { TenderView } from '../../modules/tenders/tenders.service.js';
import { formatInstantDate, formatIsoDate } from '../format.js';
import { mapFieldErrors } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { ErrorSummary, Notice, SubmitButton } from './alerts.js';
import { SelectField, TextareaField } from './form-field.js';
import { tenderPath } from './tender-frame.js';

export type AwardFormState = { values: FormValues; message: string; errors: FieldError[] };

const DRAW_FIELDS = new Map([
  ['drawOfLots.winner', 'Winnaar van de loting'],
  ['drawOfLots.record', 'Verslag van de loting'],
]);
const WITHDRAWAL_FIELDS = new Map([['reason', 'Reden van de intrekking']]);

export function AwardSection({ access, view, evaluation, formState }: { access: TenderAccess; view: TenderView; evaluation: TenderEvaluation; formState: AwardFormState | undefined }) {
  const inkoper = access.roles.has('inkoper');
  const decision = view.awardDecision;
  // Only a draw of lots has fields here; any other refusal (a review still open) is one message.
  const drawErrors = formState?.errors.filter((e) => e.path.startsWith('drawOfLots')) ?? [];
  const errors = drawErrors.length > 0 ? mapFieldErrors(drawErrors, DRAW_FIELDS) : undefined;
  const reasonErrors = formState?.errors.filter((e) => e.path === 'reason') ?? [];
  const withdrawalErrors = reasonErrors.length > 0 ? mapFieldErrors(reasonErrors, WITHDRAWAL_FIELDS) : undefined;
  const refusal = formState !== undefined && errors === undefined && withdrawalErrors === undefined ? formState.message : undefined;
  const tie = evaluation.warnings.find((w) => w.code === 'tie-unresolved' && w.rank === 1);
  const tiedBids = tie?.code === 'tie-unresolved' ? tie.bids : [];
  return (
    <section aria-labelledby="gunning-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="gunning-kop">
        Gunning
      </h2>
      {refusal === undefined ? null : <Notice kind="error">{refusal}</Notice>}
      {view.status === 'awarded' ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Definitief gegund op {formatInstantDate(view.awardedAt)} aan {decision?.winner ?? '-'}. De aanbesteding is vergrendeld.
        </p>
      ) : decision !== null ? (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Gunningsbeslissing van {formatInstantDate(decision.decidedAt)}: gunnen aan {decision.winner}. De opschortende termijn loopt tot en
            met {formatIsoDate(decision.standstillEndsOn)}; definitief gunnen kan vanaf {formatIsoDate(decision.awardAllowedOn)}.
          </p>
          {inkoper ? (
            <>
              <form method="post" action={`${tenderPath(access)}/gunnen`}>
                <SubmitButton>Definitief gunnen</SubmitButton>
              </form>
              <form method="post" action={`${tenderPath(access)}/gunningsbeslissing-intrekken`} class="utrecht-form">
                <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Gunningsbeslissing intrekken</h3>
                {withdrawalErrors === undefined ? null : <ErrorSummary errors={withdrawalErrors} title="De gunningsbeslissing is niet ingetrokken" />}
                <p class="utrecht-paragraph utrecht-paragraph--distanced">
                  Na een gegrond bezwaar, een uitspraak of een gevonden fout: de aanbesteding is dan weer geopend, de beoordeling kan worden
                  hersteld en er volgt een nieuwe gunningsbeslissing met een nieuwe opschortende termijn. De reden komt in het auditlogboek.
                </p>
                <TextareaField
                  name="reason"
                  label="Reden van de intrekking"
                  errors={withdrawalErrors ?? mapFieldErrors([], WITHDRAWAL_FIELDS)}
                  value={formState?.values['reason']}
                />
                <SubmitButton>Gunningsbeslissing intrekken</SubmitButton>
              </form>
            </>
          ) : null}
        </>
      ) : view.status !== 'open' ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">De gunningsbeslissing kan worden genomen zodra de aanbesteding is geopend en beoordeeld.</p>
      ) : (
        <>
          {evaluation.blockingReviews.length === 0 ? null : (
            <Notice kind="warning">
              Nog niet afgerond:{' '}
              {evaluation.blockingReviews.map((b) => `${b.bidId}: ${b.reason}`).join(' ')}
            </Notice>
          )}
          {inkoper ? (
            <form method="post" action={`${tenderPath(access)}/gunningsbeslissing`} class="utrecht-form">
              {errors === undefined ? null : <ErrorSummary errors={errors} title="De gunningsbeslissing is niet genomen" />}
              <p class="utrecht-paragraph utrecht-paragraph--distanced">
                De gunningsbeslissing gaat met de redenen naar alle inschrijvers; daarna loopt een opschortende termijn van 20
                kalenderdagen voordat definitief gegund kan worden.
              </p>
              {tiedBids.length === 0 ? null : (
                <>
                  <SelectField
                    name="drawOfLots.winner"
                    label="Winnaar van de loting"
                    errors={errors ?? mapFieldErrors([], DRAW_FIELDS)}
                    value={formState?.values['drawOfLots.winner']}
                    options={[{ value: '', label: 'Kies' }, ...tiedBids.map((id) => ({ value: id, label: id }))]}
                  />
                  <TextareaField
                    name="drawOfLots.record"
                    label="Verslag van de loting (wie, wanneer, hoe)"
                    errors={errors ?? mapFieldErrors([], DRAW_FIELDS)}
                    value={formState?.values['drawOfLots.record']}
                  />
                </>
              )}
              <SubmitButton>Gunningsbeslissing nemen</SubmitButton>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
