/**
 * @module
 * Server-side sessions and bearer tokens. Only SHA-256 hashes of the secrets are stored, so
 * a copy of the database does not log anyone in. Times are epoch milliseconds because the
 * timeouts are compared on every request.
 */
import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './organisations.js';

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie value. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Absolute end, however active the session is. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    /** SHA-256 (hex) of the bearer token. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** The last request made with the token, to the minute (written at most once a minute); null if never used. */
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
