/**
 * @module
 * The two kinds of free text, as zod refinements that every schema reuses. A single line
 * (names, titles, references) refuses every C0 and C1 control character, CR, LF and tab
 * included, and the Unicode line and paragraph separators (U+2028, U+2029): a line break in
 * a bidder's name must not be able to add a line to a signed report or letter. Several lines
 * (motivations, questions, remarks) may keep CR and LF, nothing else of the kind. Both refuse
 * the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
 * make text display in another order than it is stored ("Trojan Source", CVE-2021-42574):
 * what a panel signs must read as what the database holds. The marks U+200E and U+200F are
 * kept: they reorder nothing, and names in Arabic or Hebrew script need them.
 */
import * as z from 'zod';
import { formatDutchNumber } from '../money.js';
import { TEXT_LIMITS } from './text-limits.js';

export type TextKind = 'single-line' | 'multi-line';

const LINE_BREAKS = new Set([0x0a, 0x0d]);

function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isSeparator(code: number): boolean {
  return code === 0x2028 || code === 0x2029;
}

// One pass over the text as a regular expression (linear), then a look at the one found.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export type ForbiddenCharacter = { code: number; position: number };

/**
 * The first character a text of this kind may not hold, with its 1-based position.
 * @example findForbiddenCharacter('Taal\nschool', 'single-line') // { code: 10, position: 5 }
 */
export function findForbiddenCharacter(text: string, kind: TextKind): ForbiddenCharacter | null {
  const match = (kind === 'single-line' ? SINGLE_LINE_FORBIDDEN : MULTI_LINE_FORBIDDEN).exec(text);
  if (match === null) return null;
  return { code: match[0].charCodeAt(0), position: match.index + 1 };
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What the character is, in the words a user recognises. */
function characterName(code: number): string {
  if (LINE_BREAKS.has(code)) return 'regeleinde';
  if (code === 0x09) return 'tab';
  if (isSeparator(code)) return 'regel- of alineascheiding';
  if (isBidiControl(code)) return 'richtingsteken';
  return 'stuurteken';
}

/**
 * The Dutch message for a forbidden character in the field `label`.
 * @example forbiddenCharacterMessage('de naam', { code: 0x202e, position: 3 }) // "de naam mag geen richtingsteken ..."
 */
export function forbiddenCharacterMessage(label: string, found: ForbiddenCharacter): string {
  const why = isBidiControl(found.code) ? "; zo'n teken laat tekst in een andere volgorde zien dan er staat" : '';
  return `${label} mag geen ${characterName(found.code)} bevatten (${codePoint(found.code)} op positie ${found.position})${why}`;
}

function refineText(kind: TextKind, label: string) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const found = findForbiddenCharacter(value, kind);
    if (found !== null) ctx.addIssue({ code: 'custom', message: forbiddenCharacterMessage(label, found), input: value });
  };
}

/**
 * The refinement for a single line of text: no control characters (CR, LF and tab included),
 * no U+2028/U+2029 and no bidirectional overrides or isolates.
 * @example z.string().superRefine(refineSingleLine('de naam'))
 */
export function refineSingleLine(label: string): (value: string, ctx: z.RefinementCtx) => void {
  return refineText('single-line', label);
}

/**
 * The refinement for text of several lines: CR and LF allowed, every other control character,
 * U+2028/U+2029 and the bidirectional overrides and isolates refused.
 * @example z.string().superRefine(refineMultiLine('de motivering'))
 */
export function refineMultiLine(label: string): (value: string, ctx: z.RefinementCtx) => void {
  return refineText('multi-line', label);
}

/** Shown for a required text that holds only white space. */
export const NOT_BLANK_MESSAGE = 'mag niet leeg zijn';

// The same characters as SINGLE_LINE_FORBIDDEN and MULTI_LINE_FORBIDDEN, as the inside of a
// character class, for the patterns the OpenAPI document publishes.
const FORBIDDEN_CLASS: Record<TextKind, string> = {
  'single-line': '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069',
  'multi-line': '\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069',
};
// What `String.prototype.trim` removes (ECMA-262 WhiteSpace and LineTerminator), less what a
// text of the kind may not hold anyway: spelt out rather than `\s`, whose meaning differs
// between regular-expression dialects, so that every validator of the document agrees.
const WHITE_SPACE_CLASS: Record<TextKind, string> = {
  'single-line': ' \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff',
  'multi-line': '\\n\\r \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\ufeff',
};

