/**
 * @module
 * Checks a database file from outside the server: `PRAGMA integrity_check`,
 * `PRAGMA foreign_key_check` and the audit chain (`verifyChain`, the same code as
 * `GET /api/v1/audit/verify`). Used by the backup and restore commands, the load benchmark
 * and the kill -9 rounds. Opening a file read-only next to a running server is safe in WAL
 * mode: the check reads one consistent snapshot and never blocks the server's writes.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../src/db/schema/index.js';
import { verifyChain, type ChainVerification } from '../src/modules/audit/audit-chain.js';
import { createAuditQueries } from '../src/modules/audit/audit.queries.js';

export type DatabaseCheck = {
  /** `ok`, or SQLite's first problems joined by newlines. */
  integrity: string;
  /** Rows that point at a missing parent. */
  foreignKeyViolations: number;
  chain: ChainVerification;
  /** Migrations recorded as applied (`__drizzle_migrations`); 0 when the table is absent. */
  migrationsApplied: number;
};

/** Whether a check found nothing wrong. */
export function isHealthy(check: DatabaseCheck): boolean {
  return check.integrity === 'ok' && check.foreignKeyViolations === 0 && check.chain.valid;
}

/** Runs every check on an open connection, inside one read transaction (one snapshot). */
export function checkConnection(sqlite: Database.Database): DatabaseCheck {
  const run = sqlite.transaction(() => {
    const problems = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = problems.map((row) => row.integrity_check).join('\n');
    const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const hasAudit = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").get() !== undefined;
    const chain = hasAudit
      ? verifyChain(createAuditQueries(drizzle(sqlite, { schema }), sqlite).iterateAllEvents())
      : { valid: false, events: 0, head: '', firstBroken: null };
    const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() !== undefined;
    const migrationsApplied = hasMigrations ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
    return { integrity, foreignKeyViolations, chain, migrationsApplied };
  });
  return run.deferred();
}

/**
 * Opens `path` read-only and checks it.
 * @example const check = checkDatabaseFile('./data/gunningswijzer.db'); if (!isHealthy(check)) ...
 */
export function checkDatabaseFile(path: string): DatabaseCheck {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    return checkConnection(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A one-line description for logs and command output. */
export function describeCheck(check: DatabaseCheck): string {
  const chain = check.chain.valid
    ? `audit chain valid (${check.chain.events} events, head ${check.chain.head.slice(0, 16)}...)`
    : `audit chain BROKEN at event ${check.chain.firstBroken ?? '?'}`;
  return `integrity ${check.integrity === 'ok' ? 'ok' : 'FAILED'}, ${check.foreignKeyViolations} foreign key violations, ${chain}`;
}
