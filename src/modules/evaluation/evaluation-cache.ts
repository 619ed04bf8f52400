/**
 * @module
 * The serialised evaluation per tender, reused until anything changes. The key is the
 * audit trail's last `seq`: every change appends an audit event in its own transaction, so
 * an unchanged `seq` means an unchanged database (the domain evaluation is pure). One write
 * anywhere empties the cache's usefulness, which is fine: evaluations are read far more
 * often than tenders change, and a stale answer is impossible.
 */

export type EvaluationCache = {
  get: (tenderId: string, auditSeq: number) => string | undefined;
  set: (tenderId: string, auditSeq: number, json: string) => void;
};

/** @example const cache = createEvaluationCache({ maxEntries: 200 }); */
export function createEvaluationCache({ maxEntries = 200 }: { maxEntries?: number } = {}): EvaluationCache {
  const entries = new Map<string, { auditSeq: number; json: string }>();
  return {
    get(tenderId, auditSeq) {
      const entry = entries.get(tenderId);
      return entry !== undefined && entry.auditSeq === auditSeq ? entry.json : undefined;
    },
    set(tenderId, auditSeq, json) {
      entries.delete(tenderId);
      // Map keeps insertion order: the first key is the least recently stored.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(tenderId, { auditSeq, json });
    },
  };
}
