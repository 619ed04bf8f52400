/**
 * @module
 * Amounts typed by a person (a web form, a command-line option) into numbers, in Dutch
 * notation (`400.000`, `400.000,50`) or plain (`400000.50`, `400000,50`), refusing what could
 * be read two ways rather than guessing. Number("400.000") is 400, while a Dutch buyer who
 * types it means four hundred thousand: a tenth of a percent of the estimate is no typo one
 * should have to spot in a formula check.
 *
 * The rules (docs/decisions.md "Amounts typed by a person"):
 * - A dot followed by exactly three digits, after a first group of one to three digits that
 *   does not start with 0, groups thousands: `400.000` and `1.234.567`. Every further dot
 *   must do the same, or the text is refused (`1.234.5`).
 * - Any other single dot is a decimal point: `400.5`, `400.50`, `1234.567` (the latter has
 *   three decimals, too many for money).
 * - A comma is a decimal comma, after thousands grouped with dots or with spaces
 *   (`400.000,50`, `400 000,50`) or none (`400000,50`).
 * - `400,000`, one comma followed by exactly three digits and no other separator, is refused
 *   as ambiguous: English thousands, or three Dutch decimals? Money never has three
 *   decimals, so whoever typed it most likely meant four hundred thousand, but guessing
 *   wrong is a factor 1000.
 * - English grouping with commas (`1,234.56`) is refused with the Dutch and plain forms.
 * - Spaces (also non-breaking ones) may group thousands as dots do; `EUR` or `€` may lead.
 * - No sign: an amount or a count is never negative here.
 */

export type AmountKind = {
  /** Decimals allowed: 2 for money, 0 for a count. */
  maxDecimals: number;
  /** How the refusals name the value: "een bedrag", "een aantal". */
  noun: string;
  /** Whether `EUR` or `€` may lead. */
  currency: boolean;
};

export const MONEY: AmountKind = { maxDecimals: 2, noun: 'een bedrag', currency: true };
export const COUNT: AmountKind = { maxDecimals: 0, noun: 'een aantal', currency: false };

export type AmountText = { ok: true; value: number } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

const refuse = (message: string): AmountText => ({ ok: false, message });

/** `1234567` -> `1.234.567`: how the advice writes the digits the person typed. */
const grouped = (digits: string) => digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function examples(kind: AmountKind): string {
  return kind.maxDecimals === 0 ? 'bijvoorbeeld 1.200 of 1200' : 'bijvoorbeeld 400.000, 400.000,50 of 400000.50';
}

/** Digits grouped by `separator` in threes after a first group of one to three digits (not starting with 0). */
function isGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  if (groups.length < 2) return false;
  const [first = '', ...rest] = groups;
  return /^[1-9]\d{0,2}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
}

/**
 * The whole part of an amount with its own separators: plain digits, or grouped by dots or by
 * spaces (one kind of separator only). Answers the digits, or undefined.
 */
function wholeDigits(text: string): string | undefined {
  if (/^\d+$/.test(text)) return text;
  if (isGrouped(text, '.') || isGrouped(text, ' ')) return text.replace(/[. ]/g, '');
  return undefined;
}

function decimalsRefusal(text: string, decimals: number, kind: AmountKind): AmountText {
  if (kind.maxDecimals === 0) return refuse(`"${text}" is geen geheel getal; ${kind.noun} heeft geen decimalen.`);
  return refuse(`"${text}" heeft ${decimals} decimalen; ${kind.noun} heeft er hoogstens ${kind.maxDecimals}.`);
}

function amountOf(whole: string, fraction: string, text: string, kind: AmountKind): AmountText {
  if (fraction.length > kind.maxDecimals) return decimalsRefusal(text, fraction.length, kind);
  const value = Number(fraction === '' ? whole : `${whole}.${fraction}`);
  return Number.isFinite(value) ? { ok: true, value } : refuse(`"${text}" is te groot voor ${kind.noun}.`);
}

