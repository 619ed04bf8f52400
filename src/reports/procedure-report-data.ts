/**
 * @module
 * The evaluation report of a procedure with several lots (issue 21): a procedure part (its
 * fields, the award limitation and its published rule, the schools' preferences, and per lot
 * the allocated winner, the winner without the limitation and the reason, and each recorded
 * draw of lots: the tied schools, the school drawn and the record), followed by a part
 * per lot with the sections of a single tender's report, drawn from that lot's own report
 * data. Pure: the server passes each lot's report data as it makes them for a tender.
 *
 * @example
 * const data = procedureReportData(procedure, evaluateProcedure(procedure), { lotReports, reportId: 'RPT-P1', document });
 * const pdf = await renderProcedureReport(data);
 */
import { bidLabeller } from '../domain/bid-label.js';
import type { ProcedureResult } from '../domain/procedure/evaluate-procedure.js';
import type { DrawOutcome } from '../domain/vocabulary/draw-outcomes.js';
import type { Procedure } from '../domain/procedure/procedure.js';
import type { LetterDocument, ProcedureLetterLimit } from './procedure-letter-data.js';
import type { EvaluationReportData } from './report-data.js';

export type ReportAllocationRow = {
  lotId: string;
  /** The lot's name ("B1-route"). */
  lot: string;
  /** "School (B2)", or null when the lot has no winner now. */
  winner: string | null;
  winnerWithoutLimit: string | null;
  reason: string;
};

/**
 * A draw of lots recorded for a lot (the procedure's `draws`, in the order recorded), with
 * what the allocation did with it. The record is the officer's sentence (who drew, when,
 * how): the server keeps no other account of the draw with it; who recorded it and when is
 * in the audit trail (`procedure.draw.record`), whose head the report prints.
 */
export type ReportDrawRow = {
  lotId: string;
  /** The lot's name ("B1-route"). */
  lot: string;
  /**
   * The bids tied for the lot, "School (B2)" each, in bid code order: those the draw decided
   * between, or for a draw not used the bids the lot is tied between now (none when it is
   * not tied).
   */
  tied: string[];
  /** "School (B2)": the bid the draw fell on. */
  winner: string;
  outcome: DrawOutcome;
  record: string;
};

export type ReportPreference = { school: string; kvk: string; lots: readonly string[] };

export type ProcedureReportData = LetterDocument & {
  reportId: string;
  /** The procedure exactly as evaluated: embedded as `procedure.json`. */
  procedure: Procedure;
  /** Its evaluation: embedded as `procedure-evaluation.json`. */
  result: ProcedureResult;
  /** The hash of the audit chain's head when the report was made. */
  auditHeadHash: string;
  limit: ProcedureLetterLimit | null;
  /** `bidder-preference` only: each school that stated a preference, in KvK order. */
  preferences: readonly ReportPreference[];
  allocation: readonly ReportAllocationRow[];
  /** The draws of lots recorded for the procedure (empty without any). */
  draws: readonly ReportDrawRow[];
  /** Per lot, in the order of the procedure, its own report data. */
  lots: readonly EvaluationReportData[];
};

export type ProcedureReportOptions = {
  lotReports: Readonly<Record<string, EvaluationReportData>>;
  reportId: string;
  document: LetterDocument;
  /** Default: the first lot report's. */
  auditHeadHash?: string | undefined;
};

/** "School (B2)" for each bid of the lot, by its id. */
const labellerOfLot = (lot: Procedure['lots'][number]) => bidLabeller(new Map(lot.dossier.bids.map((bid) => [bid.id, bid.provider.name])));

/** @throws RangeError when a lot has no report, or a report is not of the procedure's result for that lot. */
export function procedureReportData(procedure: Procedure, result: ProcedureResult, options: ProcedureReportOptions): ProcedureReportData {
  const lots = procedure.lots.map((lot, index) => {
    const report = options.lotReports[lot.id];
    if (report === undefined) throw new RangeError(`perceel ${lot.id} heeft geen beoordelingsgegevens`);
    if (result.lots[index]?.lotId !== lot.id || result.allocation[index]?.lotId !== lot.id || report.result.winner !== result.lots[index]?.result.winner) {
      throw new RangeError(`de beoordeling van perceel ${lot.id} is niet die van deze procedure`);
    }
    return report;
  });
  const names = new Map<string, string>();
  for (const lot of procedure.lots) for (const bid of lot.dossier.bids) if (!names.has(bid.provider.kvk)) names.set(bid.provider.kvk, bid.provider.name);
  const allocation = procedure.lots.map((lot, index): ReportAllocationRow => {
    const allocated = result.allocation[index];
    const labelOfBid = labellerOfLot(lot);
    const label = (bidId: string | null | undefined) => (bidId === null || bidId === undefined ? null : labelOfBid(bidId));
    return {
      lotId: lot.id,
      lot: lot.dossier.tender.lot,
      winner: label(allocated?.winner),
      winnerWithoutLimit: label(allocated?.winnerWithoutLimit),
      reason: allocated?.reason ?? '',
    };
  });
  const draws = (procedure.draws ?? []).map((draw): ReportDrawRow => {
    const index = procedure.lots.findIndex((lot) => lot.id === draw.lotId);
    const lot = procedure.lots[index];
    const allocated = result.allocation[index];
    if (lot === undefined || allocated === undefined) throw new RangeError(`de loting voor perceel ${draw.lotId} hoort bij geen perceel van deze procedure`);
    const label = labellerOfLot(lot);
    const decided = allocated.drawOfLots;
    return {
      lotId: lot.id,
      lot: lot.dossier.tender.lot,
      tied: (decided?.tiedBids ?? allocated.tiedBids ?? []).map(label),
      winner: label(draw.winner),
      outcome: decided === undefined ? 'not-used' : 'decided',
      record: draw.record.trim(),
    };
  });
  const limit = procedure.awardLimit;
  const preferences =
    limit?.rule === 'bidder-preference'
      ? Object.entries(procedure.preferences ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kvk, lotIds]) => ({ school: names.get(kvk) ?? kvk, kvk, lots: lotIds }))
      : [];
  return {
    ...options.document,
    reportId: options.reportId,
    procedure,
    result,
    auditHeadHash: options.auditHeadHash ?? lots[0]?.auditHeadHash ?? '',
    limit: limit === undefined ? null : { maxLotsPerBidder: limit.maxLotsPerBidder, rule: limit.rule, lotOrder: limit.lotOrder ?? null },
    preferences,
    allocation,
    draws,
    lots,
  };
}
