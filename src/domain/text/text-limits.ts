/**
 * @module
 * The one list of how long a free text may be, for every request schema, the dossier, the
 * tender templates and the web forms. Without a maximum, one 200,000-character name held the
 * server for minutes while a report was laid out; with these, every report has a known worst
 * case (`npm run bench -- report-limits`). Lengths count UTF-16 code units, as zod's `max`
 * and JavaScript do: an emoji counts as two. Why each number: `docs/input-limits.md`.
 */

export const TEXT_LIMITS = {
  /** A person, organisation, school or token: one line. */
  name: 200,
  /** A tender's or criterion's title, a template's name: one line. */
  title: 200,
  /** A tender's reference (kenmerk), buyer and lot: one line. */
  reference: 200,
  /** A line of a postal address: street and house number, or place (issue 17, award letters). */
  address: 200,
  /** A short single-line label: what a score on a scale means, a price line, a dossier path. */
  label: 500,
  /** RFC 5321 caps a forward path at 256 octets, brackets included: 254 for the address. */
  email: 254,
  /** Long enough for any passphrase or generated password; hashing cost stays flat. */
  password: 200,
  /** A bid's or criterion's id in a dossier (its pattern allows 1 to 40 characters). */
  id: 40,
  /** A server id (organisation, user, template) as routes and forms pass it. */
  serverId: 64,
  /** A description of a criterion or template, a source or note: several paragraphs. */
  description: 5_000,
  /** A remark, a reason, the record of a draw of lots, the motivation to open anyway. */
  remark: 5_000,
  /** A motivation, a deviation reason, questions and explanations of an art. 2.116 review. */
  motivation: 10_000,
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;
