/**
 * @module
 * Which versions of a bid's quality documents lay before an evaluator at a moment: those
 * received by then and not yet replaced by then. A score records its time, so this tells,
 * for every score, which plan was scored, even after a document was replaced
 * (docs/two-envelopes.md).
 */

export type DocumentVersion = {
  id: string;
  bidId: string;
  envelope: 'quality' | 'price';
  name: string;
  version: number;
  receivedAt: string;
  replaces: string | null;
};

/**
 * The quality documents of `bidId` current at `at` (ISO instants compare as text).
 * @example documentsAt(docs, 'B1', '2026-03-05T10:00:00.000Z') // [{ id, name: 'plan.pdf', version: 1 }]
 */
export function documentsAt(documents: readonly DocumentVersion[], bidId: string, at: string): { id: string; name: string; version: number }[] {
  const received = documents.filter((d) => d.bidId === bidId && d.envelope === 'quality' && d.receivedAt <= at);
  const replaced = new Set(received.flatMap((d) => (d.replaces === null ? [] : [d.replaces])));
  return received.filter((d) => !replaced.has(d.id)).map(({ id, name, version }) => ({ id, name, version }));
}
