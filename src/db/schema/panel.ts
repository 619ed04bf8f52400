/**
 * @module
 * The evaluation panel of a tender: who was assigned, their conflict-of-interest declaration
 * and seal, and their own scores. A declared conflict keeps its row (it is part of the
 * record) but takes the member off the panel. Individual scores stay next to the consensus
 * scores, never in place of them: the dossier carries only the consensus.
 */
import { foreignKey, index, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './organisations.js';
import { bids, criteria, tenders } from './tenders.js';

export const CONFLICT_DECLARATIONS = ['no-conflict', 'conflict'] as const;
export type ConflictDeclaration = (typeof CONFLICT_DECLARATIONS)[number];

export const panelMembers = sqliteTable(
  'panel_members',
  {
    tenderId: text('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: text('assigned_at').notNull(),
    assignedBy: text('assigned_by')
      .notNull()
      .references(() => users.id),
    /** Null until the member declares. */
    declaration: text('declaration', { enum: CONFLICT_DECLARATIONS }),
    declaredAt: text('declared_at'),
    remarks: text('remarks'),
    /** Once set, the member's scores no longer change and others' become visible to it. */
    sealedAt: text('sealed_at'),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.userId] }), index('panel_members_user_idx').on(t.userId)],
);

export const individualScores = sqliteTable(
  'individual_scores',
  {
    tenderId: text('tender_id').notNull(),
    bidId: text('bid_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    evaluatorId: text('evaluator_id')
      .notNull()
      .references(() => users.id),
    score: real('score').notNull(),
    motivation: text('motivation').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.bidId, t.criterionId, t.evaluatorId] }),
    foreignKey({ columns: [t.tenderId, t.bidId], foreignColumns: [bids.tenderId, bids.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenderId, t.criterionId], foreignColumns: [criteria.tenderId, criteria.id] }),
    index('individual_scores_evaluator_idx').on(t.tenderId, t.evaluatorId),
  ],
);
