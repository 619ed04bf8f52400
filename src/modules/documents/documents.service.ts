/**
 * @module
 * Receiving, listing and serving the documents of bids. An upload is judged before a byte of
 * it is read (the caller's role, the tender's status, the bid, the declared type and length),
 * then streamed: every piece goes through the SHA-256 and into 1 MiB chunk rows, and the
 * first and last bytes are checked for what the file claims to be. Only then does one write
 * transaction record the document with its audit event; an upload that fails on the way
 * leaves no chunk behind. A download streams the chunks out again (docs/two-envelopes.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/client.js';
import type { DocumentEnvelope, DocumentMediaType } from '../../db/schema/index.js';
import type { BidDocumentRef } from '../../domain/evaluation/dossier.js';
import { HEAD_BYTES, kindOfHead, pdfTailIsComplete, TAIL_BYTES, type FileKind } from '../../domain/documents/file-kind.js';
import { requireChangeAllowed } from '../tenders/tender-lifecycle.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import type { TenderAccess } from '../tenders/tender-access.js';
import { envelopeOpen, readableEnvelopes, requireEnvelopeOpen, requireMayReceiveDocuments } from './document-access.js';
import type { BidDocumentRow } from './documents.queries.js';
import { xlsxProblem } from './xlsx-structure.js';

/** Bytes per chunk row: large enough that a 25 MB file is 25 rows, small enough to hold two. */
export const CHUNK_BYTES = 1024 * 1024;
/** A price sheet is a small workbook, checked whole in memory (as the bid import's `fileBytes`). */
export const XLSX_MAX_BYTES = 5 * 1024 * 1024;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA_TYPE_OF: Record<FileKind, DocumentMediaType> = { pdf: 'application/pdf', xlsx: XLSX_MEDIA_TYPE };
const KIND_NAME: Record<FileKind, string> = { pdf: 'een PDF', xlsx: 'een .xlsx-werkmap' };

/** What the query string of an upload says. */
export type DocumentReceiptInput = {
  envelope: DocumentEnvelope;
  name: string;
  criterionId?: string | undefined;
  replaces?: string | undefined;
  reason?: string | undefined;
};

/** A document as the API lists it. */
export type BidDocumentView = {
  id: string;
  bidId: string;
  envelope: DocumentEnvelope;
  name: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  receivedAt: string;
  version: number;
  criterionId: string | null;
  replaces: string | null;
  reason: string | null;
  /** The document that replaced this one, or null for the current version. */
  replacedBy: string | null;
};

export function documentViewOf(row: BidDocumentRow, replacedBy: string | null): BidDocumentView {
  return {
    id: row.id,
    bidId: row.bidId,
    envelope: row.envelope,
    name: row.name,
    mediaType: row.mediaType,
    size: row.sizeBytes,
    sha256: row.sha256,
    receivedAt: row.receivedAt,
    version: row.version,
    criterionId: row.criterionId,
    replaces: row.replacesId,
    reason: row.reason,
    replacedBy,
  };
}

/** The views of `rows`, each knowing its successor. */
function viewsOf(rows: readonly BidDocumentRow[]): BidDocumentView[] {
  const successor = new Map(rows.flatMap((row) => (row.replacesId === null ? [] : [[row.replacesId, row.id] as const])));
  return rows.map((row) => documentViewOf(row, successor.get(row.id) ?? null));
}

/** The rows no later version replaces: each document as it stands now. */
export function currentDocuments(rows: readonly BidDocumentRow[]): BidDocumentRow[] {
  const replaced = new Set(rows.flatMap((row) => (row.replacesId === null ? [] : [row.replacesId])));
  return rows.filter((row) => !replaced.has(row.id));
}

/** What the audit event carries: the row as written, but the bytes (their hash stands for them). */
export function documentEventOf(row: BidDocumentRow): Omit<BidDocumentRow, 'receivedBy' | 'tenderId'> {
  const { receivedBy: _by, tenderId: _tender, ...rest } = row;
  return rest;
}

