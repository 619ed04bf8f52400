/**
 * @module
 * The form "Gunningsbeperking" on a procedure's page (issue 21), for an inkoper while every lot
 * is draft: at most N lots per school (empty: no limitation), the published rule, the lot order
 * as one position per lot, and per school that bid its preferred lots in order. Its post is
 * `src/web/pages/procedure-award-limit.tsx`, on the service behind `PUT .../award-limit`.
 * Once a lot is opened the limitation is fixed: the page shows it in words, not this form.
 */
import { AWARD_LIMIT_RULES, type AwardLimitRule } from '../../domain/procedure/procedure.js';
import { AWARD_LIMIT_RULE_TERMS } from '../../domain/vocabulary/index.js';
import type { DeclaredSchool } from '../../modules/panel/declaration-subject.js';
import type { ProcedureView } from '../../modules/procedures/procedures.service.js';
import type { FormErrors } from '../forms/form-errors.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { ErrorSummary, Notice, SubmitButton } from './alerts.js';
import { RadioScale, TextField } from './form-field.js';

/** A refused post of the form: what was sent and why. */
export type AwardLimitFormState = { values: FormValues; errors: FormErrors };

export const MAX_FIELD = 'maxLotsPerBidder';
export const RULE_FIELD = 'rule';
/** The fieldset of the positions, for an error about the order as a whole. */
export const ORDER_FIELD = 'volgorde';
/** One position per lot: `positie-L2`. */
export const positionField = (lotId: string) => `positie-${lotId}`;
/** One preference per school by KvK number: `voorkeur-05123456`. */
export const preferenceField = (kvk: string) => `voorkeur-${kvk}`;

/** "in de volgorde van de percelen", "naar de voorkeur van de inschrijver". */
export const RULE_OPTION_LABELS: Readonly<Record<AwardLimitRule, string>> = {
  'lot-order': `in de ${AWARD_LIMIT_RULE_TERMS['lot-order'].label}`,
  'bidder-preference': `naar de ${AWARD_LIMIT_RULE_TERMS['bidder-preference'].label}`,
};

/** The current setting as the form's values: the lots' own order when no order is set. */
export function awardLimitValues(view: ProcedureView): FormValues {
  const limit = view.awardLimit;
  const order = limit?.lotOrder ?? view.lots.map((lot) => lot.lotId);
  const values: FormValues = {
    [MAX_FIELD]: limit === null ? '' : String(limit.maxLotsPerBidder),
    [RULE_FIELD]: limit?.rule ?? 'lot-order',
  };
  for (const [i, lot] of view.lots.entries()) {
    const at = order.indexOf(lot.lotId);
    values[positionField(lot.lotId)] = String(at === -1 ? i + 1 : at + 1);
  }
  for (const [kvk, lots] of Object.entries(view.preferences ?? {})) values[preferenceField(kvk)] = lots.join(', ');
  return values;
}

function fieldsetClass(invalid: boolean): string {
  return `utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`;
}

/** For an inkoper while every lot is draft; nothing once a lot is opened (the limitation is then fixed). */
export function AwardLimitForm({ view, schools, state }: { view: ProcedureView; schools: readonly DeclaredSchool[]; state: AwardLimitFormState | undefined }) {
  if (view.lots.some((lot) => lot.status !== 'draft')) {
    // A post that came too late (a lot was opened meanwhile): its refusal, without the form.
    return state === undefined ? null : <Notice kind="error">{state.errors.summary.map((e) => e.message).join(' ')}</Notice>;
  }
  const values = state?.values ?? awardLimitValues(view);
  const errors = state?.errors ?? NO_ERRORS;
  const orderErrors = errors.byField.get(ORDER_FIELD) ?? [];
  const n = view.lots.length;
  return (
    <section aria-labelledby="gunningsbeperking-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="gunningsbeperking-kop">
        Gunningsbeperking
      </h2>
      <form method="post" action={`/procedures/${view.id}/gunningsbeperking`} class="utrecht-form" id="gunningsbeperking">
        <ErrorSummary errors={errors} title="De gunningsbeperking is niet vastgelegd" />
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Zolang elk perceel in voorbereiding is, legt u hier vast hoeveel percelen één inschrijver (KvK-nummer) ten hoogste krijgt en volgens welke
          gepubliceerde regel. Laat het aantal leeg voor geen gunningsbeperking: elk perceel gaat dan naar zijn eigen winnaar.
        </p>
        <TextField
          name={MAX_FIELD}
          label="Ten hoogste zoveel percelen per inschrijver"
          description="Een geheel getal van minstens 1; leeg: geen gunningsbeperking"
          value={values[MAX_FIELD]}
          errors={errors}
          inputMode="numeric"
          size={4}
        />
        <RadioScale
          name={RULE_FIELD}
          legend="Regel voor de gunning onder de beperking"
          idPrefix="veld-rule"
          errors={errors}
          value={values[RULE_FIELD]}
          options={AWARD_LIMIT_RULES.map((rule) => ({ value: rule, label: RULE_OPTION_LABELS[rule] }))}
        />
        <fieldset class={fieldsetClass(orderErrors.length > 0)} id="veld-volgorde">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Gepubliceerde volgorde, bij de regel "{RULE_OPTION_LABELS['lot-order']}"
          </legend>
          {orderErrors.length === 0 ? null : <div class="utrecht-form-field-error-message">{orderErrors.join(' ')}</div>}
          {view.lots.map((lot) => (
            <TextField
              name={positionField(lot.lotId)}
              label={`Positie ${lot.lotId}: ${lot.title}`}
              description={`1 tot en met ${n}; elke positie één keer`}
              value={values[positionField(lot.lotId)]}
              errors={errors}
              inputMode="numeric"
              size={4}
            />
          ))}
        </fieldset>
        {schools.length === 0 ? null : (
          <fieldset class={fieldsetClass(false)} id="veld-voorkeuren">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              Voorkeuren, bij de regel "{RULE_OPTION_LABELS['bidder-preference']}"
            </legend>
            {schools.map((school) => (
              <TextField
                name={preferenceField(school.kvk)}
                label={`${school.name} (KvK ${school.kvk})`}
                description="De percelen waarop zij inschreef, liefste eerst, bijvoorbeeld L2, L1; leeg: geen voorkeur"
                value={values[preferenceField(school.kvk)]}
                errors={errors}
              />
            ))}
          </fieldset>
        )}
        <SubmitButton>Gunningsbeperking vastleggen</SubmitButton>
      </form>
    </section>
  );
}
