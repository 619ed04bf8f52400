/**
 * @module
 * The award decision and the award at the foot of the results page. A step that is not
 * possible yet (a review still open, the standstill still running) is shown disabled with
 * its reasons beside it (`awardDecisionReadiness`, `awardReadiness`); a step that is
 * possible asks first, in words that say what becomes impossible (`ConfirmStep`). A draw of
 * lots when rank 1 is shared; after the decision the end of the standstill, the award, and
 * withdrawing the decision. A refused post's messages are at the top of the page; here the
 * fields carry theirs.
 */
import { bidLabel } from '../../domain/bid-label.js';
import type { Readiness } from '../../modules/award/award-readiness.js';
import type { TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import type { TenderView } from '../../modules/tenders/tenders.service.js';
import { CONFIRMATIONS } from '../confirmations.js';
import { formatInstantDate, formatIsoDate } from '../format.js';
import { NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { Notice, SubmitButton } from './alerts.js';
import { BidName } from './bid-name.js';
import { ConfirmStep } from './confirm-step.js';
import { SelectField, TextareaField } from './form-field.js';
import { tenderPath } from './tender-frame.js';
import { UnavailableAction } from './unavailable-action.js';

export type AwardForm = 'decision' | 'award' | 'withdrawal';
export type AwardFormState = { form: AwardForm; values: FormValues; errors: FormErrors };

/** The step ids of the two confirmations on this page: their checkboxes' ids derive from them. */
export const AWARD_STEP_IDS = { decision: 'gunningsbeslissing', award: 'gunnen' } as const;

type Props = {
  access: TenderAccess;
  view: TenderView;
  evaluation: TenderEvaluation;
  names: ReadonlyMap<string, string>;
  decisionReadiness: Readiness;
  awardReadiness: Readiness;
  formState: AwardFormState | undefined;
};

function DecisionForm({
  access,
  evaluation,
  names,
  readiness,
  formState,
}: {
  access: TenderAccess;
  evaluation: TenderEvaluation;
  names: ReadonlyMap<string, string>;
  readiness: Readiness;
  formState: AwardFormState | undefined;
}) {
  if (!readiness.possible) return <UnavailableAction id={AWARD_STEP_IDS.decision} label="Gunningsbeslissing nemen" reasons={readiness.reasons} />;
  const mine = formState?.form === 'decision' ? formState : undefined;
  const errors = mine?.errors ?? NO_ERRORS;
  const tie = evaluation.warnings.find((w) => w.code === 'tie-unresolved' && w.rank === 1);
  const tiedBids = tie?.code === 'tie-unresolved' ? tie.bids : [];
  return (
    <form method="post" action={`${tenderPath(access)}/gunningsbeslissing`} class="utrecht-form" data-confirm>
      {evaluation.winner === null ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          De gunningsbeslissing gunt aan{' '}
          <strong>
            <BidName bidId={evaluation.winner} name={names.get(evaluation.winner)} />
          </strong>
          .
        </p>
      )}
      {tiedBids.length === 0 ? null : (
        <>
          <SelectField
            name="drawOfLots.winner"
            label="Winnaar van de loting"
            errors={errors}
            value={mine?.values['drawOfLots.winner']}
            options={[{ value: '', label: 'Kies' }, ...tiedBids.map((id) => ({ value: id, label: bidLabel(id, names.get(id)) }))]}
          />
          <TextareaField name="drawOfLots.record" label="Verslag van de loting (wie, wanneer, hoe)" errors={errors} value={mine?.values['drawOfLots.record']} />
        </>
      )}
      <ConfirmStep id={AWARD_STEP_IDS.decision} words={CONFIRMATIONS.awardDecision} errors={errors} />
      <SubmitButton>Gunningsbeslissing nemen</SubmitButton>
    </form>
  );
}

export function AwardSection({ access, view, evaluation, names, decisionReadiness, awardReadiness, formState }: Props) {
  const inkoper = access.roles.has('inkoper');
  const decision = view.awardDecision;
  const withdrawal = formState?.form === 'withdrawal' ? formState : undefined;
  const winner = (bidId: string) => <BidName bidId={bidId} name={names.get(bidId)} />;
  return (
    <section aria-labelledby="gunning-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="gunning-kop">
        Gunning
      </h2>
      {view.status === 'awarded' ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Definitief gegund op {formatInstantDate(view.awardedAt)} aan {decision === null ? '-' : winner(decision.winner)}. De aanbesteding is vergrendeld.
        </p>
      ) : decision !== null ? (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Gunningsbeslissing van {formatInstantDate(decision.decidedAt)}: gunnen aan {winner(decision.winner)}. De opschortende termijn loopt tot en met{' '}
            {formatIsoDate(decision.standstillEndsOn)}; definitief gunnen kan vanaf {formatIsoDate(decision.awardAllowedOn)}.
          </p>
          {inkoper ? (
            <>
              {awardReadiness.possible ? (
                <form method="post" action={`${tenderPath(access)}/gunnen`} class="utrecht-form" data-confirm>
                  <ConfirmStep id={AWARD_STEP_IDS.award} words={CONFIRMATIONS.award} errors={formState?.form === 'award' ? formState.errors : NO_ERRORS} />
                  <SubmitButton>Definitief gunnen</SubmitButton>
                </form>
              ) : (
                <UnavailableAction id={AWARD_STEP_IDS.award} label="Definitief gunnen" reasons={awardReadiness.reasons} />
              )}
              <form method="post" action={`${tenderPath(access)}/gunningsbeslissing-intrekken`} class="utrecht-form">
                <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Gunningsbeslissing intrekken</h3>
                <p class="utrecht-paragraph utrecht-paragraph--distanced">
                  Na een gegrond bezwaar, een uitspraak of een gevonden fout: de aanbesteding is dan weer geopend, de beoordeling kan worden hersteld en er
                  volgt een nieuwe gunningsbeslissing met een nieuwe opschortende termijn. De reden komt in de audittrail.
                </p>
                <TextareaField name="reason" label="Reden van de intrekking" errors={withdrawal?.errors ?? NO_ERRORS} value={withdrawal?.values['reason']} />
                <SubmitButton>Gunningsbeslissing intrekken</SubmitButton>
              </form>
            </>
          ) : null}
        </>
      ) : view.status !== 'open' ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">De gunningsbeslissing kan worden genomen zodra de aanbesteding is geopend en beoordeeld.</p>
      ) : inkoper ? (
        <DecisionForm access={access} evaluation={evaluation} names={names} readiness={decisionReadiness} formState={formState} />
      ) : decisionReadiness.possible ? null : (
        <Notice kind="warning">Nog niet afgerond: {decisionReadiness.reasons.join(' ')}</Notice>
      )}
    </section>
  );
}