type ReceiptPlan = { kind: FileKind; maxBytes: number; input: DocumentReceiptInput; bidId: string };

/** `text/x; charset=...` -> `text/x`. */
const bareType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Everything an upload can be refused for before its body is read: the role, the status, the
 * bid, the replaced document, the declared type and length. The general body limit is lifted
 * for this route alone (app.ts), so this must run first.
 */
export function planReceipt(
  ctx: AppContext,
  {
    access,
    bidId,
    input,
    contentType,
    contentLength,
  }: { access: TenderAccess; bidId: string; input: DocumentReceiptInput; contentType: string | undefined; contentLength: string | undefined },
): ReceiptPlan {
  requireMayReceiveDocuments(access);
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) throw new AppError('not-found');
  requireReceiptState(ctx, tender.id, tender.status, bidId, input);
  const type = bareType(contentType);
  const kind = (Object.keys(MEDIA_TYPE_OF) as FileKind[]).find((k) => MEDIA_TYPE_OF[k] === type);
  if (kind === undefined) {
    throw new AppError('unsupported-media-type', {
      detail: `Stuur het document als body met Content-Type application/pdf${input.envelope === 'price' ? ` of ${XLSX_MEDIA_TYPE}` : ''}.`,
    });
  }
  if (input.envelope === 'quality' && kind !== 'pdf') {
    throw new AppError('unsupported-media-type', { detail: 'De kwaliteitsenvelop bevat alleen PDF-bestanden (application/pdf).' });
  }
  const maxBytes = kind === 'xlsx' ? Math.min(XLSX_MAX_BYTES, ctx.config.documentMaxBytes) : ctx.config.documentMaxBytes;
  const length = contentLength === undefined ? undefined : Number.parseInt(contentLength, 10);
  if (length !== undefined && length > maxBytes) throw tooLarge(maxBytes);
  return { kind, maxBytes, input, bidId };
}

/**
 * The page's upload (a multipart form, whose fields say the envelope, criterion and replaced
 * document) before a byte of its body is read: the role, the tender, the bid, a state that
 * takes documents at all, and the declared length against the limit plus `slack` for the
 * form's other parts. `planReceipt` follows with the form's fields, before the file streams.
 */
