/**
 * @module
 * `GET /api/v1/audit/verify` (inkoper, auditor): re-computes the whole chain.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireActor } from '../../http/authenticate.js';
import { createRouter, jsonContent, problemResponses } from '../../http/router.js';
import type { AppContext } from '../../http/types.js';
import { assertMayVerifyAuditTrail, verifyAuditTrail } from './audit.service.js';

export const AuditVerification = z
  .object({
    valid: z.boolean(),
    events: z.number().int().openapi({ description: 'Events read, up to and including the first broken one' }),
    head: z.string().openapi({ description: 'Hash of the last intact event' }),
    firstBroken: z.number().int().nullable().openapi({ description: '`seq` of the first event that does not verify' }),
  })
  .openapi('AuditVerification');

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/verify',
  tags: ['audit'],
  summary: 'Re-compute the hash chain of the audit trail',
  responses: { 200: jsonContent(AuditVerification, 'The outcome'), ...problemResponses },
});

export function auditRoutes(ctx: AppContext) {
  return createRouter().openapi(verifyRoute, (c) => {
    assertMayVerifyAuditTrail(requireActor(c));
    return c.json(verifyAuditTrail(ctx), 200);
  });
}
