/**
 * @module
 * A bid's fields as they come in, checked with the dossier's own bid rules: a new bid, an
 * edit of a draft bid, a correction of an open one. An edit or correction names only what
 * changes; what it leaves out stays as it was, with one rule from the dossier spec: price
 * lines given without a price make the price their sum (`bids[].priceLines`), so correcting
 * a line corrects the total with it. A price given without lines keeps the lines, which must
 * then still add up to it.
 */
import { bidSchema, dutchErrorMap, issuesToProblems } from '../../domain/evaluation/dossier.schema.js';
import type { Bid, PriceLine } from '../../domain/evaluation/dossier.js';
import { isSentence, SENTENCE_RULE_MESSAGE } from '../../domain/panel/motivation.js';
import { amountsIn } from '../../domain/low-bids/other-bids-in-text.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { PRICE_AT_REGISTRATION_MESSAGE } from '../../domain/envelopes/price-opening.js';
import { canonicalJson } from '../../lib/canonical-json.js';

/** A bid without its consensus scores (they come later, or stay as they are). */
export type BidFields = Omit<Bid, 'scores'>;

export type NewBidInput = { id?: string | undefined; provider: unknown; price?: unknown; priceLines?: unknown };

/**
 * What an edit or correction changes, as it came in (the dossier's bid rules check it);
 * `null` removes the price or the lines (an edit only).
 */
export type BidFieldsChange = { provider?: unknown; price?: unknown; priceLines?: unknown };

/**
 * Checks a bid with the dossier's bid rules; `candidate` carries the id and every field but the
 * scores. `pricesSealed`: a two-envelope tender, where a bid is registered without a price
 * (its price is in the sealed price envelope), and one given is refused (409).
 */
export function parseBidFields(candidate: Record<string, unknown>, method: string, { pricesSealed = false }: { pricesSealed?: boolean } = {}): BidFields {
  if (pricesSealed && (candidate.price !== undefined || candidate.priceLines !== undefined)) {
    throw new AppError('conflict', { detail: PRICE_AT_REGISTRATION_MESSAGE, errors: [{ path: 'price', message: 'geen prijs bij twee enveloppen' }] });
  }
  const result = bidSchema.safeParse({ ...candidate, scores: {} }, { error: dutchErrorMap });
  const errors = result.success ? [] : issuesToProblems(result.error.issues);
  if (!pricesSealed && method !== 'fixed-price' && candidate.price === undefined && candidate.priceLines === undefined) {
    errors.push({ path: 'price', message: 'prijs ontbreekt; geef price of priceLines' });
  }
  if (!result.success || errors.length > 0) throw new AppError('invalid-input', { detail: 'De inschrijving is niet geldig.', errors });
  const { scores: _scores, ...bid } = result.data;
  return bid;
}

/** A new bid (scores come later, as consensus). */
export function parseNewBid(input: NewBidInput, id: string, method: string, options: { pricesSealed?: boolean } = {}): BidFields {
  const candidate: Record<string, unknown> = { ...input, id };
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  return parseBidFields(candidate, method, options);
}

/**
 * The bid after the change, checked: the current bid's fields with those the change names.
 * @example changedBidFields(current, { priceLines: [...] }, 'lowest-relative') // price = the sum of the new lines
 */
export function changedBidFields(current: BidFields, change: BidFieldsChange, method: string, options: { pricesSealed?: boolean } = {}): BidFields {
  const candidate: Record<string, unknown> = { ...current };
  if (change.provider !== undefined) candidate.provider = change.provider;
  if (change.priceLines !== undefined) {
    candidate.priceLines = change.priceLines ?? undefined;
    // New lines without a new price: the price is their sum, as in a dossier.
    if (change.price === undefined && change.priceLines !== null) delete candidate.price;
  }
  if (change.price !== undefined) candidate.price = change.price ?? undefined;
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  return parseBidFields(candidate, method, options);
}

/** The price figures of a bid: what a correction changes and records before and after. */
export type PriceFigures = { price: number | null; priceLines?: PriceLine[] };

export function priceFiguresOf(bid: BidFields): PriceFigures {
  return bid.priceLines === undefined ? { price: bid.price ?? null } : { price: bid.price ?? null, priceLines: bid.priceLines };
}

export const sameFigures = (a: PriceFigures, b: PriceFigures): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * A reason the panel will read next to the bid (a correction, a withdrawal): at least a
 * sentence (the rule of every motivation here, 20 characters and 3 words), and, while the
 * tender hides prices from its evaluators, no amount written as money: the panel scores
 * quality without knowing the prices (docs/corrections.md).
 */
export function reasonProblems(reason: string, { pricesHidden }: { pricesHidden: boolean }): FieldError[] {
  if (!isSentence(reason)) return [{ path: 'reason', message: `geef de reden: ${SENTENCE_RULE_MESSAGE}` }];
  const amounts = pricesHidden ? amountsIn(reason) : [];
  if (amounts.length === 0) return [];
  return [
    {
      path: 'reason',
      message: `noem geen bedrag (${amounts.map((a) => a.written).join(', ')}): de beoordelaars lezen de reden en zien in deze aanbesteding geen prijzen; beschrijf de fout in woorden, de bedragen staan in de correctie zelf`,
    },
  ];
}