export function precheckFormReceipt(
  ctx: AppContext,
  { access, bidId, contentLength, slack }: { access: TenderAccess; bidId: string; contentLength: string | undefined; slack: number },
): void {
  requireMayReceiveDocuments(access);
  const tender = ctx.queries.tenders.findTender(access.tender.id);
  if (tender === undefined) throw new AppError('not-found');
  if (ctx.queries.tenders.findBid(tender.id, bidId) === undefined)
    throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet in deze aanbesteding.` });
  // Replacements are allowed longest (draft and open); the exact rule follows in planReceipt.
  requireChangeAllowed(tender.status, 'document-replacements');
  const length = contentLength === undefined ? undefined : Number.parseInt(contentLength, 10);
  if (length !== undefined && length > ctx.config.documentMaxBytes + slack) throw tooLarge(ctx.config.documentMaxBytes);
}

const MIB = 1024 * 1024;
const tooLarge = (maxBytes: number) =>
  new AppError('payload-too-large', { detail: `Het document is groter dan ${Math.floor((maxBytes / MIB) * 10) / 10} MiB, het maximum.` });

/** The status, the bid, the criterion and the replaced document allow this receipt. */
function requireReceiptState(
  ctx: AppContext,
  tenderId: string,
  status: Parameters<typeof requireChangeAllowed>[0],
  bidId: string,
  input: DocumentReceiptInput,
): BidDocumentRow | undefined {
  if (ctx.queries.tenders.findBid(tenderId, bidId) === undefined)
    throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet in deze aanbesteding.` });
  if (input.criterionId !== undefined) {
    if (input.envelope !== 'quality') {
      throw new AppError('invalid-input', {
        detail: 'Alleen een document in de kwaliteitsenvelop hoort bij een criterium.',
        errors: [{ path: 'query.criterionId', message: 'alleen bij envelope=quality' }],
      });
    }
    if (!ctx.queries.tenders.listCriteria(tenderId).some((c) => c.id === input.criterionId)) {
      throw new AppError('invalid-input', {
        detail: `Criterium ${input.criterionId} bestaat niet in deze aanbesteding.`,
        errors: [{ path: 'query.criterionId', message: 'onbekend criterium' }],
      });
    }
  }
  if (input.replaces === undefined) {
    if (input.reason !== undefined) {
      throw new AppError('invalid-input', {
        detail: 'Een reden hoort bij een vervanging (replaces).',
        errors: [{ path: 'query.reason', message: 'alleen met replaces' }],
      });
    }
    requireChangeAllowed(status, 'bid-documents');
    return undefined;
  }
  requireChangeAllowed(status, 'document-replacements');
  if (input.reason === undefined) {
    throw new AppError('invalid-input', {
      detail: 'Een vervanging vraagt een reden (reason): waarom het vorige bestand niet het juiste was.',
      errors: [{ path: 'query.reason', message: 'verplicht bij replaces' }],
    });
  }
  const replaced = ctx.queries.documents.findDocument(tenderId, input.replaces);
  if (replaced === undefined || replaced.bidId !== bidId) {
    throw new AppError('invalid-input', {
      detail: `Document ${input.replaces} is geen document van inschrijving ${bidId}.`,
      errors: [{ path: 'query.replaces', message: 'onbekend document' }],
    });
  }
  if (replaced.envelope !== input.envelope) {
    throw new AppError('invalid-input', {
      detail: 'Een vervanging blijft in dezelfde envelop als het document dat zij vervangt.',
      errors: [{ path: 'query.envelope', message: `moet ${replaced.envelope} zijn` }],
    });
  }
  // A two-envelope bid's price envelope is sealed when the bids are opened: replacing it then
  // would change a price nobody may yet read, so it is refused from the opening on.
  if (replaced.envelope === 'price' && ctx.queries.tenders.findTender(tenderId)?.envelopes === 'two') {
    throw new AppError('conflict', {
      detail:
        'De prijsenvelop van een inschrijving is bij de opening verzegeld; zij wordt niet meer vervangen. Een kennelijke verschrijving in de prijs wordt na de prijsopening gecorrigeerd.',
    });
  }
  const successor = ctx.queries.documents.findReplacement(replaced.id);
  if (successor !== undefined) {
    throw new AppError('conflict', { detail: `Document ${replaced.id} is al vervangen door ${successor}; vervang de nieuwste versie.` });
  }
  return replaced;
}

/** Streams `body` into chunk rows of `documentId`; answers the hash, the size and what the bytes are. */
async function streamIntoChunks(
  ctx: AppContext,
  documentId: string,
  body: ReadableStream<Uint8Array>,
  plan: ReceiptPlan,
): Promise<{ sha256: string; size: number; whole: Buffer | null }> {
  const hash = createHash('sha256');
  const q = ctx.queries.documents;
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  // A workbook is checked whole (its directory is at the end); it is at most XLSX_MAX_BYTES.
  const whole: Buffer[] | null = plan.kind === 'xlsx' ? [] : null;
  const flush = (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending, pendingBytes);
      const chunk = joined.subarray(0, Math.min(CHUNK_BYTES, joined.length));
      q.insertChunk(documentId, seq, Buffer.from(chunk));
      seq += 1;
      const rest = joined.subarray(chunk.length);
      pending = rest.length === 0 ? [] : [Buffer.from(rest)];
      pendingBytes = rest.length;
    }
  };
  for await (const piece of body as unknown as AsyncIterable<Uint8Array>) {
    const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    size += bytes.length;
    if (size > plan.maxBytes) throw tooLarge(plan.maxBytes);
    if (head.length < HEAD_BYTES) {
      head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
      if (head.length === HEAD_BYTES && kindOfHead(head) !== plan.kind) throw notA(plan.kind);
    }
    hash.update(bytes);
    pending.push(Buffer.from(bytes));
    pendingBytes += bytes.length;
    whole?.push(Buffer.from(bytes));
    const joinedTail = Buffer.concat([tail, bytes.length > TAIL_BYTES ? bytes.subarray(bytes.length - TAIL_BYTES) : bytes]);
    tail = Buffer.from(joinedTail.subarray(Math.max(0, joinedTail.length - TAIL_BYTES)));
    flush(false);
  }
  flush(true);
  if (size === 0) throw new AppError('invalid-input', { detail: 'Het document is leeg.', errors: [{ path: 'body', message: 'het bestand is leeg' }] });
  if (head.length < HEAD_BYTES || kindOfHead(head) !== plan.kind) throw notA(plan.kind);
  if (plan.kind === 'pdf' && !pdfTailIsComplete(tail)) {
    throw new AppError('unsupported-media-type', {
      detail: 'De PDF is onvolledig: het slot van het bestand (startxref en %%EOF) ontbreekt. Stuur het hele bestand opnieuw.',
    });
  }
  const workbook = whole === null ? null : Buffer.concat(whole);
  if (workbook !== null) {
    const problem = await xlsxProblem(workbook);
    if (problem !== null) throw new AppError('unsupported-media-type', { detail: problem });
  }
  return { sha256: hash.digest('hex'), size, whole: workbook };
}

