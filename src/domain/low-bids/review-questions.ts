/**
 * @module
 * The questions of an explanation request. The review record keeps them as one text
 * (`lowBidReview.questions`, `low-bids.md`), one question per line, so that the exported
 * dossier stays a plain string; the draft letter numbers them. An officer may type the
 * numbers or bullets themselves, so those are stripped before numbering again.
 */

// "1.", "1)", "(1)", "-", "*", "•" at the start of a line.
const ENUMERATION = /^(?:\(?\d+[.)]|[-*•])\s+/;

/**
 * The questions one per line, empty lines dropped.
 * @example joinQuestions(['Hoeveel lesuren?', ' Welke groepsgrootte? ']) // 'Hoeveel lesuren?\nWelke groepsgrootte?'
 */
export function joinQuestions(questions: string | readonly string[]): string {
  const lines = typeof questions === 'string' ? [questions] : questions;
  return splitQuestions(lines.join('\n')).join('\n');
}

/**
 * The separate questions of a stored text, without numbering.
 * @example splitQuestions('1. Hoeveel lesuren?\n\n2) Welke groepsgrootte?') // ['Hoeveel lesuren?', 'Welke groepsgrootte?']
 */
export function splitQuestions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(ENUMERATION, '').trim())
    .filter((line) => line !== '');
}
