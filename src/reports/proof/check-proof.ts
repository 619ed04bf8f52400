/**
 * @module
 * The report's own proof, checked: the embedded dossier (`dossier.json`) is read with the
 * same validation as the CLI and evaluated again by the engine; the result must equal the
 * embedded result (`evaluation.json`, the engine's fields) and the winner and ranking the
 * report prints (its cover's winner line, its ranking table). A report whose printed ranking
 * does not follow from the dossier it carries is caught here even when its signature is
 * valid, e.g. one signed by a key that was misused. A document without embedded files (an
 * award letter, a report made before PDF/A) has no proof to check: `null`.
 */
import { createHash } from 'node:crypto';
import { parseDossier } from '../../domain/evaluation/dossier.schema.js';
import { engineFieldsOf } from '../../domain/evaluation/engine-fields.js';
import { evaluateDossier } from '../../domain/evaluation/evaluate.js';
import type { EvaluationResult } from '../../domain/evaluation/result.js';
import { diffJson, type JsonDifference } from '../../lib/json-diff.js';
import { DOSSIER_FILE, EVALUATION_FILE } from '../embedded-files.js';
import { wording } from '../wording.js';
import { MAX_DIFFERENCES, parseEmbeddedJson } from './embedded-json.js';
import type { ReadDocument, StructureNode } from './read-document.js';

export type DocumentProof = {
  /** SHA-256 (hex) of the embedded dossier.json. */
  dossierSha256: string;
  /** The dossier passes the dossier format's validation. */
  dossierValid: boolean;
  /** The engine's result from the dossier equals the embedded evaluation.json. */
  embeddedResultMatches: boolean;
  /** The winner on the report's cover is the re-computed winner. */
  printedWinnerMatches: boolean;
  /** The report's ranking table lists the re-computed ranking, bid by bid. */
  printedRankingMatches: boolean;
  /** The first differences between the embedded and the re-computed result. */
  differences: JsonDifference[];
  problems: string[];
};

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Every element in document order, depth first. */
function* walk(elements: readonly StructureNode[]): Generator<StructureNode> {
  for (const element of elements) {
    yield element;
    yield* walk(element.children);
  }
}

/**
 * The bid ids a cover's winner value can be read as: `School (B2)` (from issue 17 on) or
 * `B2 - School` (reports issued before); none for a printed "no winner". Both readings are
 * kept because a school's own name may end in parentheses or hold " - ": the line names the
 * winner when either reading is its id.
 * @example winnerReadings('Taal (Zwolle) (B2)') // ['B2']
 * @example winnerReadings('B2 - Taal (Zwolle)') // ['Zwolle', 'B2']
 */
export function winnerReadings(value: string): string[] {
  return [/\((\S+)\)$/.exec(value)?.[1], /^(\S+) - /.exec(value)?.[1]].filter((id): id is string => id !== undefined);
}

/** The readings of the cover's winner line; undefined when the line is not found. */
function printedWinner(read: ReadDocument): string[] | undefined {
  const label = wording.evaluation.coverFields.winner;
  for (const element of walk(read.elements)) {
    if (element.role !== 'P' || !element.text.startsWith(`${label} `)) continue;
    return winnerReadings(element.text.slice(label.length).trim());
  }
  return undefined;
}

/** Rank and bid id of each body row of the table(s) under the ranking heading. */
function printedRanking(read: ReadDocument): { rank: string; bidId: string }[] {
  const rows: { rank: string; bidId: string }[] = [];
  let section = '';
  for (const element of read.elements) {
    if (element.role === 'H1' && element.text !== '') section = element.text;
    if (section !== wording.evaluation.sections.ranking || element.role !== 'Table') continue;
    for (const row of element.children) {
      // PDF.js gives each page the elements with content on it; a row drawn on another page comes empty.
      if (row.role !== 'TR' || row.text === '' || row.children.some((cell) => cell.role === 'TH')) continue;
      const [rank, bid] = row.children;
      if (rank !== undefined && bid !== undefined) rows.push({ rank: compact(rank.text), bidId: compact(bid.text) });
    }
  }
  return rows;
}

