/**
 * @module
 * Organisations and who belongs to them: a `regio` lists its member gemeenten; a user holds
 * one role per organisation (a person working for two gemeenten has two memberships).
 */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

export const ORGANISATION_KINDS = ['gemeente', 'regio'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['admin', 'inkoper', 'beoordelaar', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
  createdAt: text('created_at').notNull(),
});

/** A regio's member gemeenten. */
export const regionMembers = sqliteTable(
  'region_members',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => organisations.id),
    memberId: text('member_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.memberId] }), index('region_members_member_idx').on(t.memberId)],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased so that login is case-insensitive and unique per person. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(sql`0`),
  createdAt: text('created_at').notNull(),
  /**
   * When an administrator disabled the account (ISO time), or null. A disabled user cannot
   * log in and holds no session or token; only an administrator enables it again.
   */
  disabledAt: text('disabled_at'),
});

export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_org_idx').on(t.organisationId)],
);
