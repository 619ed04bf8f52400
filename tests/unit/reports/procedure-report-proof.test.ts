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
import { evaluateProcedure, type ProcedureResult } from '../../../src/domain/procedure/evaluate-procedure.js';
import type { Procedure } from '../../../src/domain/procedure/procedure.js';
import { PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE } from '../../../src/reports/embedded-files.js';
import { checkProcedureProof } from '../../../src/reports/proof/check-procedure-proof.js';
import { isIntact, verifyDocument } from '../../../src/reports/proof/verify-document.js';
import { createDevelopmentSigner } from '../../../src/reports/signing/development-certificate.js';
import type { ReportSigner } from '../../../src/reports/signing/signer.js';
import { threeLotProcedureTiedOnL2 } from '../../fixtures/procedure-report-data.js';
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

describe('a procedure report made before the allocation carried tiedBids (API 1.9.0)', () => {
  const proofOf = (file: Procedure, embedded: unknown) =>
    checkProcedureProof({
      attachments: new Map([
        [PROCEDURE_FILE, Buffer.from(JSON.stringify(file))],
        [PROCEDURE_EVALUATION_FILE, Buffer.from(JSON.stringify(embedded))],
      ]),
      pdfa: '3B',
      record: {},
      elements: [],
    });

  it('still holds when its embedded allocation lacks tiedBids, and a tiedBids it does embed must be exact', () => {
    const file = threeLotProcedureTiedOnL2();
    const now = JSON.parse(JSON.stringify(evaluateProcedure(file))) as { allocation: Record<string, unknown>[] };
    expect(now.allocation[1]!['tiedBids']).toEqual(['B1', 'B3']);
    expect(proofOf(file, now)).toMatchObject({ procedureValid: true, embeddedResultMatches: true });
    const before = { ...now, allocation: now.allocation.map(({ tiedBids: _omitted, ...entry }) => entry) };
    expect(proofOf(file, before)).toMatchObject({ embeddedResultMatches: true, problems: [] });
    const forged = { ...now, allocation: now.allocation.map((entry) => ('tiedBids' in entry ? { ...entry, tiedBids: ['B1', 'B2'] } : entry)) };
    const proof = proofOf(file, forged);
    expect(proof?.embeddedResultMatches).toBe(false);
    expect(proof?.differences.map((d) => d.path).join(' ')).toContain('tiedBids');
    // Another field left out is still a difference.
    const withoutReason = { ...now, allocation: now.allocation.map(({ reason: _omitted, ...entry }) => entry) };
    expect(proofOf(file, withoutReason)?.embeddedResultMatches).toBe(false);
  });
});
