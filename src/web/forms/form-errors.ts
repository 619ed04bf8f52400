/**
 * @module
 * The API's problem paths (`criteria[1].weight`, `award.priceFloor`) onto form fields. Form
 * inputs are named by those very paths, so most errors land on their field as they are; an
 * error deeper than any field (`criteria[0].levels[2].score`) lands on the nearest field
 * above it, and one above every field (`criteria`) only in the summary at the top.
 */
import type { FieldError } from '../../lib/app-error.js';

export type SummaryItem = { fieldId: string | undefined; label: string; message: string };

export type FormErrors = {
  /** Messages per field name. */
  byField: ReadonlyMap<string, string[]>;
  /** Every error once, in order, for the summary at the top of the form. */
  summary: SummaryItem[];
};

export const NO_ERRORS: FormErrors = { byField: new Map(), summary: [] };

/** The id of the input named `name`: ids may not contain brackets or dots for `href="#..."`. */
export function fieldId(name: string): string {
  return `veld-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** The field an error path belongs to: itself, or the longest field name it starts with. */
function fieldFor(path: string, fields: ReadonlyMap<string, string>): string | undefined {
  if (fields.has(path)) return path;
  let best: string | undefined;
  for (const name of fields.keys()) {
    const isPrefix = path.startsWith(name) && (path[name.length] === '.' || path[name.length] === '[');
    if (isPrefix && (best === undefined || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * @param fields field name -> its label, in the order of the form
 * @param rename rewrites a service path into a field name first (e.g. a rule's index into its id)
 * @param idOf the input's id, when a page shows the same field name in several forms
 * @example mapFieldErrors([{ path: 'title', message: 'mag niet leeg zijn' }], new Map([['title', 'Titel']]))
 */
export function mapFieldErrors(
  errors: readonly FieldError[],
  fields: ReadonlyMap<string, string>,
  rename: (path: string) => string = (path) => path,
  idOf: (name: string) => string = fieldId,
): FormErrors {
  const byField = new Map<string, string[]>();
  const summary: SummaryItem[] = [];
  for (const error of errors) {
    const path = rename(error.path);
    const field = fieldFor(path, fields);
    if (field !== undefined) byField.set(field, [...(byField.get(field) ?? []), error.message]);
    const label = field === undefined ? path : (fields.get(field) ?? field);
    summary.push({ fieldId: field === undefined ? undefined : idOf(field), label, message: error.message });
  }
  return { byField, summary };
}

/** One error that belongs to no field (a refusal such as "the tender is locked"). */
export function formError(message: string): FormErrors {
  return { byField: new Map(), summary: [{ fieldId: undefined, label: 'Let op', message }] };
}
