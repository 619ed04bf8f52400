/**
 * @module
 * What the auditor's routes read besides the tender: the names of the people in a tender's
 * audit trail (one statement for all of them) and when the tender last changed.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { auditEvents, users } from '../../db/schema/index.js';

export function createAuditorQueries(orm: Orm) {
  const lastEventOfTender = orm
    .select({ seq: auditEvents.seq, at: auditEvents.at })
    .from(auditEvents)
    .where(eq(auditEvents.tenderId, sql.placeholder('tenderId')))
    .orderBy(desc(auditEvents.seq))
    .limit(1)
    .prepare();

  return {
    /** Names by user id; ids without a user are absent. */
    findUserNames: (ids: readonly string[]): Map<string, string> =>
      ids.length === 0
        ? new Map()
        : new Map(
            orm
              .select({ id: users.id, name: users.name })
              .from(users)
              .where(inArray(users.id, [...ids]))
              .all()
              .map((u) => [u.id, u.name]),
          ),
    findLastEventOfTender: (tenderId: string): { seq: number; at: string } | undefined => lastEventOfTender.get({ tenderId }),
  };
}

export type AuditorQueries = ReturnType<typeof createAuditorQueries>;
