/**
 * @module
 * Adopting the agreed scores from the consensus page (`adoptAgreedConsensus`): every cell
 * where all members gave the same score and no consensus is set, each ticked, with the
 * motivation built from the members' own in a field that can be changed. One button adopts
 * every ticked cell at once, each cell's own button only that cell. The cells sit in a
 * disclosure, so that eighty of them do not push the matrix off the screen; it opens by
 * itself when one of them was refused.
 */
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { bidLabel } from '../../domain/bid-label.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import type { ConsensusItem } from '../../modules/panel/consensus.service.js';
import type { FormErrors } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { SubmitButton } from './alerts.js';
import { CheckboxField, TextareaField } from './form-field.js';

/** Form field names of the agreed cell at `index`: the API's own paths (`cells[0].motivation`). */
export const agreedField = (index: number, name: 'bidId' | 'criterionId' | 'motivation' | 'adopt') => `cells[${index}].${name}`;
/** The id of an agreed cell's input. */
export const agreedFieldId = (field: string) => `eensgezind-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;

type Props = {
  action: string;
  items: readonly ConsensusItem[];
  criteria: readonly Criterion[];
  names: ReadonlyMap<string, string>;
  /** The values posted, when the post was refused: what the officer typed and ticked stays. */
  values: FormValues | undefined;
  errors: FormErrors;
};

export function AgreedScoresForm({ action, items, criteria, names, values, errors }: Props) {
  const refused = errors.summary.length > 0;
  return (
    <section aria-labelledby="eensgezind-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="eensgezind-kop">
        Eensgezinde scores overnemen
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Bij {items.length} {items.length === 1 ? 'cel' : 'cellen'} gaven alle beoordelaars dezelfde score en is nog geen consensus vastgelegd. U kunt die score
        als consensusscore overnemen, met de motiveringen van de beoordelaars als motivering (zonder hun namen: de motivering gaat met de gunningsbeslissing
        naar de inschrijvers). Zet het vinkje uit bij een cel die u eerst wilt bespreken, of pas de motivering aan.
      </p>
      <form method="post" action={action} class="utrecht-form">
        <SubmitButton name="actie" value="alle">
          {`Alle aangevinkte eensgezinde scores overnemen (${items.length})`}
        </SubmitButton>
        <details open={refused}>
          <summary>De {items.length === 1 ? 'cel en haar motivering' : `${items.length} cellen en hun motiveringen`} bekijken of aanpassen</summary>
          {items.map((item, index) => {
            const criterion = criteria.find((c) => c.id === item.criterionId);
            const where = `${bidLabel(item.bidId, names.get(item.bidId))} op ${item.criterionId}${criterion === undefined ? '' : ` ${criterion.title}`}`;
            const posted = values !== undefined;
            return (
              <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset gw-agreed">
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {where}: score {formatDutchTrimmed(item.agreedScore ?? 0)}
                </legend>
                <input type="hidden" name={agreedField(index, 'bidId')} value={item.bidId} />
                <input type="hidden" name={agreedField(index, 'criterionId')} value={item.criterionId} />
                <CheckboxField
                  name={agreedField(index, 'adopt')}
                  id={agreedFieldId(agreedField(index, 'adopt'))}
                  label={`Score ${formatDutchTrimmed(item.agreedScore ?? 0)} overnemen als consensus`}
                  errors={errors}
                  checked={posted ? values[agreedField(index, 'adopt')] === 'ja' : true}
                />
                <TextareaField
                  name={agreedField(index, 'motivation')}
                  id={agreedFieldId(agreedField(index, 'motivation'))}
                  label={`Motivering bij ${where}`}
                  rows={3}
                  errors={errors}
                  value={posted ? values[agreedField(index, 'motivation')] : (item.agreedMotivation ?? '')}
                />
                <SubmitButton kind="secondary-action" name="alleen" value={String(index)}>
                  Alleen deze overnemen<span class="gw-visually-hidden">: {where}</span>
                </SubmitButton>
              </fieldset>
            );
          })}
        </details>
      </form>
    </section>
  );
}
