/**
 * @module
 * The gate every price-reading path passes in a two-envelope tender: until two inkopers have
 * opened and confirmed the price envelopes, there is no price to evaluate, flag or show
 * (`domain/envelopes/price-opening.ts`). The refusal is its own error class so that a page
 * can leave the price part out instead of failing whole.
 */
import { PRICES_SEALED_MESSAGE, pricesSealed, type EnvelopeFacts } from '../../domain/envelopes/price-opening.js';
import { AppError } from '../../lib/app-error.js';

/** A 409 naming the missing step of the price opening. */
export class PricesSealedError extends AppError {
  constructor() {
    super('conflict', { detail: PRICES_SEALED_MESSAGE });
  }
}

/**
 * @example requirePricesOpened(tender) // throws 409 in a two-envelope tender before the confirmation
 */
export function requirePricesOpened(tender: EnvelopeFacts): void {
  if (pricesSealed(tender)) throw new PricesSealedError();
}
