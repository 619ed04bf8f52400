/**
 * @module
 * Keeps the write-ahead log bounded while the server runs.
 *
 * Why: in WAL mode SQLite checkpoints by itself (every 1000 pages, PASSIVE), but a
 * checkpoint can only copy frames up to the oldest snapshot a reader still uses, and the
 * WAL file restarts from its beginning only when no reader uses it at the moment a writer
 * begins. Readers in other processes (a backup, an auditor's `sqlite3` shell, a reporting
 * tool) that overlap one another can postpone that moment indefinitely: the WAL then grows
 * with every write, and so do read times and the disk it takes. Two measures bound it:
 * - `journal_size_limit`: whenever the WAL restarts, the file is truncated to this size
 *   instead of keeping its high-water mark for ever;
 * - a timer that runs `wal_checkpoint(PASSIVE)` (never waits) and, when the WAL has grown
 *   past the limit all the same, `wal_checkpoint(TRUNCATE)`, which waits a short, bounded
 *   time for the readers in the way to finish and then empties the file.
 *
 * The server is one process with one connection, so its own requests are never such
 * readers; the timer only ever waits for other processes, and at most
 * `truncateBusyTimeoutMs`.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Logger } from '../lib/logger.js';

/** The WAL is cut back to this after it restarts; also the size above which TRUNCATE is tried. */
export const DEFAULT_JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;
/** How long one TRUNCATE may wait for readers; the event loop stands still meanwhile. */
export const DEFAULT_TRUNCATE_BUSY_TIMEOUT_MS = 200;
/** Consecutive blocked TRUNCATEs before the log warns about a long-lived reader. */
const WARN_AFTER_BLOCKED_TICKS = 3;

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE';

export type CheckpointOutcome = {
  /** The last mode run: TRUNCATE only when the WAL was over the limit after PASSIVE. */
  mode: CheckpointMode;
  /** True when a reader or writer kept the checkpoint from completing. */
  busy: boolean;
  /** Frames in the WAL and frames copied into the database, as SQLite reports them. */
  walFrames: number;
  checkpointedFrames: number;
  /** Size of the `-wal` file after the checkpoint (0 when absent). */
  walBytes: number;
};

type CheckpointRow = { busy: number; log: number; checkpointed: number };

/** The `-wal` file's size in bytes, 0 when there is none (or for `:memory:`). */
export function walFileBytes(sqlite: Database.Database): number {
  if (sqlite.memory) return 0;
  try {
    return statSync(`${sqlite.name}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Sets `journal_size_limit` on the connection (per connection, not stored in the file).
 * @example limitWalSize(db.sqlite, 64 * 1024 * 1024)
 */
export function limitWalSize(sqlite: Database.Database, bytes: number = DEFAULT_JOURNAL_SIZE_LIMIT_BYTES): void {
  sqlite.pragma(`journal_size_limit = ${Math.trunc(bytes)}`);
}

function runCheckpoint(sqlite: Database.Database, mode: CheckpointMode): CheckpointRow {
  const rows = sqlite.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[];
  return rows[0] ?? { busy: 0, log: -1, checkpointed: -1 };
}

/**
 * One maintenance step: PASSIVE, then TRUNCATE if the WAL is still over `truncateAboveBytes`.
 * TRUNCATE runs with `busy_timeout` lowered to `truncateBusyTimeoutMs` (restored after), so it
 * never holds the server up for the connection's usual five seconds.
 * @example const outcome = checkpointWal(db.sqlite, { truncateAboveBytes: 64 * 1024 * 1024 });
 */
export function checkpointWal(
  sqlite: Database.Database,
  {
    truncateAboveBytes = DEFAULT_JOURNAL_SIZE_LIMIT_BYTES,
    truncateBusyTimeoutMs = DEFAULT_TRUNCATE_BUSY_TIMEOUT_MS,
  }: { truncateAboveBytes?: number; truncateBusyTimeoutMs?: number } = {},
): CheckpointOutcome {
  const passive = runCheckpoint(sqlite, 'PASSIVE');
  // log = -1: not in WAL mode (`:memory:`); nothing to bound.
  if (passive.log < 0) return { mode: 'PASSIVE', busy: false, walFrames: 0, checkpointedFrames: 0, walBytes: 0 };
  const afterPassive = walFileBytes(sqlite);
  if (afterPassive <= truncateAboveBytes) {
    return { mode: 'PASSIVE', busy: passive.busy !== 0, walFrames: passive.log, checkpointedFrames: passive.checkpointed, walBytes: afterPassive };
  }
  const previousTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.trunc(truncateBusyTimeoutMs)}`);
  try {
    const truncate = runCheckpoint(sqlite, 'TRUNCATE');
    return { mode: 'TRUNCATE', busy: truncate.busy !== 0, walFrames: truncate.log, checkpointedFrames: truncate.checkpointed, walBytes: walFileBytes(sqlite) };
  } finally {
    sqlite.pragma(`busy_timeout = ${Math.trunc(previousTimeout)}`);
  }
}

export type WalMaintenanceOptions = {
  /** Default `DEFAULT_JOURNAL_SIZE_LIMIT_BYTES` (64 MiB). */
  journalSizeLimitBytes?: number;
  /** Default one minute. */
  intervalMs?: number;
  truncateBusyTimeoutMs?: number;
  logger?: Logger;
};

export type WalMaintenance = {
  /** Runs one step now (also what the timer calls). */
  runNow: () => CheckpointOutcome;
  stop: () => void;
};

/**
 * Sets the journal size limit and starts the checkpoint timer (unref'ed: it never keeps the
 * process alive). Call once at start, after `openDatabase`; `stop()` before `db.close()`.
 * @example const wal = startWalMaintenance(db, { logger }); ...; wal.stop(); db.close();
 */
export function startWalMaintenance(
  db: { sqlite: Database.Database },
  {
    journalSizeLimitBytes = DEFAULT_JOURNAL_SIZE_LIMIT_BYTES,
    intervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS,
    truncateBusyTimeoutMs = DEFAULT_TRUNCATE_BUSY_TIMEOUT_MS,
    logger,
  }: WalMaintenanceOptions = {},
): WalMaintenance {
  limitWalSize(db.sqlite, journalSizeLimitBytes);
  let blockedTicks = 0;
  const runNow = (): CheckpointOutcome => {
    const outcome = checkpointWal(db.sqlite, { truncateAboveBytes: journalSizeLimitBytes, truncateBusyTimeoutMs });
    blockedTicks = outcome.mode === 'TRUNCATE' && outcome.busy ? blockedTicks + 1 : 0;
    if (blockedTicks === WARN_AFTER_BLOCKED_TICKS) {
      logger?.warn('het WAL-bestand blijft boven zijn grens: een ander proces houdt een leestransactie open', {
        walBytes: outcome.walBytes,
        limitBytes: journalSizeLimitBytes,
      });
    } else {
      logger?.debug('WAL-checkpoint', outcome);
    }
    return outcome;
  };
  const timer = setInterval(() => {
    try {
      runNow();
    } catch (error) {
      // A failed checkpoint loses nothing (the WAL keeps every frame); the next tick retries.
      logger?.error('WAL-checkpoint mislukt', { error: error instanceof Error ? error.message : String(error) });
    }
  }, intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