/**
 * Reads `text` as `kind` (MONEY or COUNT); a refusal says why in Dutch and how to write it.
 * @example parseAmountText('400.000', MONEY) // { ok: true, value: 400000 }
 * @example parseAmountText('400.000,50', MONEY) // { ok: true, value: 400000.5 }
 * @example parseAmountText('400.5', MONEY) // { ok: true, value: 400.5 }
 * @example parseAmountText('400,000', MONEY) // { ok: false, message: '"400,000" is dubbelzinnig: ...' }
 */
export function parseAmountText(text: string, kind: AmountKind): AmountText {
  const shown = text.trim();
  let rest = shown;
  if (kind.currency) rest = rest.replace(/^(EUR|€)\s*/i, '');
  rest = rest.replace(SPACES, ' ').trim();
  if (rest === '') return refuse(`Vul ${kind.noun} in, ${examples(kind)}.`);
  if (/^[-−]/.test(rest)) return refuse(`"${shown}": ${kind.noun} kan niet negatief zijn.`);
  if (!/^\d[\d., ]*$/.test(rest) || !/\d$/.test(rest)) {
    return refuse(`"${shown}" is geen ${kind.noun.replace(/^een /, '')}: gebruik alleen cijfers, punten en een komma, ${examples(kind)}.`);
  }
  const commas = rest.split(',').length - 1;
  if (commas > 1) return refuse(`"${shown}" heeft meer dan één komma. Schrijf ${examples(kind)}.`);
  if (commas === 1) {
    const [wholeText = '', fraction = ''] = rest.split(',');
    if (!/^\d+$/.test(fraction)) {
      return refuse(
        `"${shown}": na de komma mogen alleen cijfers staan. Schrijf ${kind.noun} op z'n Nederlands (1.234,56) of zonder scheidingstekens (1234.56).`,
      );
    }
    // Only a first group English could write before a thousands comma makes it ambiguous: `0,125` is not.
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(wholeText)) {
      const thousands = `${grouped(wholeText + fraction)} of ${wholeText}${fraction}`;
      return refuse(
        `"${shown}" is dubbelzinnig: drie cijfers na de komma kunnen duizendtallen zijn of decimalen. ` +
          (kind.maxDecimals === 0
            ? `Schrijf ${thousands}.`
            : `Schrijf ${thousands} voor duizendtallen, of ${wholeText},${fraction.slice(0, kind.maxDecimals)} met decimalen.`),
      );
    }
    const whole = wholeDigits(wholeText);
    if (whole === undefined) return refuse(`"${shown}": de scheidingstekens voor de komma staan niet om de drie cijfers. Schrijf ${examples(kind)}.`);
    return amountOf(whole, fraction, shown, kind);
  }
  if (rest.includes(' ')) {
    // Spaces group thousands; a dot after them is the decimal point.
    const [wholeText = '', fraction = '', extra] = rest.split('.');
    const whole = wholeDigits(wholeText);
    if (extra !== undefined || whole === undefined || (rest.includes('.') && fraction === '')) {
      return refuse(`"${shown}": de spaties staan niet om de drie cijfers. Schrijf ${examples(kind)}.`);
    }
    return amountOf(whole, fraction, shown, kind);
  }
  if (isGrouped(rest, '.')) return amountOf(rest.replace(/\./g, ''), '', shown, kind);
  const parts = rest.split('.');
  if (parts.length > 2) return refuse(`"${shown}": de punten staan niet om de drie cijfers. Schrijf ${examples(kind)}.`);
  return amountOf(parts[0] ?? '', parts[1] ?? '', shown, kind);
}

/** @example parseMoneyText('EUR 1.234,56') // { ok: true, value: 1234.56 } */
export const parseMoneyText = (text: string): AmountText => parseAmountText(text, MONEY);

/** @example parseCountText('1.200') // { ok: true, value: 1200 } */
export const parseCountText = (text: string): AmountText => parseAmountText(text, COUNT);
