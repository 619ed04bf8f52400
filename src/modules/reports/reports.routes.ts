/**
 * @module
 * Reports: `POST /api/v1/tenders/:id/reports` (scoped by `tenderScope`), the issued PDF at
 * `GET /api/v1/reports/:id` (scoped by the report's tender in the service) and
 * `POST /api/v1/reports/verify` for anyone logged in.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REPORT_KINDS } from '../../db/schema/index.js';
import { requireActor } from '../../http/authenticate.js';
import { conflictResponse, createRouter, unavailableResponse, IdParams, invalidInput, jsonBody, jsonContent, problemResponses } from '../../http/router.js';
import { timestamp } from '../../http/documented.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import type { AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { PadesLevel, SignatureCheck, SignatureTimestamp, Signer } from './reports.contract.js';
import { createReport, getReport, listReports, verifyReport } from './reports.service.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';

const tags = ['reports'];

/** `evaluation`: the evaluation report; `award-letter`: the letter to the bidder `bidId`. */
export const ReportInput = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('evaluation').openapi({ description: 'Het beoordelingsrapport' }) }),
    z.strictObject({
      kind: z.literal('award-letter').openapi({ description: 'De brief aan één inschrijver' }),
      bidId: z
        .string({ error: (issue) => (issue.input === undefined ? 'verplicht voor een gunningsbrief' : 'moet een tekst zijn') })
        .min(1)
        .max(TEXT_LIMITS.id)
        .openapi({ description: 'De geadresseerde inschrijving' }),
    }),
  ])
  .openapi('ReportInput', { discriminator: { propertyName: 'kind' } } as never);

const REPORT_RULES: RuleBeyondSchema[] = [{ path: 'bidId', rule: 'een inschrijving van deze aanbesteding' }];

const createdReport = { id: z.string(), kind: z.enum(REPORT_KINDS), bidId: z.string().nullable(), sha256: z.string(), url: z.string() };
const CreatedReport = z.object({ ...createdReport, signatureCheck: SignatureCheck }).openapi('CreatedReport');

// Its own shape rather than an extension of CreatedReport, which the generator writes as `allOf`.
export const ReportListItem = z
  .object({
    ...createdReport,
    createdAt: timestamp(),
    createdBy: z.string(),
    tenderId: z.string(),
    procedureId: z.string().nullable().openapi({ description: 'A report of a procedure (its tenderId is then its first lot)' }),
    addresseeKvk: z.string().nullable().openapi({ description: "The KvK number of the school a procedure's award letter is addressed to" }),
    signatureCheck: SignatureCheck.nullable().openapi({ description: 'Null for reports issued before the check was recorded' }),
  })
  .openapi('ReportListItem');

const DocumentProof = z
  .object({
    dossierSha256: z.string().openapi({ description: 'SHA-256 of the embedded dossier.json' }),
    dossierValid: z.boolean(),
    embeddedResultMatches: z.boolean().openapi({ description: "The engine's result from the embedded dossier equals the embedded evaluation.json" }),
    printedWinnerMatches: z.boolean().openapi({ description: 'The winner printed on the cover is the re-computed winner' }),
    printedRankingMatches: z.boolean().openapi({ description: 'The printed ranking table is the re-computed ranking' }),
    differences: z.array(z.object({ path: z.string(), stored: z.unknown().optional(), recomputed: z.unknown().optional() })),
    problems: z.array(z.string()),
  })
  .openapi('DocumentProof');

const ProcedureProof = z
  .object({
    procedureSha256: z.string().openapi({ description: 'SHA-256 of the embedded procedure.json' }),
    procedureValid: z.boolean(),
    embeddedResultMatches: z.boolean().openapi({ description: 'evaluateProcedure on the embedded procedure equals the embedded procedure-evaluation.json' }),
    differences: z.array(z.object({ path: z.string(), stored: z.unknown().optional(), recomputed: z.unknown().optional() })),
    problems: z.array(z.string()),
  })
  .openapi('ProcedureProof');

const DocumentContents = z
  .object({
    pdfa: z.string().nullable().openapi({ description: 'PDF/A part and conformance from the XMP, e.g. 3B' }),
    record: z.record(z.string(), z.string()).openapi({
      description:
        "What the document's XMP says of itself: purpose, reportId, tenderReference, tenderTitle, buyer, signer, signingCertificateSha256, dossierSha256",
    }),
    proof: DocumentProof.nullable().openapi({ description: 'The embedded dossier re-computed; null when the document embeds none (an award letter)' }),
    procedureProof: ProcedureProof.nullable().openapi({
      description: "A procedure's evaluation report: the embedded procedure.json re-computed against procedure-evaluation.json; null for any other document",
    }),
  })
  .openapi('DocumentContents');

