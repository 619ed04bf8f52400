/**
 * Issue 21, Part B: `verify` (the CLI), `POST /reports/verify` and the check page recompute a
 * procedure report's content from its embedded `procedure.json` (evaluateProcedure) and
 * compare it with the embedded `procedure-evaluation.json`, as a single report's dossier.json
 * is compared with its evaluation.json (src/reports/proof/check-procedure-proof.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run-cli.js';
import type { ProcedureResult } from '../../../src/domain/procedure/evaluate-procedure.js';
import { PROCEDURE_FILE } from '../../../src/reports/embedded-files.js';
import { isIntact, verifyDocument } from '../../../src/reports/proof/verify-document.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { type EvaluatedProcedure, evaluatedThreeLotProcedure, signedProcedureReport } from '../../helpers/evaluated-procedure.js';
import { pdfdetachSave } from './poppler-extra.js';

let signer: ReportSigner;
let evaluated: EvaluatedProcedure;
let result: ProcedureResult;

const signedReport = (r: ProcedureResult) => signedProcedureReport(signer, evaluated, r);

beforeAll(() => {
  signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
  evaluated = evaluatedThreeLotProcedure();
  result = evaluated.result;
});

describe('verifying a procedure report recomputes its content', () => {
  it('re-evaluates the embedded procedure.json and finds procedure-evaluation.json matches: intact, content checked', async () => {
    const signed = await signedReport(result);
    const check = await verifyDocument(signed);
    expect(check.signatureValid).toBe(true);
    expect(check.document?.proof).toBeNull();
    expect(check.document?.procedureProof).toEqual({
      procedureSha256: createHash('sha256').update(pdfdetachSave(signed, PROCEDURE_FILE)).digest('hex'),
      procedureValid: true,
      embeddedResultMatches: true,
      differences: [],
      problems: [],
    });
    expect(isIntact(check)).toBe(true);
    // The command line gives the same, with exit code 0.
    const file = join(mkdtempSync(join(tmpdir(), 'gw-verify-')), 'procedure.pdf');
    writeFileSync(file, signed);
    const outcome = await runCli(['verify', file]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout ?? '{}')).toMatchObject({ intact: true, document: { procedureProof: { embeddedResultMatches: true } } });
  }, 60_000);

  it('reports a validly signed procedure report whose embedded allocation does not follow from its procedure', async () => {
    // As if the allocation had been altered before rendering: L3 to NT2 Centrum Zwolle (B1) instead of Het Taalhuis Kampen (B2).
    const forged: ProcedureResult = { ...result, allocation: result.allocation.map((lot) => (lot.lotId === 'L3' ? { ...lot, winner: 'B1' } : lot)) };
    expect(result.allocation[2]?.winner).toBe('B2');
    const check = await verifyDocument(await signedReport(forged));
    expect(check.signatureValid).toBe(true);
    expect(check.document?.procedureProof).toMatchObject({
      procedureValid: true,
      embeddedResultMatches: false,
      differences: [{ path: 'allocation[2].winner', stored: 'B1', recomputed: 'B2' }],
    });
    expect(check.problems).toContain('de ingesloten uitkomst van de procedure wijkt op 1 plaats(en) af van de herberekening uit procedure.json');
    expect(isIntact(check)).toBe(false);
  }, 60_000);
});
