/**
 * @module
 * A bid as a person reads it (issue 15): its school, and the bid's code as secondary text,
 * so that "the winner" is never only "B2". The text is `bidLabel`'s, the same as in the
 * timeline and the audit page; only the code is set smaller.
 */
export function BidName({ bidId, name }: { bidId: string; name: string | undefined }) {
  if (name === undefined || name === '') return <>{bidId}</>;
  return (
    <span class="gw-bid">
      {name} <span class="gw-bid__code">({bidId})</span>
    </span>
  );
}
