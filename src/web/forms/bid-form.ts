/**
 * @module
 * A bid's figures in a form and back: the inputs are named by the API's problem paths
 * (`provider.name`, `price`, `priceLines[1].unitPrice`) so a refusal lands at its field. A
 * bid with price lines is edited line by line and its price is their sum (the dossier's
 * rule, so the two cannot disagree); a bid without lines is edited by its price.
 */
import type { Bid } from '../../domain/evaluation/dossier.js';
import type { BidFieldsChange } from '../../modules/bids/bid-input.js';
import { formatFormNumber, parseDutchNumber, type FormValues } from './form-values.js';
import { PROVIDER_ADDRESS_FIELDS, providerAddressFromForm, providerAddressValues } from './provider-address-form.js';

const LINE_PARTS = [
  ['description', 'omschrijving'],
  ['quantity', 'aantal'],
  ['unitPrice', 'eenheidsprijs'],
] as const;

/** The form's values for the bid as it is. */
export function bidFormValues(bid: Bid, { withProvider }: { withProvider: boolean }): FormValues {
  const values: FormValues = {};
  if (withProvider) {
    values['provider.name'] = bid.provider.name;
    values['provider.kvk'] = bid.provider.kvk;
    if (bid.provider.keurmerk) values['provider.keurmerk'] = 'ja';
    Object.assign(values, providerAddressValues(bid.provider));
  }
  if (bid.priceLines === undefined) values.price = formatFormNumber(bid.price);
  (bid.priceLines ?? []).forEach((line, i) => {
    values[`priceLines[${i}].description`] = line.description;
    values[`priceLines[${i}].quantity`] = formatFormNumber(line.quantity);
    values[`priceLines[${i}].unitPrice`] = formatFormNumber(line.unitPrice);
  });
  return values;
}

/** The lines as typed, as many as the bid has; numbers the Dutch way, anything else left for the rules to refuse. */
function linesFromForm(values: FormValues, count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => ({
    description: values[`priceLines[${i}].description`] ?? '',
    quantity: parseDutchNumber(values[`priceLines[${i}].quantity`]),
    unitPrice: parseDutchNumber(values[`priceLines[${i}].unitPrice`]),
  }));
}

/** The inschrijver as typed: its name, KvK number and keurmerk, and the address fields filled in. */
export function providerFromForm(values: FormValues): Record<string, unknown> {
  return {
    name: values['provider.name'] ?? '',
    kvk: (values['provider.kvk'] ?? '').trim(),
    keurmerk: values['provider.keurmerk'] === 'ja',
    ...providerAddressFromForm(values),
  };
}

/** An edit of a draft bid: the inschrijver, and the price or the lines. An empty price removes it. */
export function bidEditFromForm(values: FormValues, current: Bid): BidFieldsChange {
  const provider = providerFromForm(values);
  if (current.priceLines !== undefined) return { provider, priceLines: linesFromForm(values, current.priceLines.length) };
  return { provider, price: parseDutchNumber(values.price) ?? null };
}

/** A correction: the price, or the lines (their sum is the price). */
export function bidCorrectionFromForm(values: FormValues, current: Bid): { price?: unknown; priceLines?: unknown } {
  if (current.priceLines !== undefined) return { priceLines: linesFromForm(values, current.priceLines.length) };
  const price = parseDutchNumber(values.price);
  return price === undefined ? {} : { price };
}

/** Field name -> label, in the order of the form, for `mapFieldErrors`. */
export function bidFieldLabels(bid: Bid, { withProvider }: { withProvider: boolean }): Map<string, string> {
  const labels = new Map<string, string>();
  if (withProvider) {
    labels.set('provider.name', 'Inschrijver');
    labels.set('provider.kvk', 'KvK-nummer');
    labels.set('provider.keurmerk', 'Keurmerk Blik op Werk');
    for (const [name, label] of PROVIDER_ADDRESS_FIELDS) labels.set(name, label);
  }
  labels.set('price', 'Prijs');
  (bid.priceLines ?? []).forEach((_line, i) => {
    for (const [part, label] of LINE_PARTS) labels.set(`priceLines[${i}].${part}`, `Prijsregel ${i + 1}, ${label}`);
  });
  labels.set('priceLines', 'Prijsregels');
  return labels;
}
