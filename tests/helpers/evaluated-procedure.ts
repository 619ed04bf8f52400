/**
 * @module
 * The three-lot example evaluated, with the evaluation report data of each lot
 * (tests/fixtures/procedure-report-data.ts): what the procedure's report and letters are made
 * from. One set-up for the tests of both documents and of the report's check, so they read the
 * same procedure.
 */
import { evaluateProcedure, type ProcedureResult } from '../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import { procedureReportData } from '../../src/reports/procedure-report-data.js';
import { renderProcedureReport } from '../../src/reports/render-procedure-report.js';
import type { EvaluationReportData } from '../../src/reports/report-data.js';
import type { ReportSigner } from '../../src/reports/signing/signer.js';
import { letterDocument, lotReportsOf, threeLotProcedure } from '../fixtures/procedure-report-data.js';

export type EvaluatedProcedure = { procedure: Procedure; result: ProcedureResult; reports: Record<string, EvaluationReportData> };

/** A fresh copy each call: lot order L1, L2, L3, at most 1 lot per school. */
export function evaluatedThreeLotProcedure(): EvaluatedProcedure {
  const procedure = threeLotProcedure();
  return { procedure, result: evaluateProcedure(procedure), reports: lotReportsOf(procedure) };
}

/**
 * The procedure's evaluation report RPT-P1 of `evaluated`, rendered and signed by `signer`;
 * with `result` (default the procedure's own) a report whose embedded result was altered
 * before rendering, as a forger would.
 */
export async function signedProcedureReport(signer: ReportSigner, evaluated: EvaluatedProcedure, result: ProcedureResult = evaluated.result): Promise<Buffer> {
  const data = procedureReportData(evaluated.procedure, result, { lotReports: evaluated.reports, reportId: 'RPT-P1', document: letterDocument() });
  return signer.sign(await renderProcedureReport(data));
}
