/**
 * @module
 * The serialised evaluation per tender, reused until anything it reads changes. Every
 * change appends an audit event in its own transaction, naming the tender it belongs to;
 * so the key is the tender's newest event together with the newest event of no tender
 * (users, organisations: an evaluator's name in the panel statistics). A score on another
 * tender leaves this one's cache alone; a stale answer is impossible, since the marks are
 * read from the database on every request.
 */

/** `findChangeMarks` of the audit queries. */
export type ChangeMarks = { tenderSeq: number; generalSeq: number };

export type EvaluationCache = {
  get: (tenderId: string, marks: ChangeMarks) => string | undefined;
  set: (tenderId: string, marks: ChangeMarks, json: string) => void;
};

/** @example const cache = createEvaluationCache({ maxEntries: 200 }); */
export function createEvaluationCache({ maxEntries = 200 }: { maxEntries?: number } = {}): EvaluationCache {
  const entries = new Map<string, { marks: ChangeMarks; json: string }>();
  return {
    get(tenderId, marks) {
      const entry = entries.get(tenderId);
      return entry !== undefined && entry.marks.tenderSeq === marks.tenderSeq && entry.marks.generalSeq === marks.generalSeq
        ? entry.json
        : undefined;
    },
    set(tenderId, marks, json) {
      entries.delete(tenderId);
      // Map keeps insertion order: the first key is the least recently stored.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(tenderId, { marks, json });
    },
  };
}
