/**
 * @module
 * A rule the server checks on a request that its JSON Schema cannot state: a rule between
 * fields of the tender as stored, an id that must exist, a sentence rather than a word, an
 * amount to the cent. Each is named by the field path its 400 answer reports (`*` standing
 * for any one index or key), so the OpenAPI document can list it on the operation
 * (`x-validation-rules`) and a test can hold every 400 of a schema-valid request against the
 * list (docs/api-contract.md). Plain data: the domain states its rules, the HTTP layer
 * publishes them.
 */

export type RuleBeyondSchema = {
  /** The field path the 400 answer names, as in `errors[].path`; `*` matches one index or key. */
  path: string;
  /** The rule, in Dutch. */
  rule: string;
};

/**
 * The rules of a part of a document re-rooted: those under `from` (a path prefix ending in
 * `.`), with `to` in its place; rules elsewhere are left out.
 * @example rulesUnder(DOSSIER_RULES, 'bids[*].', '') // a bid's rules, as `POST .../bids` reports them
 */
export function rulesUnder(rules: readonly RuleBeyondSchema[], from: string, to: string): RuleBeyondSchema[] {
  return rules.filter((r) => r.path.startsWith(from)).map((r) => ({ ...r, path: `${to}${r.path.slice(from.length)}` }));
}

/**
 * Every rule with `prefix` before its path.
 * @example prefixRules(DOSSIER_RULES, 'dossier.') // as `POST /tenders/import` reports them
 */
export function prefixRules(rules: readonly RuleBeyondSchema[], prefix: string): RuleBeyondSchema[] {
  return rules.map((r) => ({ ...r, path: `${prefix}${r.path}` }));
}