const notA = (kind: FileKind) =>
  new AppError('unsupported-media-type', {
    detail: `Het bestand is geen ${KIND_NAME[kind].replace(/^een /, '')}: de eerste bytes zijn niet die van ${KIND_NAME[kind]}.`,
  });

/**
 * `POST .../bids/:bidId/documents`: receives one document; `planReceipt` has already run.
 * @example const view = await receiveBidDocument(ctx, { actor, access, plan, body: c.req.raw.body });
 */
export async function receiveBidDocument(
  ctx: AppContext,
  { actor, access, plan, body }: { actor: Actor; access: TenderAccess; plan: ReceiptPlan; body: ReadableStream<Uint8Array> | null },
): Promise<BidDocumentView> {
  if (body === null) throw new AppError('invalid-input', { detail: 'Het document is leeg.', errors: [{ path: 'body', message: 'het bestand is leeg' }] });
  const id = randomUUID();
  try {
    const { sha256, size } = await streamIntoChunks(ctx, id, body, plan);
    return writeTransaction(ctx.db, () => {
      const tender = ctx.queries.tenders.findTender(access.tender.id);
      if (tender === undefined) throw new AppError('not-found');
      // Again inside the transaction: the status or the replaced document may have moved while the body streamed.
      const replaced = requireReceiptState(ctx, tender.id, tender.status, plan.bidId, plan.input);
      const row: BidDocumentRow = {
        id,
        tenderId: tender.id,
        bidId: plan.bidId,
        envelope: plan.input.envelope,
        name: plan.input.name,
        mediaType: MEDIA_TYPE_OF[plan.kind],
        sizeBytes: size,
        sha256,
        criterionId: plan.input.criterionId ?? null,
        version: replaced === undefined ? 1 : replaced.version + 1,
        replacesId: replaced?.id ?? null,
        reason: plan.input.reason ?? null,
        receivedAt: ctx.clock().toISOString(),
        receivedBy: actor.userId,
      };
      ctx.queries.documents.insertDocument(row);
      recordAuditEvent(ctx, {
        actorUserId: actor.userId,
        organisationId: tender.organisationId,
        action: 'bid-document.receive',
        entityType: 'bid-document',
        entityId: `${tender.id}/${plan.bidId}/${id}`,
        tenderId: tender.id,
        change: { after: documentEventOf(row) },
      });
      return documentViewOf(row, null);
    });
  } catch (error) {
    ctx.queries.documents.deleteChunks(id);
    throw error;
  }
}

