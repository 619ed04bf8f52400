/**
 * @module
 * The signature of an issued report as the API shows it: validated right after signing
 * (`reports.signatureCheck`, the `report.created` audit event) and again by `verify`. One
 * schema, shared by the report routes and the audit events.
 */
import { z } from '@hono/zod-openapi';
import { timestamp } from '../../http/documented.js';

export const Signer = z.object({ subject: z.string(), fingerprintSha256: z.string() });
export const SignatureTimestamp = z.object({
  time: timestamp().openapi({ description: 'De tijd van de tijdstempelautoriteit (RFC 3161 genTime)' }),
  authority: Signer,
});
export const PadesLevel = z.enum(['B-B', 'B-T']);

export const SignatureCheck = z
  .object({
    validatedAt: timestamp().openapi({ description: 'When the signature was validated, right after signing' }),
    valid: z.boolean().openapi({ description: 'The result: the signature verified and covered the whole file' }),
    padesLevel: PadesLevel.nullable(),
    signer: Signer.nullable().openapi({ description: "Who signed: the certificate's subject and SHA-256 fingerprint" }),
    timestamp: SignatureTimestamp.nullable(),
    problems: z.array(z.string()),
  })
  .openapi('SignatureCheck', { description: 'The signature as validated when the report was issued (Archiefregeling)' });
