/**
 * @module
 * Procedures and their lots (issue 21). A lot is a tender with `procedure_id` set, so the
 * lots are read from `tenders`, in the procedure file's order (`lot_position`).
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { inJsonList, prepareInsert } from '../../db/prepared.js';
import { procedures, tenders } from '../../db/schema/index.js';

export type ProcedureRow = typeof procedures.$inferSelect;
/** What a procedure's page and answers show of each lot's tender. */
export type LotRow = { tenderId: string; lotId: string; title: string; status: (typeof tenders.$inferSelect)['status'] };

export function createProcedureQueries(orm: Orm) {
  const insertProcedure = prepareInsert(orm, procedures);
  const procedureById = orm
    .select()
    .from(procedures)
    .where(eq(procedures.id, sql.placeholder('id')))
    .prepare();
  const proceduresOf = orm
    .select()
    .from(procedures)
    .where(inJsonList(procedures.organisationId, 'organisationIds'))
    .orderBy(asc(procedures.createdAt), asc(procedures.id))
    .prepare();
  const lotsOf = orm
    .select({ tenderId: tenders.id, lotId: sql<string>`${tenders.lotId}`, title: tenders.title, status: tenders.status })
    .from(tenders)
    .where(eq(tenders.procedureId, sql.placeholder('procedureId')))
    .orderBy(asc(tenders.lotPosition))
    .prepare();
  return {
    insertProcedure,
    findProcedure: (id: string): ProcedureRow | undefined => procedureById.get({ id }),
    listProceduresOf: (organisationIds: readonly string[]): ProcedureRow[] => proceduresOf.all({ organisationIds: JSON.stringify(organisationIds) }),
    listLots: (procedureId: string): LotRow[] => lotsOf.all({ procedureId }),
    updateDraws: (id: string, draws: string | null): void => {
      orm.update(procedures).set({ draws }).where(eq(procedures.id, id)).run();
    },
    updateAwardLimit: (id: string, columns: Pick<ProcedureRow, 'awardLimit' | 'preferences'>): void => {
      orm.update(procedures).set(columns).where(eq(procedures.id, id)).run();
    },
    /** Only after its lots' tenders are deleted (procedure-deletion.service.ts). */
    deleteProcedure: (id: string): void => {
      orm.delete(procedures).where(eq(procedures.id, id)).run();
    },
  };
}

export type ProcedureQueries = ReturnType<typeof createProcedureQueries>;
