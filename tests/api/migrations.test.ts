/**
 * The upgrade path: a database created with the first migration (0000) and filled with data
 * migrates to the current schema at start without losing or changing a row, and the server
 * reads the old tender as before.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/lib/logger.js';
import { computeEventHash, GENESIS_HASH } from '../../src/modules/audit/audit-chain.js';
import { verifyAuditTrail } from '../../src/modules/audit/audit.service.js';
import { computeEvaluation, loadDossier } from '../../src/modules/evaluation/evaluation.service.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A migrations folder holding only 0000, as the first release shipped it. */
function firstReleaseMigrations(root: string): string {
  const folder = join(root, 'migrations-0000');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const first = journal.entries.filter((e) => e.tag.startsWith('0000_'));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: first }));
  for (const { tag } of first) copyFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), join(folder, `${tag}.sql`));
  return folder;
}

const TABLES_OF_0000 = [
  'organisations',
  'region_members',
  'users',
  'memberships',
  'sessions',
  'api_tokens',
  'providers',
  'tenders',
  'criteria',
  'bids',
  'bid_price_lines',
  'consensus_scores',
  'audit_events',
];

const REVIEW = { state: 'explanation-requested', requestedAt: '2026-03-02', deadline: '2026-03-16', questions: 'Hoe is de prijs opgebouwd?' };

/** A gemeente with an inkoper and an opened tender with two bids, scores, price lines and a review, as 0000 stored them. */
function fillVersion0000(sqlite: Database.Database): void {
  const at = '2026-03-02T09:00:00.000Z';
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  run("INSERT INTO organisations VALUES ('o1', 'Gemeente Zwolle', 'gemeente', ?)", at);
  run("INSERT INTO users (id, email, name, password_hash, is_platform_admin, created_at) VALUES ('u1', 'inkoper@zwolle.nl', 'Ingrid', 'x', 0, ?)", at);
  run("INSERT INTO memberships VALUES ('u1', 'o1', 'inkoper')");
  run(
    `INSERT INTO tenders (id, organisation_id, status, reference, title, buyer, lot, estimated_value_cents, expected_learners,
       award_method, price_weight, price_floor_cents, price_ceiling_cents, fixed_price_cents, tie_break, low_bid_rules, created_at, updated_at, opened_at)
     VALUES ('t1', 'o1', 'open', 'ZWL-1', 'Inburgering B1-route', 'Gemeente Zwolle', 'B1-route', 52000000, 80,
       'lowest-relative', 30, NULL, NULL, NULL, '["quality","lot"]', '{"preset":"nl-default"}', ?, ?, ?)`,
    at,
    at,
    at,
  );
  run("INSERT INTO criteria VALUES ('t1', 'K1', 0, 'Didactische aanpak', 40, '[0,2,4,6,8,10]', 4, NULL)");
  run("INSERT INTO criteria VALUES ('t1', 'K2', 1, 'Begeleiding', 30, '[0,2,4,6,8,10]', NULL, NULL)");
  run("INSERT INTO bids VALUES ('t1', 'B1', 0, 'Taalschool IJsselland', '05123456', 1, 46800000, NULL, ?)", at);
  run("INSERT INTO bids VALUES ('t1', 'B2', 1, 'Snel Inburgeren B.V.', '05345678', 1, 28900000, ?, ?)", JSON.stringify(REVIEW), at);
  run("INSERT INTO bid_price_lines VALUES ('t1', 'B2', 0, 'Taaltraject', 80, 361250)");
  for (const [bid, k1, k2] of [
    ['B1', 8, 6],
    ['B2', 6, 4],
  ] as const) {
    run("INSERT INTO consensus_scores VALUES ('t1', ?, 'K1', ?, 'Goed onderbouwd plan van aanpak.', ?, 'u1')", bid, k1, at);
    run("INSERT INTO consensus_scores VALUES ('t1', ?, 'K2', ?, NULL, ?, 'u1')", bid, k2, at);
  }
  const content = {
    seq: 1,
    at,
    actorUserId: 'u1',
    organisationId: 'o1',
    action: 'tender.import',
    entityType: 'tender',
    entityId: 't1',
    tenderId: 't1',
    change: { after: { reference: 'ZWL-1' } },
  };
  const hash = computeEventHash(GENESIS_HASH, content);
  run(
    'INSERT INTO audit_events VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    at,
    'u1',
    'o1',
    'tender.import',
    'tender',
    't1',
    't1',
    JSON.stringify(content.change),
    GENESIS_HASH,
    hash,
  );
}

