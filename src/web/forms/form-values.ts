/**
 * @module
 * Reading a submitted form. Inputs come as text; a number typed the Dutch way ("1.234,56")
 * becomes a number, and anything that is no number is passed on unchanged, so that the
 * service's own schema reports it ("moet een getal zijn, niet een tekst") at the field.
 * Amounts of money and counts are read by the same rules as the command line
 * (`parseAmountText`): `400.000` is four hundred thousand, and an ambiguous `400,000` is
 * refused with its own Dutch reason (`createAmountReader`).
 */
import type { Context } from 'hono';
import { parseAmountText, COUNT, MONEY, type AmountKind } from '../../domain/amount-text.js';
import type { FieldError } from '../../lib/app-error.js';
import { formatDutchNumber } from '../../domain/money.js';

export type FormValues = Record<string, string>;

/** The form's text fields (files are read separately). */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') values[key] = value;
  return values;
}

/**
 * "1.234,56", "1234,56", "1234.56" and "EUR 1.234" are numbers; "" is absent.
 * @example parseDutchNumber('1.234,56') // 1234.56
 * @example parseDutchNumber('12,5%') // "12,5%" (left for the schema to refuse)
 */
export function parseDutchNumber(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.replace(/^\s*(EUR|€)\s*/i, '').replace(/\s+/g, '');
  if (trimmed === '') return undefined;
  let normal = trimmed;
  if (trimmed.includes(',')) normal = trimmed.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(trimmed)) normal = trimmed.replace(/\./g, ''); // Dutch thousands: "565.000"
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return text.trim();
  return Number(normal);
}

/**
 * A stored amount as the form shows it again: as money, "400.000,00" (the field's € sign
 * stands before the input), which the amount parser reads back unchanged (issue 16).
 */
export function formatFormMoney(value: number | undefined): string {
  return value === undefined ? '' : formatDutchNumber(value, 2);
}

/** A stored share (0.35) as the percentage the form asks for: "35". */
export function formatFormPercent(share: number | undefined): string {
  return share === undefined ? '' : formatFormNumber(Math.round(share * 1e6) / 1e4);
}

/** A number as a Dutch form value, without thousands separators so it reads back unchanged. */
export function formatFormNumber(value: number | undefined): string {
  if (value === undefined) return '';
  return String(value).replace('.', ',');
}

/** Text, or undefined when blank. */
export function optionalText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Reads the amounts of one form submission. A refused amount is passed on as its text: the
 * service's schema then refuses the submission as well, so nothing is saved, while the form
 * shows the reader's reason ("dubbelzinnig: ...") at the field instead of the schema's
 * "moet een getal zijn".
 */
export type AmountReader = {
  /** Euros: a number, undefined when blank, or the text itself when refused. */
  money: (field: string, text: string | undefined) => number | string | undefined;
  /** A whole number (learners): as `money`. */
  count: (field: string, text: string | undefined) => number | string | undefined;
  /** `errors` with each refused amount's reason in place of what the service said at its field. */
  explain: (errors: readonly FieldError[]) => FieldError[];
};

/** @example const amounts = createAmountReader(); addBid(ctx, { ..., input: { price: amounts.money('price', values.price) } }) */
export function createAmountReader(): AmountReader {
  const refused: FieldError[] = [];
  const read = (kind: AmountKind) => (field: string, text: string | undefined) => {
    if (text === undefined || text.trim() === '') return undefined;
    const result = parseAmountText(text, kind);
    if (result.ok) return result.value;
    refused.push({ path: field, message: result.message });
    return text.trim();
  };
  return {
    money: read(MONEY),
    count: read(COUNT),
    explain: (errors) => {
      const paths = new Set(refused.map((r) => r.path));
      return [...refused, ...errors.filter((e) => !paths.has(e.path))];
    },
  };
}
