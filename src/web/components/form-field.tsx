/**
 * @module
 * Form fields in the Utrecht form-field markup: a visible label for every input, an optional
 * description, and the field's errors next to it, both tied to the input with
 * `aria-describedby` so a screen reader reads them with the field.
 */
import type { Child } from 'hono/jsx';
import { fieldId, type FormErrors } from '../forms/form-errors.js';

type Common = {
  name: string;
  label: string;
  errors: FormErrors;
  description?: Child;
  /** Another id than the name's, when one field name appears twice on a page. */
  id?: string;
};

function describedBy(id: string, hasDescription: boolean, hasErrors: boolean): string | undefined {
  const ids = [hasDescription ? `${id}-uitleg` : '', hasErrors ? `${id}-fout` : ''].filter((x) => x !== '');
  return ids.length === 0 ? undefined : ids.join(' ');
}

/**
 * What an amount field expects, said next to it (issue 16): in euros, and whether the total
 * (excluding VAT, as tenders are priced) or per learner, per teaching hour or per unit.
 */
export type AmountKind = 'totaal' | 'per-inburgeraar' | 'per-lesuur' | 'per-eenheid';

const AMOUNT_HINTS: Record<AmountKind, string> = {
  totaal: 'Bedrag in euro, totaal, excl. btw.',
  'per-inburgeraar': 'Bedrag in euro, per inburgeraar, excl. btw.',
  'per-lesuur': 'Bedrag in euro, per lesuur, excl. btw.',
  'per-eenheid': 'Bedrag in euro, per eenheid, excl. btw.',
};

function FieldFrame({
  id,
  label,
  description,
  messages,
  children,
  kind = 'text',
  required = false,
}: {
  id: string;
  label: string;
  description?: Child;
  messages: string[];
  children?: Child;
  kind?: string;
  required?: boolean;
}) {
  const invalid = messages.length > 0;
  return (
    <div class={`utrecht-form-field utrecht-form-field--distanced utrecht-form-field--${kind}${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
          {required ? <span class="gw-required"> (verplicht)</span> : null}
        </label>
      </div>
      {description === undefined ? null : (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${id}-uitleg`}>
          {description}
        </div>
      )}
      {invalid ? (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-fout`}>
          {messages.join(' ')}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField({
  name,
  label,
  errors,
  description,
  id,
  value,
  type = 'text',
  inputMode,
  autocomplete,
  required,
  mandatory,
  amount,
  size,
}: Common & {
  value?: string | undefined;
  type?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email';
  autocomplete?: string;
  /** Required, checked by the browser before sending. */
  required?: boolean;
  /** Required, marked as such, but checked by the server only (its message is in Dutch and at the top). */
  mandatory?: boolean;
  /** An amount of money: the € sign before the input and what the amount covers in the description. */
  amount?: AmountKind;
  size?: number;
}) {
  const inputId = id ?? fieldId(name);
  const messages = errors.byField.get(name) ?? [];
  const invalid = messages.length > 0;
  const hint = amount === undefined ? undefined : AMOUNT_HINTS[amount];
  const fullDescription =
    hint === undefined ? (
      description
    ) : description === undefined ? (
      hint
    ) : (
      <>
        {description} {hint}
      </>
    );
  const input = (
    <input
      class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
      id={inputId}
      name={name}
      type={type}
      value={value ?? ''}
      inputmode={inputMode}
      autocomplete={autocomplete}
      required={required}
      size={size}
      aria-required={mandatory ? 'true' : undefined}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy(inputId, fullDescription !== undefined, invalid)}
    />
  );
  return (
    <FieldFrame id={inputId} label={label} description={fullDescription} messages={messages} required={required === true || mandatory === true}>
      {amount === undefined ? (
        input
      ) : (
        <span class="gw-amount">
          <span class="gw-amount__sign" aria-hidden="true">
            €
          </span>
          {input}
        </span>
      )}
    </FieldFrame>
  );
}

export function TextareaField({ name, label, errors, description, id, value, rows = 4 }: Common & { value?: string | undefined; rows?: number }) {
  const inputId = id ?? fieldId(name);
  const messages = errors.byField.get(name) ?? [];
  const invalid = messages.length > 0;
  return (
    <FieldFrame id={inputId} label={label} description={description} messages={messages}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
        id={inputId}
        name={name}
        rows={rows}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(inputId, description !== undefined, invalid)}
      >
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ name, label, errors, description, id, value, options }: Common & { value?: string | undefined; options: readonly Option[] }) {
  const inputId = id ?? fieldId(name);
  const messages = errors.byField.get(name) ?? [];
  const invalid = messages.length > 0;
  return (
    <FieldFrame id={inputId} label={label} description={description} messages={messages}>
      <select
        class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
        id={inputId}
        name={name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(inputId, description !== undefined, invalid)}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, errors, description, id, checked }: Common & { checked: boolean }) {
  const inputId = id ?? fieldId(name);
  const messages = errors.byField.get(name) ?? [];
  const invalid = messages.length > 0;
  return (
    <div class={`utrecht-form-field utrecht-form-field--distanced utrecht-form-field--checkbox${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={inputId}>
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input"
            type="checkbox"
            id={inputId}
            name={name}
            value="ja"
            checked={checked}
            aria-describedby={describedBy(inputId, description !== undefined, invalid)}
          />{' '}
          {label}
        </label>
      </div>
      {description === undefined ? null : (
        <div class="utrecht-form-field__description utrecht-form-field-description" id={`${inputId}-uitleg`}>
          {description}
        </div>
      )}
      {invalid ? (
        <div class="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${inputId}-fout`}>
          {messages.join(' ')}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A scale as radio buttons in a fieldset: the legend names the question, each value its
 * meaning when the criterion has one.
 */
export function RadioScale({
  name,
  legend,
  errors,
  options,
  value,
  idPrefix,
}: {
  name: string;
  legend: string;
  errors: FormErrors;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  idPrefix: string;
}) {
  const messages = errors.byField.get(name) ?? [];
  const invalid = messages.length > 0;
  return (
    <fieldset
      id={idPrefix}
      class={`utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={invalid ? `${idPrefix}-fout` : undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {invalid ? (
        <div class="utrecht-form-field-error-message" id={`${idPrefix}-fout`}>
          {messages.join(' ')}
        </div>
      ) : null}
      {options.map((o, index) => {
        const id = `${idPrefix}-${index}`;
        return (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--radio" for={id}>
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input utrecht-form-field__input"
                  type="radio"
                  id={id}
                  name={name}
                  value={o.value}
                  checked={o.value === value}
                />{' '}
                {o.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