const Verification = z
  .object({
    signatureValid: z.boolean(),
    coversWholeDocument: z.boolean(),
    knownReport: z.boolean().openapi({ description: 'The exact file is a report this server issued' }),
    reportId: z.string().nullable(),
    sha256: z.string(),
    signer: Signer.nullable(),
    padesLevel: PadesLevel.nullable().openapi({
      description: 'The PAdES baseline level the valid signature reaches; null when invalid or not PAdES (adbe.pkcs7.detached)',
    }),
    timestamp: SignatureTimestamp.nullable().openapi({ description: 'The verified RFC 3161 signature timestamp (B-T)' }),
    intact: z.boolean().openapi({
      description: 'A valid signature over the whole file and, for an evaluation report (of a tender or of a procedure), an embedded proof that holds',
    }),
    document: DocumentContents.nullable(),
    issuedSignatureCheck: SignatureCheck.nullable().openapi({ description: 'For a report this server issued: its signature as validated right after signing' }),
    problems: z.array(z.string()),
  })
  .openapi('ReportVerification');

const PDF_TYPES = ['application/pdf', 'application/octet-stream'];

const routes = {
  create: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/reports',
    tags,
    summary: 'Render and sign the evaluation report or an award letter (inkoper)',
    description:
      '409 while consensus scores are missing, and for an award letter before the award decision. ' +
      '503 (with Retry-After) when the timestamp authority (TSA_URL) fails: nothing is stored, try again.',
    request: { params: IdParams, body: jsonBody(ReportInput) },
    responses: {
      201: jsonContent(CreatedReport, 'The issued report'),
      ...problemResponses,
      ...invalidInput(REPORT_RULES),
      ...conflictResponse,
      ...unavailableResponse,
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/reports',
    tags,
    summary: 'The reports issued for the tender (inkoper, admin, auditor)',
    request: { params: IdParams },
    responses: { 200: jsonContent(z.array(ReportListItem), 'Issued reports, oldest first'), ...problemResponses },
  }),
  read: createRoute({
    method: 'get',
    path: '/api/v1/reports/{id}',
    tags,
    summary: "The signed PDF exactly as issued (members of the tender's organisation, auditors)",
    request: { params: IdParams },
    responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problemResponses },
  }),
  verify: createRoute({
    method: 'post',
    path: '/api/v1/reports/verify',
    tags,
    summary: "Check a PDF's signature cryptographically and whether this server issued it (anyone logged in)",
    request: { body: { required: true, content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } },
    responses: { 200: jsonContent(Verification, 'The verification'), ...problemResponses, 415: problemResponses[400] },
  }),
};

export function reportRoutes(ctx: AppContext) {
  const router = createRouter();
  // Binary in and out, which the typed `openapi()` handlers do not do: documented, served by hand.
  router.openAPIRegistry.registerPath(routes.read);
  router.openAPIRegistry.registerPath(routes.verify);
  router.get('/api/v1/reports/:id', (c) => {
    const parsed = IdParams.safeParse({ id: c.req.param('id') });
    if (!parsed.success) throw new AppError('invalid-input', { errors: [{ path: 'id', message: 'ongeldig rapportnummer' }] });
    const report = getReport(ctx, { actor: requireActor(c), id: parsed.data.id });
    return c.body(new Uint8Array(report.bytes), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${report.kind === 'evaluation' ? 'beoordelingsrapport' : 'gunningsbrief'}-${parsed.data.id}.pdf"`,
      'x-content-sha256': report.sha256,
    });
  });
  router.post('/api/v1/reports/verify', async (c) => {
    requireActor(c);
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!PDF_TYPES.includes(type)) {
      throw new AppError('unsupported-media-type', { detail: 'Stuur de PDF als body met Content-Type application/pdf.' });
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new AppError('invalid-input', { errors: [{ path: 'body', message: 'de PDF ontbreekt' }] });
    return c.json(await verifyReport(ctx, { bytes }), 200);
  });
  return router
    .openapi(routes.create, async (c) =>
      c.json(await createReport(ctx, { actor: requireActor(c), access: tenderAccessOf(c), input: c.req.valid('json') }), 201),
    )
    .openapi(routes.list, (c) => c.json(listReports(ctx, { access: tenderAccessOf(c) }), 200));
}
