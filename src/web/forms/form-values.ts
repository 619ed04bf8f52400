/**
 * @module
 * Reading a submitted form. Inputs come as text; a number typed the Dutch way ("1.234,56")
 * becomes a number, and anything that is no number is passed on unchanged, so that the
 * service's own schema reports it ("moet een getal zijn, niet een tekst") at the field.
 */
import type { Context } from 'hono';

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
