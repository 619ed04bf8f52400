/**
 * @module
 * The panel of a tender and its members' own scores.
 */
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { prepareUpsert } from '../../db/prepared.js';
import { individualScores, panelMembers, tenders, users } from '../../db/schema/index.js';

export type PanelMemberRow = typeof panelMembers.$inferSelect;
export type IndividualScoreRow = typeof individualScores.$inferSelect;
/** A member with the name and e-mail address the panel is shown with. */
export type PanelMemberWithUser = PanelMemberRow & { name: string; email: string };
/** A seat on the panel of a tender that is not yet awarded, with what a refusal names of it. */
export type OpenPanelSeat = { userId: string; tenderId: string; reference: string; title: string; organisationId: string };

export function createPanelQueries(orm: Orm) {
  const membersOf = orm
    .select({
      tenderId: panelMembers.tenderId,
      userId: panelMembers.userId,
      assignedAt: panelMembers.assignedAt,
      assignedBy: panelMembers.assignedBy,
      declaration: panelMembers.declaration,
      declaredAt: panelMembers.declaredAt,
      remarks: panelMembers.remarks,
      sealedAt: panelMembers.sealedAt,
      name: users.name,
      email: users.email,
    })
    .from(panelMembers)
    .innerJoin(users, eq(users.id, panelMembers.userId))
    .where(eq(panelMembers.tenderId, sql.placeholder('tenderId')))
    // Assignments in the same millisecond keep the order they were made in.
    .orderBy(asc(panelMembers.assignedAt), sql`panel_members.rowid`)
    .prepare();
  const memberById = orm
    .select()
    .from(panelMembers)
    .where(and(eq(panelMembers.tenderId, sql.placeholder('tenderId')), eq(panelMembers.userId, sql.placeholder('userId'))))
    .prepare();
  const tendersOfEvaluator = orm
    .select({ tenderId: panelMembers.tenderId })
    .from(panelMembers)
    .where(and(eq(panelMembers.userId, sql.placeholder('userId')), or(isNull(panelMembers.declaration), ne(panelMembers.declaration, 'conflict'))))
    .prepare();
  const scoresOf = orm
    .select()
    .from(individualScores)
    .where(eq(individualScores.tenderId, sql.placeholder('tenderId')))
    .prepare();
  const scoreById = orm
    .select()
    .from(individualScores)
    .where(
      and(
        eq(individualScores.tenderId, sql.placeholder('tenderId')),
        eq(individualScores.bidId, sql.placeholder('bidId')),
        eq(individualScores.criterionId, sql.placeholder('criterionId')),
        eq(individualScores.evaluatorId, sql.placeholder('evaluatorId')),
      ),
    )
    .prepare();
  const scoresOfEvaluator = orm
    .select()
    .from(individualScores)
    .where(and(eq(individualScores.tenderId, sql.placeholder('tenderId')), eq(individualScores.evaluatorId, sql.placeholder('evaluatorId'))))
    .prepare();
  const upsertScore = prepareUpsert(orm, individualScores, {
    target: [individualScores.tenderId, individualScores.bidId, individualScores.criterionId, individualScores.evaluatorId],
    update: ['score', 'motivation', 'updatedAt'],
  });

  const seatColumns = {
    userId: panelMembers.userId,
    tenderId: panelMembers.tenderId,
    reference: tenders.reference,
    title: tenders.title,
    organisationId: tenders.organisationId,
  };
  const notAwarded = ne(tenders.status, 'awarded');

  return {
    /**
     * The users' seats, whatever their declaration, on tenders not yet awarded: where another
     * role would break blind scoring (panel-seats.ts).
     */
    listOpenSeatsOfUsers: (userIds: readonly string[]): OpenPanelSeat[] =>
      userIds.length === 0
        ? []
        : orm
            .select(seatColumns)
            .from(panelMembers)
            .innerJoin(tenders, eq(tenders.id, panelMembers.tenderId))
            .where(and(inArray(panelMembers.userId, [...userIds]), notAwarded))
            .orderBy(asc(tenders.reference), asc(panelMembers.userId))
            .all(),
    /** Every seat on the organisation's own tenders not yet awarded. */
    listOpenSeatsOnTendersOf: (organisationId: string): OpenPanelSeat[] =>
      orm
        .select(seatColumns)
        .from(panelMembers)
        .innerJoin(tenders, eq(tenders.id, panelMembers.tenderId))
        .where(and(eq(tenders.organisationId, organisationId), notAwarded))
        .orderBy(asc(tenders.reference), asc(panelMembers.userId))
        .all(),
    /** Every member ever assigned, a declared conflict included, in order of assignment. */
    listMembers: (tenderId: string): PanelMemberWithUser[] => membersOf.all({ tenderId }),
    findMember: (tenderId: string, userId: string): PanelMemberRow | undefined => memberById.get({ tenderId, userId }),
    /** The tenders on whose panel the user sits (a declared conflict took it off). */
    listTenderIdsOfEvaluator: (userId: string): string[] => tendersOfEvaluator.all({ userId }).map((r) => r.tenderId),
    insertMember: (row: PanelMemberRow): void => {
      orm.insert(panelMembers).values(row).run();
    },
    updateMember: (tenderId: string, userId: string, changes: Partial<Omit<PanelMemberRow, 'tenderId' | 'userId'>>): void => {
      orm
        .update(panelMembers)
        .set(changes)
        .where(and(eq(panelMembers.tenderId, tenderId), eq(panelMembers.userId, userId)))
        .run();
    },
    listScores: (tenderId: string): IndividualScoreRow[] => scoresOf.all({ tenderId }),
    listScoresOfEvaluator: (tenderId: string, evaluatorId: string): IndividualScoreRow[] => scoresOfEvaluator.all({ tenderId, evaluatorId }),
    findScore: (key: Pick<IndividualScoreRow, 'tenderId' | 'bidId' | 'criterionId' | 'evaluatorId'>): IndividualScoreRow | undefined => scoreById.get(key),
    upsertScore: (row: IndividualScoreRow): void => upsertScore(row),
  };
}

export type PanelQueries = ReturnType<typeof createPanelQueries>;
