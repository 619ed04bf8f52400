/**
 * @module
 * `GET /api/v1/audit/verify` (inkoper, auditor): re-computes the whole chain, checks it
 * against the heads the server signed, and the state tables against the chain.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { createRouter, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { timestamp } from '../../http/documented.js';
import { assertMayVerifyAuditTrail, describeVerification, verifyAuditTrail } from './audit.service.js';

const AnchorCheckSchema = z
  .object({
    status: z.enum(['verified', 'none', 'broken', 'not-checked']).openapi({
      description:
        '`verified`: every signed head that could be checked matches the chain; `none`: no head signed with a configured certificate yet; ' +
        '`broken`: a signed head does not verify or the chain no longer matches it; `not-checked`: the chain itself is broken',
    }),
    anchors: z.number().int().openapi({ description: 'Signed heads stored' }),
    verified: z.number().int().openapi({ description: 'Signed heads whose signature verified with a configured certificate' }),
    unverifiable: z
      .number()
      .int()
      .openapi({ description: 'Signed heads of a certificate the server is not configured with (neither trusted nor held against the chain)' }),
    unverifiableCertificates: z.array(z.string()).openapi({ description: 'SHA-256 fingerprints of those certificates' }),
    newest: z
      .object({ seq: z.number().int(), head: z.string(), at: timestamp(), reason: z.string(), certificateFingerprint: z.string() })
      .nullable()
      .openapi({ description: 'The newest signed head that verified' }),
    problem: z
      .object({
        anchorId: z.number().int(),
        seq: z.number().int(),
        kind: z.enum(['signature', 'hash', 'beyond-end']),
        description: z.string().openapi({ description: 'In Dutch' }),
      })
      .nullable()
      .openapi({ description: 'The first signed head that does not hold (lowest seq)' }),
    unanchoredEvents: z.number().int().openapi({ description: 'Events after the newest signed head: no signature covers them yet' }),
    unanchoredSince: timestamp().nullable().openapi({ description: 'When the first of those was written' }),
  })
  .openapi('AuditAnchorCheck');

const StateMismatchSchema = z
  .object({
    table: z.string().openapi({ description: 'SQL table, e.g. `bids`' }),
    key: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).openapi({ description: "The row's primary key by SQL column" }),
    column: z.string().nullable().openapi({ description: 'The SQL column that differs; null for a row without event or a missing row' }),
    problem: z.enum(['different', 'no-event', 'missing']),
    seq: z.number().int().nullable().openapi({
      description: 'The event that set the differing column last (for a missing row: the newest event about it); null for a row no event describes',
    }),
    description: z.string().openapi({ description: 'In Dutch' }),
  })
  .openapi('AuditStateMismatch');

export const AuditVerification = z
  .object({
    valid: z.boolean().openapi({ description: 'The chain is intact, no signed head is broken and every state row is what its newest event says' }),
    events: z.number().int().openapi({ description: 'Events read, up to and including the first broken one' }),
    head: z.string().openapi({ description: 'Hash of the last intact event' }),
    firstBroken: z.number().int().nullable().openapi({ description: '`seq` of the first event that does not verify' }),
    anchor: AnchorCheckSchema,
    stateMismatch: StateMismatchSchema.nullable().openapi({ description: 'The first state row that is not what its newest event says (values are not shown)' }),
    state: z
      .object({
        rows: z.number().int().openapi({ description: 'Rows compared with their newest event' }),
        unchecked: z.number().int().openapi({ description: 'Rows that could not be compared (events of an older version or of an unknown action)' }),
        unknownActions: z.array(z.string()),
      })
      .nullable()
      .openapi({ description: 'Null when the chain is broken' }),
  })
  .openapi('AuditVerification');

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/verify',
  tags: ['audit'],
  summary: 'Re-compute the hash chain of the audit trail, check it against its signed heads and the state tables against it',
  responses: { 200: jsonContent(AuditVerification, 'The outcome'), ...problemResponses },
});

export function auditRoutes(ctx: AppContext) {
  return createRouter().openapi(verifyRoute, (c) => {
    assertMayVerifyAuditTrail(requireActor(c));
    return c.json(describeVerification(verifyAuditTrail(ctx)), 200);
  });
}
