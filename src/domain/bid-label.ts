/**
 * @module
 * How a bid is named wherever a person reads it (issue 15): by its school, with the bid's
 * code second, so that the winner is never only "B2". The code stays because the dossier,
 * the reports and the audit trail refer to bids by it.
 */

/**
 * @example bidLabel('B3', 'Snel Inburgeren B.V.') // 'Snel Inburgeren B.V. (B3)'
 * @example bidLabel('B3', undefined) // 'B3'
 */
export function bidLabel(bidId: string, providerName: string | undefined): string {
  return providerName === undefined || providerName === '' ? bidId : `${providerName} (${bidId})`;
}

/** `bidLabel` over a lookup of school names by bid code. */
export function bidLabeller(names: ReadonlyMap<string, string>): (bidId: string) => string {
  return (bidId) => bidLabel(bidId, names.get(bidId));
}

/**
 * The missing scores in a refusal, each bid by its school.
 * @example missingScoresText([{ bidId: 'B2', criterionId: 'K2' }], label) // 'NT2 Centrum Almere (B2) op K2'
 */
export function missingScoresText(missing: readonly { bidId: string; criterionId: string }[], label: (bidId: string) => string): string {
  return missing.map((m) => `${label(m.bidId)} op ${m.criterionId}`).join(', ');
}

/** A labeller over bid rows as the queries give them. */
export function labellerOfBids(bids: readonly { id: string; providerName: string }[]): (bidId: string) => string {
  return bidLabeller(new Map(bids.map((b) => [b.id, b.providerName])));
}
