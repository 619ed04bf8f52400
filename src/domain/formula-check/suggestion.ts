/**
 * @module
 * What every suggestion builder gets and gives (cf. the indicators of cardinal-rs: one
 * builder per file, a tiny shared shape). A builder proposes a change to the tender as a
 * patch with a Dutch sentence; it may use `invites` (the underbidder test alone) to search
 * for the smallest change that works. Whether the proposal is shown is not the builder's
 * call: suggestions.ts re-runs the whole check on the patched tender and drops every
 * proposal that does not turn the verdict.
 */
import type { Criterion } from '../evaluation/dossier.js';
import type { FormulaTender } from './formula-tender.js';
import type { PatchOperation } from './patch.js';
import { findExpectedPrice, findTestPrice, type TestPriceBasis } from './price-level.js';
import { underbidderVerdict, type UnderbidderTest } from './underbidder-test.js';

export type SuggestionKind =
  | 'lower-price-weight'
  | 'raise-minimum'
  | 'switch-to-min-max-set'
  | 'switch-to-gunnen-op-waarde'
  | 'raise-criterion-values'
  | 'switch-to-fixed-price'
  | 'raise-cost-floor'
  | 'add-cost-floor';

export type SuggestionCandidate = {
  kind: SuggestionKind;
  patch: PatchOperation[];
  sentence: string;
  /** Numbers the suggestion assumes rather than derives, in Dutch, for the buyer to replace. */
  assumptions: string[];
};

/** The tender and the numbers of its (inviting) underbidder test, in cents. */
export type SuggestionContext = {
  tender: FormulaTender;
  test: UnderbidderTest;
  expectedCents: number;
  testCents: number;
  testBasis: TestPriceBasis;
  /** Not null: the verdict being turned is `invites-underbidding`. */
  highestWinningCents: number;
  /** The cost floor for all expected learners, when both are given. */
  costFloorTotalCents: number | null;
};

export type SuggestionBuilder = (context: SuggestionContext) => SuggestionCandidate[];

/** True when the underbidder wins at its test price: the underbidder test alone, for searches. */
export function invites(tender: FormulaTender): boolean {
  const lookup = findExpectedPrice(tender);
  if (!lookup.ok) return false;
  return underbidderVerdict(tender, lookup.expected, findTestPrice(tender, lookup.expected)) === 'invites-underbidding';
}

export function criterionPath(tender: FormulaTender, criterion: Criterion, field: string): string {
  return `/criteria/${tender.criteria.indexOf(criterion)}/${field}`;
}
