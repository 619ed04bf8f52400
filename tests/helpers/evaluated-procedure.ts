/**
 * @module
 * The three-lot example evaluated, with the evaluation report data of each lot
 * (tests/fixtures/procedure-report-data.ts): what the procedure's report and letters are made
 * from. One set-up for the unit tests of both documents, so they read the same procedure.
 */
import { evaluateProcedure, type ProcedureResult } from '../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import type { EvaluationReportData } from '../../src/reports/report-data.js';
import { lotReportsOf, threeLotProcedure } from '../fixtures/procedure-report-data.js';

export type EvaluatedProcedure = { procedure: Procedure; result: ProcedureResult; reports: Record<string, EvaluationReportData> };

/** A fresh copy each call: lot order L1, L2, L3, at most 1 lot per school. */
export function evaluatedThreeLotProcedure(): EvaluatedProcedure {
  const procedure = threeLotProcedure();
  return { procedure, result: evaluateProcedure(procedure), reports: lotReportsOf(procedure) };
}
