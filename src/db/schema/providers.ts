/**
 * @module
 * The schools (inburgeringsscholen) an organisation deals with. Scoped per organisation:
 * one gemeente's notes on a school are not another's.
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations.js';

export const providers = sqliteTable(
  'providers',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** Chamber of Commerce number: 8 digits. */
    kvk: text('kvk').notNull(),
    keurmerk: integer('keurmerk', { mode: 'boolean' }).notNull(),
    /** Address and contact for award letters (issue 17); null when not given. */
    street: text('street'),
    postcode: text('postcode'),
    place: text('place'),
    contactPerson: text('contact_person'),
    email: text('email'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('providers_org_kvk_idx').on(t.organisationId, t.kvk)],
);
