/**
 * @module
 * The serialised evaluation per tender, reused until anything it reads changes. Every
 * change appends an audit event in its own transaction, naming the tender it belongs to;
 * so the version is the tender's newest event together with the newest event of no tender
 * (users, organisations: an evaluator's name in the panel statistics). A score on another
 * tender leaves this one's entry alone; a stale answer is impossible, since the marks are
 * read from the database on every request.
 */
import { createVersionedCache, type VersionedCache } from '../../lib/versioned-cache.js';

/** `findChangeMarks` of the audit queries. */
export type ChangeMarks = { tenderSeq: number; generalSeq: number };

export type EvaluationCache = VersionedCache<string>;

export const evaluationVersion = (marks: ChangeMarks): string => `${marks.tenderSeq}/${marks.generalSeq}`;

export const createEvaluationCache = (): EvaluationCache => createVersionedCache<string>({ maxEntries: 200 });

declare module '../../http/types.js' {
  interface AppContext {
    evaluationCache: EvaluationCache;
  }
}
