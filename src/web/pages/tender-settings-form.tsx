/**
 * @module
 * The sections of the tender settings form (draft only): the tender's facts, the criteria
 * with their weights, the award method with its formula in words and a live example, the
 * low-bid rules and the cost floor, and the formula check of those settings (issue 10).
 * Inputs are named by the API's paths (see tender-form.ts).
 */
import { AWARD_METHODS, LOW_BID_PRESETS, LOW_BID_RULE_IDS } from '../../domain/evaluation/dossier.js';
import { ENVELOPE_NAMES, ENVELOPE_TERMS, LOW_BID_PRESET_NAMES, LOW_BID_RULE_NAMES, METHOD_NAMES } from '../../domain/vocabulary/index.js';
import { DEFAULT_LOW_BID_PRESET } from '../../domain/low-bids/presets.js';
import type { TenderFields } from '../../modules/tenders/dossier-mapping.js';
import { methodFormula } from '../../reports/report-format.js';
import type { AwardExample } from '../award-example.js';
import type { FormulaCheck } from '../../domain/formula-check/check-formula.js';
import { FormulaCheckRegion } from '../components/formula-check-view.js';
import { ErrorSummary, SubmitButton } from '../components/alerts.js';
import { CheckboxField, SelectField, TextField, type AmountKind } from '../components/form-field.js';
import { CostFloorSentence, WeightsTable } from '../components/tender-settings-view.js';
import { Cell, Row, Table } from '../components/table.js';
import { formatEuros, formatDutchNumber } from '../format.js';
import type { FormErrors } from '../forms/form-errors.js';
import { COST_FLOOR_KEYS, criterionRowCount } from '../forms/tender-form.js';
import type { FormValues } from '../forms/form-values.js';

export const COST_FLOOR_LABELS: Record<(typeof COST_FLOOR_KEYS)[number], string> = {
  contactHours: 'Contacturen per inburgeraar',
  teacherHourlyCost: 'Kosten docent per lesuur (EUR)',
  groupSize: 'Groepsgrootte',
  overheadShare: 'Opslag overhead (percentage, bijvoorbeeld 35)',
  fixedCostPerLearner: 'Vaste kosten per inburgeraar (EUR)',
};

/** What each amount of the cost floor covers (the others are hours, a group size, a percentage). */
const COST_FLOOR_AMOUNTS: Partial<Record<(typeof COST_FLOOR_KEYS)[number], AmountKind>> = {
  teacherHourlyCost: 'per-lesuur',
  fixedCostPerLearner: 'per-inburgeraar',
};

/** Field name -> label, for the error summary. */
export function settingsFieldLabels(values: FormValues): Map<string, string> {
  const labels = new Map<string, string>([
    ['reference', 'Kenmerk'],
    ['title', 'Titel'],
    ['buyer', 'Aanbestedende dienst'],
    ['lot', 'Perceel'],
    ['estimatedValue', 'Raming'],
    ['expectedLearners', 'Verwacht aantal inburgeraars'],
    ['envelopes', 'Enveloppen'],
    ['award.method', 'Gunningsmethode'],
    ['award.priceWeight', 'Prijsgewicht'],
    ['award.priceFloor', 'Bodemprijs'],
    ['award.priceCeiling', 'Plafondprijs'],
    ['award.fixedPrice', 'Vaste prijs'],
    ['award.tieBreak', 'Beslisregel bij gelijke stand'],
    ['lowBidRules.preset', 'Standaardregels'],
  ]);
  for (let row = 0; row < criterionRowCount(values); row += 1) {
    const n = row + 1;
    for (const [key, label] of [
      ['id', 'code'],
      ['title', 'titel'],
      ['weight', 'gewicht'],
      ['scale', 'schaal'],
      ['minimum', 'minimumscore'],
      ['value', 'waarde'],
    ] as const) {
      labels.set(`criteria[${row}].${key}`, `Criterium ${n}, ${label}`);
    }
  }
  for (const id of LOW_BID_RULE_IDS) {
    labels.set(`lowBidRules.rules.${id}.enabled`, `${LOW_BID_RULE_NAMES[id]}: toepassen`);
    labels.set(`lowBidRules.rules.${id}.threshold`, `${LOW_BID_RULE_NAMES[id]}: drempel`);
  }
  for (const key of COST_FLOOR_KEYS) labels.set(`lowBidRules.costFloor.${key}`, COST_FLOOR_LABELS[key]);
  return labels;
}

