/**
 * @module
 * The forms on a procedure's page while every lot is draft (issue 21), for an inkoper: add a
 * lot (from a template or as a copy of a lot), copy one lot's settings onto others (it
 * overwrites them, so it asks first), and the link to delete the procedure. Their posts are
 * `src/web/pages/procedure-lots.tsx`, on the services behind the API's routes.
 */
import type { ProcedureView } from '../../modules/procedures/procedures.service.js';
import { listTemplates } from '../../modules/templates/templates.service.js';
import { CONFIRMATIONS } from '../confirmations.js';
import type { FormErrors } from '../forms/form-errors.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { ErrorSummary, SubmitButton } from './alerts.js';
import { ConfirmStep } from './confirm-step.js';
import { CheckboxField, SelectField, TextField } from './form-field.js';

/** Which of the two forms a refused post belongs to, with what was sent and why. */
export type LotFormState = { form: 'add' | 'copy'; values: FormValues; errors: FormErrors };

/** The source select's values: `template:b1-route`, `perceel:L1`. */
export const SOURCE_FIELD = 'bron';
/** One checkbox per target lot: `naar-L2`. */
export const targetField = (lotId: string) => `naar-${lotId}`;

function AddLotForm({ view, state }: { view: ProcedureView; state: LotFormState | undefined }) {
  const mine = state?.form === 'add' ? state : undefined;
  const values = mine?.values ?? {};
  const errors = mine?.errors ?? NO_ERRORS;
  const sources = [
    ...view.lots.map((lot) => ({ value: `perceel:${lot.lotId}`, label: `Kopie van perceel ${lot.lotId} (${lot.title})` })),
    ...listTemplates().map((t) => ({ value: `template:${t.id}`, label: `Sjabloon: ${t.name}` })),
  ];
  return (
    <form method="post" action={`/procedures/${view.id}/percelen`} class="utrecht-form" id="perceel-toevoegen">
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Perceel toevoegen</h3>
      <ErrorSummary errors={errors} title="Het perceel is niet toegevoegd" />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Het nieuwe perceel komt achteraan. Een kopie neemt de criteria, gewichten, schalen, minimumscores, prijsformule, regels voor lage inschrijvingen en
        enveloppen van dat perceel over, niet de inschrijvingen, het panel of de raming.
      </p>
      <TextField name="id" label="Id van het perceel" value={values.id} errors={errors} description="Bijvoorbeeld L4" size={12} mandatory />
      <TextField name="title" label="Titel" value={values.title} errors={errors} size={60} mandatory />
      <SelectField name={SOURCE_FIELD} label="Begin bij" value={values[SOURCE_FIELD]} errors={errors} options={sources} />
      <TextField name="lot" label="Route (leeg: die van het sjabloon of van het gekopieerde perceel)" value={values.lot} errors={errors} />
      <TextField name="estimatedValue" label="Raming (EUR)" value={values.estimatedValue} errors={errors} inputMode="decimal" amount="totaal" />
      <SubmitButton>Perceel toevoegen</SubmitButton>
    </form>
  );
}

function SettingsCopyForm({ view, state }: { view: ProcedureView; state: LotFormState | undefined }) {
  if (view.lots.length < 2) return null;
  const mine = state?.form === 'copy' ? state : undefined;
  const values = mine?.values ?? {};
  const errors = mine?.errors ?? NO_ERRORS;
  return (
    <form method="post" action={`/procedures/${view.id}/instellingen-overnemen`} class="utrecht-form" id="instellingen-overnemen" data-confirm>
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Instellingen van een perceel overnemen</h3>
      <ErrorSummary errors={errors} title="De instellingen zijn niet overgenomen" />
      <SelectField
        name="van"
        label="Van perceel"
        value={values.van}
        errors={errors}
        options={view.lots.map((lot) => ({ value: lot.lotId, label: `Perceel ${lot.lotId} (${lot.title})` }))}
      />
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset" id="veld-naar">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Naar de percelen</legend>
        {view.lots.map((lot) => (
          <CheckboxField
            name={targetField(lot.lotId)}
            label={`Perceel ${lot.lotId} (${lot.title})`}
            errors={errors}
            checked={values[targetField(lot.lotId)] === 'ja'}
          />
        ))}
      </fieldset>
      <ConfirmStep id="instellingen-overnemen-stap" words={CONFIRMATIONS.lotSettingsCopy} errors={errors} />
      <SubmitButton>Instellingen overnemen</SubmitButton>
    </form>
  );
}

/** For an inkoper while every lot is draft; nothing once a lot is opened (the lots and their rules are then fixed). */
export function DraftLotsSection({ view, state }: { view: ProcedureView; state: LotFormState | undefined }) {
  if (view.lots.some((lot) => lot.status !== 'draft')) return null;
  return (
    <section aria-labelledby="percelen-inrichten-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="percelen-inrichten-kop">
        Percelen inrichten
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Zolang elk perceel in voorbereiding is, voegt u percelen toe en neemt u instellingen over. Elk perceel blijft daarna een eigen aanbesteding die u los
        wijzigt.
      </p>
      <AddLotForm view={view} state={state} />
      <SettingsCopyForm view={view} state={state} />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <a class="utrecht-link utrecht-link--html-a" href={`/procedures/${view.id}/verwijderen`}>
          Procedure verwijderen
        </a>
      </p>
    </section>
  );
}
