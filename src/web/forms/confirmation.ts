/**
 * @module
 * The server's half of asking first: a post of a step that cannot be undone is refused
 * (400, at the checkbox) unless the form says the reader confirmed it. The API has no such
 * field: a script has decided before it calls.
 */
import { AppError } from '../../lib/app-error.js';
import { CONFIRMATION_FIELD, type ConfirmationWords } from '../confirmations.js';
import type { FormValues } from './form-values.js';

/** @example requireConfirmation(values, CONFIRMATIONS.seal); sealScores(ctx, { actor, access }); */
export function requireConfirmation(values: FormValues, words: ConfirmationWords): void {
  if (values[CONFIRMATION_FIELD] !== 'ja') {
    throw new AppError('invalid-input', { detail: words.missing, errors: [{ path: CONFIRMATION_FIELD, message: words.missing }] });
  }
}