function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(TABLES_OF_0000.map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()]));
}

describe('migrating a database of the first release', () => {
  it('keeps every row and value, adds the new columns with their defaults and the new tables empty', () => {
    const root = mkdtempSync(join(tmpdir(), 'gw-migrate-'));
    dirs.push(root);
    const path = join(root, 'old.db');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: firstReleaseMigrations(root) });
    fillVersion0000(old);
    const before = dumpTables(old);
    old.close();

    const db = openDatabase({ path });
    try {
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect((db.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n).toBe(journal.entries.length);
      const after = dumpTables(db.sqlite);
      // Old columns unchanged, row for row; new columns at their defaults.
      const newColumns: Record<string, Record<string, unknown>> = {
        tenders: {
          show_prices_to_evaluators: 0,
          award_decided_at: null,
          standstill_ends_on: null,
          award_decision: null,
          awarded_at: null,
          // 0008: every existing tender is a one-envelope tender, as it always was.
          envelopes: 'one',
          quality_locked_at: null,
          prices_entered_at: null,
          prices_entered_by: null,
          price_entry: null,
          prices_confirmed_at: null,
          prices_confirmed_by: null,
          // 0010: every existing tender stands on its own, as it always did (no procedure).
          procedure_id: null,
          lot_id: null,
          lot_position: null,
        },
        criteria: { description: null, levels: null },
        consensus_scores: { deviation_reason: null },
        bids: {
          withdrawn_on: null,
          withdrawal_reason: null,
          provider_street: null,
          provider_postcode: null,
          provider_place: null,
          provider_contact_person: null,
          provider_email: null,
        },
        providers: { street: null, postcode: null, place: null, contact_person: null, email: null },
        users: { disabled_at: null },
        api_tokens: { last_used_at: null },
      };
      for (const table of TABLES_OF_0000) {
        const extra = newColumns[table] ?? {};
        expect(after[table], table).toEqual((before[table] as Record<string, unknown>[]).map((row) => ({ ...row, ...extra })));
      }
      for (const table of ['panel_members', 'individual_scores', 'reports', 'bid_corrections']) {
        expect(db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      }

      const { ctx } = createApp({ db, logger: createLogger({ level: 'silent' }) });
      // The chain is untouched by the migrations. The rows above were written by hand, not by
      // the services, so the state check rightly finds the first one no event accounts for.
      expect(verifyAuditTrail(ctx)).toMatchObject({
        events: 1,
        firstBroken: null,
        anchor: { status: 'none' },
        stateMismatch: { table: 'organisations', key: { id: 'o1' }, problem: 'no-event' },
      });
      const dossier = loadDossier(ctx, 't1');
      expect(dossier.bids.map((b) => [b.id, b.price, b.scores, b.lowBidReview])).toEqual([
        ['B1', 468000, { K1: 8, K2: 6 }, undefined],
        ['B2', 289000, { K1: 6, K2: 4 }, REVIEW],
      ]);
      expect(dossier.criteria[0]).toEqual({ id: 'K1', title: 'Didactische aanpak', weight: 40, scale: [0, 2, 4, 6, 8, 10], minimum: 4 });
      const evaluation = computeEvaluation(ctx, 't1');
      expect(evaluation.incomplete).toEqual([]);
      expect(evaluation.bids.find((b) => b.bidId === 'B2')?.lowBidReview).toEqual(REVIEW);
    } finally {
      db.close();
    }
  });
});
