/**
 * @module
 * A procedure report's own proof, checked (issue 21): the embedded procedure
 * (`procedure.json`) is read with the same validation as the CLI and evaluated again
 * (`evaluateProcedure`: every lot's result and the allocation under the limitation, with any
 * recorded draws); the result must equal the embedded `procedure-evaluation.json`, compared
 * value by value (key order and white space do not count), as a single report's
 * `dossier.json` is compared with its `evaluation.json` (check-proof.ts). The procedure
 * report prints no single winner or ranking to compare: its allocation table is drawn from
 * the same result. A document without these files (any other report) has no procedure
 * proof: `null`. A report made before API 1.9.0 embeds an allocation without `tiedBids` (the
 * bids a lot awaiting a draw is tied between): that field follows from the rest of the entry,
 * so its absence is no difference (`withoutLaterFields`); a `tiedBids` that is there must be
 * exact.
 */
import { createHash } from 'node:crypto';
import { evaluateProcedure } from '../../domain/procedure/evaluate-procedure.js';
import { parseProcedure } from '../../domain/procedure/procedure.schema.js';
import { diffJson, type JsonDifference } from '../../lib/json-diff.js';
import { PROCEDURE_EVALUATION_FILE, PROCEDURE_FILE } from '../embedded-files.js';
import { MAX_DIFFERENCES, parseEmbeddedJson } from './embedded-json.js';
import type { ReadDocument } from './read-document.js';

export type ProcedureProof = {
  /** SHA-256 (hex) of the embedded procedure.json, as the report prints it. */
  procedureSha256: string;
  /** The procedure passes the procedure format's validation. */
  procedureValid: boolean;
  /** `evaluateProcedure` on the procedure equals the embedded procedure-evaluation.json. */
  embeddedResultMatches: boolean;
  /** The first differences between the embedded and the re-computed result. */
  differences: JsonDifference[];
  problems: string[];
};

type AllocationEntry = Record<string, unknown>;
const allocationOf = (value: unknown): AllocationEntry[] | undefined => {
  const allocation = (value as { allocation?: unknown } | null)?.allocation;
  return Array.isArray(allocation) ? (allocation as AllocationEntry[]) : undefined;
};

/**
 * The re-computed result without the allocation fields a report of an older version could not
 * embed, where its embedded allocation entry (same place) leaves them out: `tiedBids`
 * (API 1.9.0). Everything else is compared as it is.
 */
function withoutLaterFields(recomputed: unknown, embedded: unknown): unknown {
  const ours = allocationOf(recomputed);
  const theirs = allocationOf(embedded);
  if (ours === undefined || theirs === undefined) return recomputed;
  const allocation = ours.map((entry, index) => {
    const old = theirs[index];
    if (!('tiedBids' in entry) || old === null || typeof old !== 'object' || 'tiedBids' in old) return entry;
    const { tiedBids: _later, ...rest } = entry;
    return rest;
  });
  return { ...(recomputed as object), allocation };
}

/** @example checkProcedureProof(await readDocument(bytes)) // null for a report of one tender */
export function checkProcedureProof(read: ReadDocument): ProcedureProof | null {
  const procedureBytes = read.attachments.get(PROCEDURE_FILE);
  const evaluationBytes = read.attachments.get(PROCEDURE_EVALUATION_FILE);
  if (procedureBytes === undefined && evaluationBytes === undefined) return null;
  const proof: ProcedureProof = {
    procedureSha256: procedureBytes === undefined ? '' : createHash('sha256').update(procedureBytes).digest('hex'),
    procedureValid: false,
    embeddedResultMatches: false,
    differences: [],
    problems: [],
  };
  if (procedureBytes === undefined || evaluationBytes === undefined) {
    proof.problems.push(`het document bevat niet zowel ${PROCEDURE_FILE} als ${PROCEDURE_EVALUATION_FILE}`);
    return proof;
  }
  const procedureJson = parseEmbeddedJson(procedureBytes);
  const parsed = procedureJson.ok ? parseProcedure(procedureJson.value) : undefined;
  if (parsed === undefined || !parsed.ok) {
    const reasons = parsed === undefined ? ['geen geldige JSON'] : parsed.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    proof.problems.push(`de ingesloten procedure is geen geldig procedurebestand (${reasons.join('; ')})`);
    return proof;
  }
  proof.procedureValid = true;
  const recomputed = JSON.parse(JSON.stringify(evaluateProcedure(parsed.procedure))) as unknown;
  const embedded = parseEmbeddedJson(evaluationBytes);
  if (!embedded.ok) {
    proof.problems.push(`${PROCEDURE_EVALUATION_FILE} is geen geldige JSON`);
    return proof;
  }
  const differences = diffJson(embedded.value, withoutLaterFields(recomputed, embedded.value));
  proof.embeddedResultMatches = differences.length === 0;
  proof.differences = differences.slice(0, MAX_DIFFERENCES);
  if (differences.length > 0) {
    proof.problems.push(`de ingesloten uitkomst van de procedure wijkt op ${differences.length} plaats(en) af van de herberekening uit ${PROCEDURE_FILE}`);
  }
  return proof;
}