/** `GET .../bids/:bidId/documents`: every version, in the envelopes the caller may read. */
export function listBidDocuments(ctx: AppContext, { actor, access, bidId }: { actor: Actor; access: TenderAccess; bidId: string }): BidDocumentView[] {
  const envelopes = readableEnvelopes(ctx, access, actor);
  if (ctx.queries.tenders.findBid(access.tender.id, bidId) === undefined)
    throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet in deze aanbesteding.` });
  return viewsOf(ctx.queries.documents.listDocuments(access.tender.id)).filter((d) => d.bidId === bidId && envelopes.has(d.envelope));
}

/** Every document of the tender the caller may read (the scoring page, the report). */
export function listTenderDocuments(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): BidDocumentView[] {
  const envelopes = readableEnvelopes(ctx, access, actor);
  return viewsOf(ctx.queries.documents.listDocuments(access.tender.id)).filter((d) => envelopes.has(d.envelope));
}

/**
 * The documents the exported dossier names per bid (`bids[].documents`, issue 20): every
 * version the caller may read in the tender's state (`readableEnvelopes`, and a price
 * envelope only where its bytes would be served, `requireEnvelopeOpen`): the quality envelope
 * first, then the price envelope, each in order of receipt and version.
 */
export function dossierDocumentsOf(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): Map<string, BidDocumentRef[]> {
  const priceOpen = envelopeOpen(ctx, access, 'price');
  const byBid = new Map<string, BidDocumentRef[]>();
  const order = (d: BidDocumentView) => [d.envelope === 'quality' ? 0 : 1, d.receivedAt, d.name, d.version] as const;
  const sorted = listTenderDocuments(ctx, { actor, access }).sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1].localeCompare(y[1]) || x[2].localeCompare(y[2]) || x[3] - y[3];
  });
  for (const d of sorted) {
    if (d.envelope === 'price' && !priceOpen) continue;
    byBid.set(d.bidId, [...(byBid.get(d.bidId) ?? []), { name: d.name, size: d.size, sha256: d.sha256, envelope: d.envelope, version: d.version }]);
  }
  return byBid;
}

/**
 * `GET .../bids/:bidId/documents/:documentId`: the document and its bytes as a stream, one
 * chunk row at a time. A document of an envelope the caller may not read does not exist (404).
 */
export function openBidDocument(
  ctx: AppContext,
  { actor, access, bidId, documentId }: { actor: Actor; access: TenderAccess; bidId: string; documentId: string },
): { document: BidDocumentView; body: ReadableStream<Uint8Array> } {
  const envelopes = readableEnvelopes(ctx, access, actor);
  const row = ctx.queries.documents.findDocument(access.tender.id, documentId);
  if (row === undefined || row.bidId !== bidId || !envelopes.has(row.envelope)) throw new AppError('not-found', { detail: `document ${documentId} not found` });
  requireEnvelopeOpen(ctx, access, row.envelope);
  const q = ctx.queries.documents;
  let seq = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = q.findChunk(row.id, seq);
        seq += 1;
        if (chunk === undefined) controller.close();
        else controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      },
    },
    // One chunk ahead at most: memory stays near two chunks whatever the file's size.
    { highWaterMark: 1 },
  );
  return { document: documentViewOf(row, q.findReplacement(row.id) ?? null), body };
}

declare module '../../http/types.js' {
  interface AppConfig {
    /** The largest bid document accepted, in bytes (`DOCUMENT_MAX_BYTES`, default 25 MB). */
    documentMaxBytes: number;
  }
}

/**
 * At the server's start, before it takes requests: the chunks of uploads that a crash or a
 * kill interrupted. Nothing points at them (the document row is written last, in the
 * transaction with its audit event), so they are never served; they only take space. Only
 * at the start: while the server runs, such chunks may be an upload in progress.
 * @example removeInterruptedUploads(ctx) // 3 (chunk rows removed)
 */
export function removeInterruptedUploads(ctx: AppContext): number {
  const removed = ctx.queries.documents.deleteOrphanChunks();
  if (removed > 0) ctx.logger.info('delen van onderbroken documentuploads verwijderd', { chunks: removed });
  return removed;
}
