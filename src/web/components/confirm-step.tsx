/**
 * @module
 * The fields of a form whose step cannot be undone (the form carries `data-confirm`): what
 * becomes impossible, a checkbox the reader ticks to say it understands, and the native
 * `<dialog>` that enhance.js opens instead when JavaScript runs (it hides the checkbox and
 * ticks it on "Ja"). Without JavaScript the dialog stays closed and the checkbox is the
 * question; the page's route refuses the post without it (`requireConfirmation`).
 */
import type { ConfirmationWords } from '../confirmations.js';
import { CONFIRMATION_FIELD } from '../confirmations.js';
import type { FormErrors } from '../forms/form-errors.js';
import { CheckboxField } from './form-field.js';

/** The checkbox's id within the step `id`, for the error summary's link. */
export const confirmationFieldId = (id: string) => `${id}-bevestiging`;

export function ConfirmStep({ id, words, errors }: { id: string; words: ConfirmationWords; errors: FormErrors }) {
  return (
    <>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">{words.consequence}</p>
      <div data-confirm-field>
        <CheckboxField name={CONFIRMATION_FIELD} id={confirmationFieldId(id)} label={words.statement} errors={errors} checked={false} />
      </div>
      <dialog class="gw-dialog" data-confirm-dialog aria-labelledby={`${id}-vraag`} aria-describedby={`${id}-gevolg`}>
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id={`${id}-vraag`}>
          {words.question}
        </h2>
        <p class="utrecht-paragraph utrecht-paragraph--distanced" id={`${id}-gevolg`}>
          {words.consequence}
        </p>
        <div class="gw-inline">
          <button type="button" class="utrecht-button utrecht-button--primary-action" data-confirm-yes>
            {words.confirm}
          </button>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" data-confirm-no>
            Nee, terug
          </button>
        </div>
      </dialog>
    </>
  );
}
