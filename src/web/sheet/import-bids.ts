/**
 * @module
 * Importing a sheet of bids all or nothing. Every row goes through `addBid`, the service
 * behind `POST /api/v1/tenders/:id/bids` (the dossier's bid schema, the next free `B<n>`,
 * the audit event), inside ONE outer write transaction. `addBid` opens its own
 * `writeTransaction`, which better-sqlite3 turns into a savepoint when a transaction is
 * already open: a bad row rolls back only itself, so every row is still checked and every
 * problem reported, and then the outer transaction is rolled back as a whole if any row was
 * bad. Nothing is imported unless everything is.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { addBid } from '../../modules/bids/bids.service.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import type { CellOrigin, SheetBid, SheetProblem } from './read-bid-sheet.js';

export type ImportOutcome = { ok: true; imported: string[] } | { ok: false; problems: SheetProblem[] };

/** Thrown to roll the outer transaction back; never leaves this module. */
class RollBack extends Error {}

/** The cell an error path points at: the field itself, or the nearest field above it. */
function cellFor(bid: SheetBid, path: string): CellOrigin | undefined {
  let best: [string, CellOrigin] | undefined;
  for (const [key, cell] of bid.origins) {
    const covers = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
    if (covers && (best === undefined || key.length > best[0].length)) best = [key, cell];
  }
  return best?.[1];
}

function toProblems(bid: SheetBid, sheet: string, errors: readonly FieldError[], fallback: string): SheetProblem[] {
  if (errors.length === 0) return [{ sheet, row: bid.row, column: null, columnName: null, message: fallback }];
  return errors.map((error) => {
    const cell = cellFor(bid, error.path);
    return {
      sheet: cell?.sheet ?? sheet,
      row: cell?.row ?? bid.row,
      column: cell?.column ?? null,
      columnName: cell?.columnName ?? null,
      message: error.message,
    };
  });
}

/**
 * @example importSheetBids(ctx, { actor, access, sheet: 'Inschrijvingen', read: await readBidSheet(file) })
 */
export function importSheetBids(
  ctx: AppContext,
  { actor, access, sheet, bids, problems }: { actor: Actor; access: TenderAccess; sheet: string; bids: SheetBid[]; problems: SheetProblem[] },
): ImportOutcome {
  const found = [...problems];
  // A row the sheet itself got wrong is not sent: the service would only repeat the problem.
  const unreadable = new Set(problems.filter((p) => p.sheet === sheet).map((p) => p.row));
  const imported: string[] = [];
  try {
    writeTransaction(ctx.db, () => {
      for (const bid of bids) {
        if (unreadable.has(bid.row)) continue;
        try {
          imported.push(addBid(ctx, { actor, access, input: bid.input }).id);
        } catch (error) {
          // Field problems belong to the row; anything else (tender opened, not an inkoper) stops the import.
          if (!(error instanceof AppError) || error.errors.length === 0 || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
          const errors =
            error.code === 'conflict' ? error.errors.map((e) => ({ ...e, message: `nummer "${String(bid.input.id)}" is al in gebruik` })) : error.errors;
          // A cell the reader already refused (an ambiguous amount) keeps the reader's reason alone.
          const cell = (p: SheetProblem) => `${p.sheet}\u0000${p.row}\u0000${p.column ?? ''}`;
          const known = new Set(problems.filter((p) => p.column !== null).map(cell));
          found.push(...toProblems(bid, sheet, errors, error.detail ?? error.message).filter((p) => !known.has(cell(p))));
        }
      }
      if (found.length > 0) throw new RollBack();
    });
  } catch (error) {
    if (error instanceof RollBack) return { ok: false, problems: found.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row) };
    throw error;
  }
  return { ok: true, imported };
}