/**
 * The text rule of a kind as one regular expression, so that JSON Schema states it as
 * `pattern`: no forbidden character, and with `nonBlank` something besides white space.
 * The non-blank form reads leading white space, then one character that is neither white
 * space nor forbidden, then the rest: the classes do not overlap, so it runs in linear time.
 * @example textPattern('single-line', true).test('  Taalhuis') // true
 */
export function textPattern(kind: TextKind, nonBlank: boolean): RegExp {
  const forbidden = FORBIDDEN_CLASS[kind];
  const white = WHITE_SPACE_CLASS[kind];
  // No `u` flag: the classes hold no astral characters, so code units and code points give the
  // same answer, and the OpenAPI generator writes a pattern with flags wrongly.
  return nonBlank ? new RegExp(`^[${white}]*[^${forbidden}${white}][^${forbidden}]*$`) : new RegExp(`^[^${forbidden}]*$`);
}

/** The message for a text that does not match its pattern: the forbidden character found, or that it is blank. */
function textMessage(label: string, kind: TextKind): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => {
      const found = typeof issue.input === 'string' ? findForbiddenCharacter(issue.input, kind) : null;
      return found === null ? NOT_BLANK_MESSAGE : forbiddenCharacterMessage(label, found);
    },
  };
}

/** Characters as JSON Schema's `maxLength` counts them, and zod's `max` too: code points (an emoji is one). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** @example tooLongMessage('de naam', 200, 250) // "de naam is te lang: hoogstens 200 tekens (nu 250)" */
export function tooLongMessage(label: string, max: number, length: number): string {
  return `${label} is te lang: hoogstens ${formatDutchNumber(max, 0)} tekens (nu ${formatDutchNumber(length, 0)})`;
}

/**
 * zod's `max` parameters with the Dutch message, for a string check of another kind.
 * @example z.email().max(TEXT_LIMITS.email, tooLong('het e-mailadres', TEXT_LIMITS.email))
 */
export function tooLong(label: string, max: number): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => tooLongMessage(label, max, typeof issue.input === 'string' ? characterCount(issue.input) : max + 1) };
}

/**
 * A string of at most `max` characters of any kind: a password, which is never shown.
 * @example const password = boundedText('het wachtwoord', TEXT_LIMITS.password).min(12);
 */
export function boundedText(label: string, max: number): z.ZodString {
  return z.string().max(max, tooLong(label, max));
}

/**
 * A string of at most `max` characters on one line; `label` names the field in the message.
 * The rule is a `pattern`, so the OpenAPI document states it too.
 * @example const reference = singleLineText('het kenmerk', TEXT_LIMITS.reference);
 */
export function singleLineText(label: string, max: number): z.ZodString {
  return boundedText(label, max).regex(textPattern('single-line', false), textMessage(label, 'single-line'));
}

/**
 * A single line that holds more than white space: a name, a title.
 * @example const name = nonBlankLine('de naam', TEXT_LIMITS.name).trim();
 */
export function nonBlankLine(label: string, max: number): z.ZodString {
  return boundedText(label, max).regex(textPattern('single-line', true), textMessage(label, 'single-line'));
}

/**
 * A string of at most `max` characters that may hold line breaks.
 * @example const motivation = multiLineText('de motivering', TEXT_LIMITS.motivation);
 */
export function multiLineText(label: string, max: number): z.ZodString {
  return boundedText(label, max).regex(textPattern('multi-line', false), textMessage(label, 'multi-line'));
}

/**
 * Text of several lines that holds more than white space.
 * @example const explanation = nonBlankText('de toelichting', TEXT_LIMITS.motivation);
 */
export function nonBlankText(label: string, max: number): z.ZodString {
  return boundedText(label, max).regex(textPattern('multi-line', true), textMessage(label, 'multi-line'));
}

/**
 * An e-mail address as the server accepts it: a dot-atom local part of letters, digits and
 * `_ ' + -`, and a domain of labels (no label starts or ends with a hyphen) under a
 * top-level domain of letters. The OpenAPI document states exactly this `pattern`, with
 * `format: email`; every address it matches is also one that JSON Schema's `email` format
 * accepts, so the schema and the server judge an address the same way. Quoted local parts,
 * IP-address domains and non-ASCII addresses are refused.
 */
export const EMAIL_PATTERN = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const EMAIL_MESSAGE = 'geen geldig e-mailadres (naam@domein.nl)';

/**
 * @example const CreateUser = z.strictObject({ email: emailAddress(), ... });
 */
export function emailAddress() {
  return z
    .string()
    .max(TEXT_LIMITS.email, tooLong('het e-mailadres', TEXT_LIMITS.email))
    .regex(EMAIL_PATTERN, { error: EMAIL_MESSAGE })
    .meta({ format: 'email' });
}