function expectedRanking(result: EvaluationResult): { rank: string; bidId: string }[] {
  return result.bids.map((bid) => ({ rank: bid.rank === null ? compact(wording.common.excluded) : String(bid.rank), bidId: compact(bid.bidId) }));
}

/**
 * @example const proof = checkDocumentProof(await readDocument(bytes)); // null for a letter
 */
export function checkDocumentProof(read: ReadDocument): DocumentProof | null {
  const dossierBytes = read.attachments.get(DOSSIER_FILE);
  const evaluationBytes = read.attachments.get(EVALUATION_FILE);
  if (dossierBytes === undefined && evaluationBytes === undefined) return null;
  const proof: DocumentProof = {
    dossierSha256: dossierBytes === undefined ? '' : createHash('sha256').update(dossierBytes).digest('hex'),
    dossierValid: false,
    embeddedResultMatches: false,
    printedWinnerMatches: false,
    printedRankingMatches: false,
    differences: [],
    problems: [],
  };
  if (dossierBytes === undefined || evaluationBytes === undefined) {
    proof.problems.push(`het document bevat niet zowel ${DOSSIER_FILE} als ${EVALUATION_FILE}`);
    return proof;
  }
  if (read.record.dossierSha256 !== undefined && read.record.dossierSha256 !== proof.dossierSha256) {
    proof.problems.push('de SHA-256 van het ingesloten dossier verschilt van die in de metadata van het document');
  }
  const dossierJson = parseEmbeddedJson(dossierBytes);
  const parsed = dossierJson.ok ? parseDossier(dossierJson.value) : undefined;
  if (parsed === undefined || !parsed.ok) {
    const reasons = parsed === undefined ? ['geen geldige JSON'] : parsed.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    proof.problems.push(`het ingesloten dossier is geen geldig dossier (${reasons.join('; ')})`);
    return proof;
  }
  proof.dossierValid = true;
  const recomputed = evaluateDossier(parsed.dossier);
  const recomputedJson = JSON.parse(JSON.stringify(recomputed)) as unknown;
  const embedded = parseEmbeddedJson(evaluationBytes);
  if (!embedded.ok) proof.problems.push(`${EVALUATION_FILE} is geen geldige JSON`);
  else {
    const differences = diffJson(engineFieldsOf(embedded.value), recomputedJson);
    proof.embeddedResultMatches = differences.length === 0;
    proof.differences = differences.slice(0, MAX_DIFFERENCES);
    if (differences.length > 0) proof.problems.push(`de ingesloten uitkomst wijkt op ${differences.length} plaats(en) af van de herberekening uit het dossier`);
  }
  const winner = printedWinner(read);
  proof.printedWinnerMatches = winner !== undefined && (recomputed.winner === null ? winner.length === 0 : winner.includes(recomputed.winner));
  if (!proof.printedWinnerMatches) {
    const printedText = winner === undefined ? 'niet gevonden' : (winner[0] ?? 'geen');
    proof.problems.push(`de winnaar in het rapport (${printedText}) is niet de herberekende winnaar (${recomputed.winner ?? 'geen'})`);
  }
  const printed = printedRanking(read);
  const expected = expectedRanking(recomputed);
  proof.printedRankingMatches =
    printed.length === expected.length && printed.every((row, i) => row.rank === expected[i]?.rank && row.bidId === expected[i]?.bidId);
  if (!proof.printedRankingMatches) {
    const show = (rows: { rank: string; bidId: string }[]) => rows.map((row) => `${row.rank}:${row.bidId}`).join(', ') || 'niet gevonden';
    proof.problems.push(`de rangschikking in het rapport (${show(printed)}) is niet de herberekende (${show(expected)})`);
  }
  return proof;
}