function CriterionRow({ values, errors, row }: { values: FormValues; errors: FormErrors; row: number }) {
  const at = `criteria[${row}]`;
  const isNew = (values[`${at}.originalId`] ?? '') === '';
  const v = (key: string) => values[`${at}.${key}`];
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {isNew ? 'Nieuw criterium (laat leeg als u er geen toevoegt)' : `Criterium ${row + 1}`}
      </legend>
      <input type="hidden" name={`${at}.originalId`} value={v('originalId') ?? ''} />
      <div class="gw-inline">
        <TextField name={`${at}.id`} label="Code" value={v('id')} errors={errors} size={6} />
        <TextField name={`${at}.title`} label="Titel" value={v('title')} errors={errors} size={50} />
        <TextField name={`${at}.weight`} label="Gewicht" value={v('weight')} errors={errors} inputMode="decimal" size={6} />
        <TextField name={`${at}.scale`} label="Schaal" value={v('scale')} errors={errors} size={18} description="Oplopend, gescheiden door komma's" />
        <TextField name={`${at}.minimum`} label="Minimumscore" value={v('minimum')} errors={errors} inputMode="decimal" size={6} />
        {values['award.method'] === 'gunnen-op-waarde' || (v('value') ?? '') !== '' ? (
          <TextField
            name={`${at}.value`}
            label="Waarde bij de hoogste score (EUR)"
            value={v('value')}
            errors={errors}
            inputMode="decimal"
            size={10}
            amount="totaal"
          />
        ) : null}
        {isNew ? null : <CheckboxField name={`${at}.remove`} label="Verwijderen" errors={errors} checked={v('remove') === 'ja'} />}
      </div>
    </fieldset>
  );
}

export function ExampleRegion({ example, fields }: { example: AwardExample | undefined; fields: TenderFields | undefined }) {
  return (
    <section id="voorbeeld" aria-live="polite" aria-labelledby="voorbeeld-kop">
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id="voorbeeld-kop">
        Voorbeeld met drie verzonnen inschrijvingen
      </h3>
      {fields === undefined || example === undefined ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Het voorbeeld verschijnt zodra de instellingen kloppen; zie de meldingen hierboven.</p>
      ) : (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">{methodFormula(fields.award)}</p>
          <Table
            caption="Uitkomst van de formule voor drie voorbeeldinschrijvingen (berekend door de beoordelingsmodule zelf)"
            columns={[
              { label: 'Voorbeeld' },
              { label: 'Scores' },
              { label: 'Prijs', numeric: true },
              { label: 'Kwaliteitspunten', numeric: true },
              { label: 'Prijsdeel', numeric: true },
              { label: 'Score', numeric: true },
              { label: 'Rang', numeric: true },
            ]}
          >
            {example.rows.map((row) => (
              <Row>
                <Cell header>{row.label}</Cell>
                <Cell>{row.scores}</Cell>
                <Cell numeric>{row.price === undefined ? '-' : formatEuros(row.price)}</Cell>
                <Cell numeric>{formatDutchNumber(row.qualityPoints, 2)}</Cell>
                <Cell numeric>{row.pricePart}</Cell>
                <Cell numeric>{row.score}</Cell>
                <Cell numeric>{row.rank ?? (row.exclusionReasons.length > 0 ? `uitgesloten: ${row.exclusionReasons.join('; ')}` : '-')}</Cell>
              </Row>
            ))}
          </Table>
        </>
      )}
    </section>
  );
}

