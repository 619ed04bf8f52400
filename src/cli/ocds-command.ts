/**
 * @module
 * `ocds BESTAND.json [--status S] [--published-date T] [--uri U]`: the OCDS release package of
 * a procedure file (build-procedure-release.ts) or of a dossier (build-release-package.ts),
 * the export the server publishes, made from the file alone. What a file does not hold has a
 * default, so the same file and options give the same package: the release's id is the
 * file's reference, the buyer's id its name in lower case with hyphens, the status `open`
 * (evaluated, no decision; `--status award-proposed` gives the awards of the decision), the
 * publication date the moment the command runs unless `--published-date` gives it.
 */
import { parseArgs } from 'node:util';
import { parseDossier } from '../domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../domain/evaluation/evaluate.js';
import { TENDER_STATUSES, type TenderStatus } from '../domain/lifecycle/tender-status.js';
import { buildProcedureReleasePackage } from '../domain/ocds/build-procedure-release.js';
import { buildOcdsReleasePackage, DATE_TIME } from '../domain/ocds/build-release-package.js';
import { evaluateProcedure } from '../domain/procedure/evaluate-procedure.js';
import { looksLikeProcedure, parseProcedure } from '../domain/procedure/procedure.schema.js';
import { argumentProblem } from './argument-problem.js';
import { type Outcome, readJson } from './read-json.js';

export const OCDS_USAGE = `gebruik: ocds BESTAND.json [--status ${TENDER_STATUSES.join('|')}] [--published-date DATUMTIJD] [--uri URI]`;

/** @example buyerId('Gemeente Zwolle') // 'gemeente-zwolle' */
export function buyerId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'koper'
  );
}

function isStatus(value: string): value is TenderStatus {
  return (TENDER_STATUSES as readonly string[]).includes(value);
}

export function ocdsCommand(args: string[], now: () => Date = () => new Date()): Outcome {
  let parsed: { values: { status?: string | undefined; 'published-date'?: string | undefined; uri?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { status: { type: 'string', default: 'open' }, 'published-date': { type: 'string' }, uri: { type: 'string' } },
    });
  } catch (error) {
    return { code: 2, stderr: `${argumentProblem(error)}\n${OCDS_USAGE}` };
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) return { code: 2, stderr: OCDS_USAGE };
  const status = values.status ?? 'open';
  if (!isStatus(status)) return { code: 2, stderr: `--status: onbekende status '${status}' (${TENDER_STATUSES.join(', ')})` };
  const read = readJson(file);
  if (!read.ok) return { code: 2, stderr: read.message };
  const publishedDate = values['published-date'] ?? now().toISOString();
  if (!DATE_TIME.test(publishedDate)) {
    return { code: 2, stderr: `--published-date: '${publishedDate}' is geen datum en tijd met tijdzone (RFC 3339), bijvoorbeeld 2027-04-01T08:00:00Z` };
  }
  if (values.uri !== undefined && !URL.canParse(values.uri)) return { code: 2, stderr: `--uri: '${values.uri}' is geen absolute URI` };
  const common = (reference: string, buyer: string) => ({
    buyer: { id: buyerId(buyer), name: buyer },
    publishedDate,
    uri: values.uri ?? `urn:gunningswijzer:${encodeURIComponent(reference)}`,
  });
  if (looksLikeProcedure(read.value)) {
    const procedure = parseProcedure(read.value);
    if (!procedure.ok) return { code: 1, stderr: procedure.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
    const fields = procedure.procedure.procedure;
    const ocds = buildProcedureReleasePackage(procedure.procedure, evaluateProcedure(procedure.procedure), {
      id: fields.reference,
      status,
      ...common(fields.reference, fields.buyer),
    });
    return { code: 0, stdout: JSON.stringify(ocds, null, 2) };
  }
  const dossier = parseDossier(read.value);
  if (!dossier.ok) return { code: 1, stderr: dossier.problems.map((p) => `${p.path}: ${p.message}`).join('\n') };
  const { tender } = dossier.dossier;
  const ocds = buildOcdsReleasePackage({
    tender: { id: tender.reference, status },
    dossier: dossier.dossier,
    result: evaluateDossier(dossier.dossier),
    ...common(tender.reference, tender.buyer),
  });
  return { code: 0, stdout: JSON.stringify(ocds, null, 2) };
}
