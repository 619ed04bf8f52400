/**
 * @module
 * Suggestion: raise a minimum score. For each criterion, every scale value above the lowest
 * score that is now allowed is tried as the new minimum, lowest first; the first one at which
 * the underbidder no longer wins is proposed.
 *
 * Note on the method: the underbidder is defined to meet every minimum, so a higher minimum
 * also raises the underbidder's own quality and narrows its gap to the quality bidder. Within
 * this test a higher minimum therefore never turns the verdict by itself (the re-check would
 * drop it); the builder still searches, so that the claim is checked on every tender rather
 * than assumed, and so that a future change to the test is picked up.
 */
import { formatDutchTrimmed } from '../money.js';
import { applyPatch } from './patch.js';
import { criterionPath, invites, type SuggestionBuilder, type SuggestionCandidate } from './suggestion.js';
import { lowestAllowedScore } from './formula-tender.js';

export const suggestRaiseMinimum: SuggestionBuilder = ({ tender }): SuggestionCandidate[] => {
  const candidates: SuggestionCandidate[] = [];
  for (const criterion of tender.criteria) {
    const current = lowestAllowedScore(criterion);
    for (const value of criterion.scale.filter((v) => v > current)) {
      const patch = [{ op: 'add' as const, path: criterionPath(tender, criterion, 'minimum'), value }];
      if (invites(applyPatch(tender, patch))) continue;
      const was = criterion.minimum === undefined ? 'geen minimum' : `minimum ${formatDutchTrimmed(criterion.minimum, 4)}`;
      candidates.push({
        kind: 'raise-minimum',
        patch,
        sentence: `Verhoog de minimumscore van ${criterion.id} (${criterion.title}) van ${was} naar ${formatDutchTrimmed(value, 4)}.`,
        assumptions: [],
      });
      break;
    }
  }
  return candidates;
};