export function TenderSettingsForm({
  action,
  values,
  errors,
  fields,
  example,
  check,
}: {
  action: string;
  values: FormValues;
  errors: FormErrors;
  /** The settings as they stand in the form, when they are valid. */
  fields: TenderFields | undefined;
  example: AwardExample | undefined;
  /** The formula check of the same settings (undefined while they are invalid). */
  check: FormulaCheck | undefined;
}) {
  const methods = AWARD_METHODS.map((m) => ({ value: m, label: METHOD_NAMES[m] }));
  const presets = [
    { value: '', label: `Geen opgegeven (standaard: ${LOW_BID_PRESET_NAMES[DEFAULT_LOW_BID_PRESET]})` },
    ...LOW_BID_PRESETS.map((p) => ({ value: p, label: LOW_BID_PRESET_NAMES[p] })),
  ];
  const ruleChoices = [
    { value: '', label: 'Volgens de standaardregels' },
    { value: 'aan', label: 'Altijd toepassen' },
    { value: 'uit', label: 'Niet toepassen' },
  ];
  return (
    <form method="post" action={action} class="utrecht-form" data-preview="voorbeeld formulecontrole">
      <ErrorSummary errors={errors} title="De instellingen zijn niet opgeslagen" />
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Aanbesteding</h2>
      <TextField name="reference" label="Kenmerk" value={values.reference} errors={errors} />
      <TextField name="title" label="Titel" value={values.title} errors={errors} size={60} />
      <TextField name="buyer" label="Aanbestedende dienst" value={values.buyer} errors={errors} size={40} />
      <TextField name="lot" label="Perceel" value={values.lot} errors={errors} />
      <TextField
        name="estimatedValue"
        label="Raming (EUR)"
        value={values.estimatedValue}
        errors={errors}
        inputMode="decimal"
        amount="totaal"
        description="De geraamde opdrachtwaarde; nodig voor de vergelijking met de raming."
      />
      <TextField
        name="expectedLearners"
        label="Verwacht aantal inburgeraars"
        value={values.expectedLearners}
        errors={errors}
        inputMode="numeric"
        description="Nodig voor de kostenvloer per inburgeraar."
      />
      <SelectField
        name="envelopes"
        label="Enveloppen"
        value={values.envelopes}
        options={(['one', 'two'] as const).map((value) => ({ value, label: ENVELOPE_NAMES[value] }))}
        errors={errors}
        description={ENVELOPE_TERMS.two.explanation}
      />
      <CheckboxField
        name="showPricesToEvaluators"
        label="Beoordelaars zien de prijzen tijdens het beoordelen"
        errors={errors}
        checked={values.showPricesToEvaluators === 'ja'}
        description="Standaard niet (twee-enveloppenmethode): de kwaliteit wordt dan beoordeeld zonder de prijs te kennen."
      />

      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gunningscriteria</h2>
      {Array.from({ length: criterionRowCount(values) }, (_, row) => (
        <CriterionRow values={values} errors={errors} row={row} />
      ))}
      {fields === undefined ? null : <WeightsTable fields={fields} />}

      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gunningsmethode</h2>
      <SelectField name="award.method" label="Methode" value={values['award.method']} options={methods} errors={errors} />
      <div class="gw-inline">
        <TextField name="award.priceWeight" label="Prijsgewicht" value={values['award.priceWeight']} errors={errors} inputMode="decimal" size={8} />
        <TextField
          name="award.priceFloor"
          label="Bodemprijs (EUR)"
          value={values['award.priceFloor']}
          errors={errors}
          inputMode="decimal"
          size={14}
          amount="totaal"
        />
        <TextField
          name="award.priceCeiling"
          label="Plafondprijs (EUR)"
          value={values['award.priceCeiling']}
          errors={errors}
          inputMode="decimal"
          size={14}
          amount="totaal"
        />
        <TextField
          name="award.fixedPrice"
          label="Vaste prijs (EUR)"
          value={values['award.fixedPrice']}
          errors={errors}
          inputMode="decimal"
          size={14}
          amount="totaal"
        />
      </div>
      <input type="hidden" name="award.tieBreak" value={values['award.tieBreak'] ?? ''} />
      <ExampleRegion example={example} fields={fields} />
      <FormulaCheckRegion check={check} />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <SubmitButton name="actie" value="voorbeeld" kind="secondary-action">
          Voorbeeld bijwerken
        </SubmitButton>
      </p>

      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Regels voor abnormaal lage inschrijvingen</h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        De wet noemt geen percentage (art. 2.116 Aanbestedingswet): elke drempel hieronder is een vuistregel die u kunt aanpassen. Een gemarkeerde inschrijving
        kan pas worden afgewezen nadat de inschrijver om een toelichting is gevraagd.
      </p>
      <SelectField name="lowBidRules.preset" label="Standaardregels" value={values['lowBidRules.preset']} options={presets} errors={errors} />
      {LOW_BID_RULE_IDS.map((id) => (
        <div class="gw-inline">
          <SelectField
            name={`lowBidRules.rules.${id}.enabled`}
            label={`${LOW_BID_RULE_NAMES[id]}: toepassen`}
            value={values[`lowBidRules.rules.${id}.enabled`]}
            options={ruleChoices}
            errors={errors}
          />
          {id === 'cost-floor' ? null : (
            <TextField
              name={`lowBidRules.rules.${id}.threshold`}
              label={id === 'statistical-outlier' ? 'Grens (z-score)' : 'Drempel (%)'}
              value={values[`lowBidRules.rules.${id}.threshold`]}
              errors={errors}
              inputMode="decimal"
              size={6}
            />
          )}
        </div>
      ))}

      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Kostenvloer</h3>
      <div class="gw-inline">
        {COST_FLOOR_KEYS.map((key) => (
          <TextField
            name={`lowBidRules.costFloor.${key}`}
            label={COST_FLOOR_LABELS[key]}
            value={values[`lowBidRules.costFloor.${key}`]}
            errors={errors}
            inputMode="decimal"
            size={8}
            amount={COST_FLOOR_AMOUNTS[key]}
          />
        ))}
      </div>
      {fields?.lowBidRules?.costFloor === undefined ? null : <CostFloorSentence costFloor={fields.lowBidRules.costFloor} />}

      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <SubmitButton name="actie" value="opslaan">
          Instellingen opslaan
        </SubmitButton>
      </p>
    </form>
  );
}
