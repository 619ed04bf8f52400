/**
 * @module
 * A term of the one Dutch vocabulary (issue 16): what a person reads instead of an internal
 * identifier, and one line that explains it. Every kind of identifier has its own file here,
 * each a `Record` over its id type, so a new id does not compile without its words.
 */
export type Term = {
  /** The Dutch name, as a page, letter, report or CLI table prints it. */
  readonly label: string;
  /** One sentence for a reader who does not know the term (a tooltip, a legend, docs). */
  readonly explanation: string;
};

/** The labels of a vocabulary, for the places that only print the name. */
export function labelsOf<K extends string>(terms: Readonly<Record<K, Term>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<Term>(terms).map(([id, term]) => [id, term.label])) as Record<K, string>;
}
