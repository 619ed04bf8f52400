/**
 * @module
 * "Motivation required, at least a sentence" (issue 5), made into a rule a server can check.
 *
 * Method: after trimming and collapsing whitespace, the text has at least 20 characters and
 * at least 3 words, a word being a run of characters containing a letter or digit (so
 * "- - - -" and "......" are no words). The software cannot judge whether a motivation is
 * good; it can refuse the placeholders that make a score unexplainable afterwards: "", "ok",
 * "zie boven", "n.v.t.", "Goed plan." (10 characters). "Voldoet aan de eisen." (21, 4 words)
 * passes: the shortest motivation a reader would still call a sentence.
 *
 * Why: an award must be explainable criterion by criterion to a losing bidder and a judge;
 * a score without a written reason cannot be defended (Aanbestedingswet art. 2.130).
 */
import type { z } from 'zod';
import { multiLineText } from '../text/text-fields.js';

export const MIN_SENTENCE_CHARACTERS = 20;
export const MIN_SENTENCE_WORDS = 3;

/** Shown with the field that failed, e.g. `{ path: 'motivation', message }`. */
export const SENTENCE_RULE_MESSAGE = `schrijf minstens één volledige zin (minstens ${MIN_SENTENCE_CHARACTERS} tekens en ${MIN_SENTENCE_WORDS} woorden)`;

/**
 * The rule as the OpenAPI document states it beyond the schema: the schema can say 20
 * characters (`minLength`), not how white space counts or what a word is.
 */
export const SENTENCE_RULE =
  `minstens één volledige zin: na het inkorten en samenvoegen van witruimte minstens ${MIN_SENTENCE_CHARACTERS} tekens ` +
  `en minstens ${MIN_SENTENCE_WORDS} woorden (een woord bevat een letter of cijfer)`;

/**
 * A text that must be a sentence: multi-line, at most `max` characters, and at least the 20
 * a sentence needs, which JSON Schema states as `minLength` (the text as sent is never
 * shorter than the text `isSentence` counts, so this refuses nothing it would accept). The
 * service checks `isSentence` itself, with the message of its field.
 * @example reason: sentenceText('de reden', TEXT_LIMITS.remark, `geef de reden: ${SENTENCE_RULE_MESSAGE}`)
 */
export function sentenceText(label: string, max: number, message = SENTENCE_RULE_MESSAGE): z.ZodString {
  return multiLineText(label, max).min(MIN_SENTENCE_CHARACTERS, { error: message });
}

/** Trimmed, with every run of whitespace (newlines included) as one space. */
export function normaliseMotivation(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/**
 * @example isSentence('Voldoet aan de eisen.') // true
 * @example isSentence('zie boven') // false
 */
export function isSentence(text: string): boolean {
  const normalised = normaliseMotivation(text);
  if ([...normalised].length < MIN_SENTENCE_CHARACTERS) return false;
  const words = normalised.split(' ').filter((token) => /[\p{L}\p{N}]/u.test(token));
  return words.length >= MIN_SENTENCE_WORDS;
}
