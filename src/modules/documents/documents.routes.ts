/**
 * @module
 * `/api/v1/tenders/:id/bids/:bidId/documents`: receiving a bid's documents (the file is the
 * body), listing them, and serving one. Scoped by `tenderScope`; the upload's larger body
 * limit applies only once `planReceipt` has accepted the caller (app.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DOCUMENT_ENVELOPES, DOCUMENT_MEDIA_TYPES } from '../../db/schema/index.js';
import { TEXT_LIMITS } from '../../domain/text/text-limits.js';
import { multiLineText, singleLineText } from '../../domain/text/text-fields.js';
import { requireActor } from '../../http/authenticate.js';
import { timestamp } from '../../http/documented.js';
import type { RuleBeyondSchema } from '../../domain/rules-beyond-schema.js';
import { conflictResponse, createRouter, IdParams, invalidInput, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { tenderAccessOf } from '../tenders/tender-access.js';
import { listBidDocuments, openBidDocument, planReceipt, receiveBidDocument, XLSX_MEDIA_TYPE } from './documents.service.js';

const tags = ['documents'];
const localId = z.string().min(1).max(TEXT_LIMITS.id);

const BidParams = IdParams.extend({ bidId: localId.openapi({ param: { name: 'bidId', in: 'path' } }) });
const DocumentParams = BidParams.extend({
  documentId: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.serverId)
    .openapi({ param: { name: 'documentId', in: 'path' } }),
});

export const ReceiptQuery = z.strictObject({
  envelope: z
    .enum(DOCUMENT_ENVELOPES)
    .openapi({ param: { name: 'envelope', in: 'query' }, description: 'quality: the plan (PDF); price: the price sheet (PDF or .xlsx)' }),
  name: singleLineText('de bestandsnaam', TEXT_LIMITS.name)
    .min(1)
    .openapi({ param: { name: 'name', in: 'query' }, description: 'The file name as the bidder gave it' }),
  criterionId: localId.optional().openapi({ param: { name: 'criterionId', in: 'query' }, description: 'The criterion a quality document answers' }),
  replaces: z
    .string()
    .min(1)
    .max(TEXT_LIMITS.serverId)
    .optional()
    .openapi({ param: { name: 'replaces', in: 'query' }, description: 'The id of the document this one replaces (a new version; the old one stays)' }),
  reason: multiLineText('de reden', TEXT_LIMITS.remark)
    .min(1)
    .optional()
    .openapi({ param: { name: 'reason', in: 'query' }, description: 'Why the replaced document was replaced; required with replaces' }),
});

const DownloadQuery = z.strictObject({
  download: z
    .enum(['1'])
    .optional()
    .openapi({ param: { name: 'download', in: 'query' }, description: '1: as an attachment instead of inline' }),
});

export const BidDocumentSchema = z
  .object({
    id: z.string(),
    bidId: z.string(),
    envelope: z.enum(DOCUMENT_ENVELOPES),
    name: z.string(),
    mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
    size: z.number().int().openapi({ description: 'Bytes' }),
    sha256: z.string().openapi({ description: 'Hex SHA-256 of the bytes, computed at receipt' }),
    receivedAt: timestamp(),
    version: z.number().int(),
    criterionId: z.string().nullable(),
    replaces: z.string().nullable(),
    reason: z.string().nullable(),
    replacedBy: z.string().nullable().openapi({ description: 'The newer version, or null for the current one' }),
  })
  .openapi('BidDocument');

const binary = z.string().openapi({ format: 'binary' });

/** What `planReceipt` checks against the tender and the bid's earlier documents, beyond the schema. */
const RECEIPT_RULES: RuleBeyondSchema[] = [
  { path: 'query.criterionId', rule: 'een criterium van deze aanbesteding, en alleen bij envelope=quality' },
  { path: 'query.reason', rule: 'verplicht bij replaces, en alleen met replaces' },
  { path: 'query.replaces', rule: 'een document van dezelfde inschrijving, de nieuwste versie' },
  { path: 'query.envelope', rule: 'bij een vervanging de envelop van het vervangen document' },
  { path: 'body', rule: 'het bestand; niet leeg' },
];

const routes = {
  receive: createRoute({
    method: 'post',
    path: '/api/v1/tenders/{id}/bids/{bidId}/documents',
    tags,
    summary: 'Receive a document of a bid (inkoper; draft, a replacement also while open); the file is the body',
    request: {
      params: BidParams,
      query: ReceiptQuery,
      body: { required: true, content: { 'application/pdf': { schema: binary }, [XLSX_MEDIA_TYPE]: { schema: binary } } },
    },
    responses: {
      201: jsonContent(BidDocumentSchema, 'The document as recorded'),
      ...problemResponses,
      ...invalidInput(RECEIPT_RULES),
      ...conflictResponse,
      413: { ...problemResponses[400], description: 'Larger than the document limit' },
      415: { ...problemResponses[400], description: 'Not a PDF or .xlsx, or not a whole one' },
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/bids/{bidId}/documents',
    tags,
    summary: 'The documents of a bid, every version (inkoper, auditor; a beoordelaar on the panel, after its declaration, the quality envelope only)',
    request: { params: BidParams },
    responses: { 200: jsonContent(z.array(BidDocumentSchema), 'Documents'), ...problemResponses },
  }),
  get: createRoute({
    method: 'get',
    path: '/api/v1/tenders/{id}/bids/{bidId}/documents/{documentId}',
    tags,
    summary: 'The bytes of one document (as the list; a document the caller may not read is 404)',
    request: { params: DocumentParams, query: DownloadQuery },
    responses: {
      200: { description: 'The file', content: { 'application/pdf': { schema: binary }, [XLSX_MEDIA_TYPE]: { schema: binary } } },
      ...problemResponses,
    },
  }),
};

/** `attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf` (RFC 6266), the ASCII name without quotes or controls. */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The response headers of a served document: never sniffed, never a page (sandboxed). */
export function documentHeaders(document: { mediaType: string; size: number; name: string }, download: boolean): Record<string, string> {
  return {
    'content-type': document.mediaType,
    'content-length': String(document.size),
    'content-disposition': contentDisposition(document.name, download || document.mediaType !== 'application/pdf' ? 'attachment' : 'inline'),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
  };
}

export function documentRoutes(ctx: AppContext) {
  return createRouter()
    .openapi(routes.receive, async (c) => {
      const access = tenderAccessOf(c);
      const actor = requireActor(c);
      // Before a byte of the body is read: who, which tender state, which bid, which type and length.
      const plan = planReceipt(ctx, {
        access,
        bidId: c.req.valid('param').bidId,
        input: c.req.valid('query'),
        contentType: c.req.header('content-type'),
        contentLength: c.req.header('content-length'),
      });
      return c.json(await receiveBidDocument(ctx, { actor, access, plan, body: c.req.raw.body }), 201);
    })
    .openapi(routes.list, (c) => c.json(listBidDocuments(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId: c.req.valid('param').bidId }), 200))
    .openapi(routes.get, (c) => {
      const { bidId, documentId } = c.req.valid('param');
      const { document, body } = openBidDocument(ctx, { actor: requireActor(c), access: tenderAccessOf(c), bidId, documentId });
      return c.body(body, 200, documentHeaders(document, c.req.valid('query').download === '1')) as never;
    });
}
