/**
 * @module
 * Bearer tokens for scripts: issuing one, listing and revoking one's own. Only a token's
 * SHA-256 is stored, so the secret is shown once, at issue, and never listed. A token is
 * its owner's alone: another user's token id answers 404, as an unknown one does, whoever
 * asks (an administrator disables a user instead, which revokes all of them).
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { generateSecret, newId, sha256Hex } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import type { ApiTokenView } from './auth.queries.js';

const TOKEN_PREFIX = 'gwt_';

export type IssuedToken = { id: string; name: string; token: string; expiresAt: string };

/** A token as its owner sees it in the list, times in ISO 8601. */
export type TokenSummary = { id: string; name: string; createdAt: string; expiresAt: string; lastUsedAt: string | null };

/** Why a token ended, as the audit event records it. */
export type TokenRevocationReason = 'revoke' | 'logout';

/** A bearer token for scripts; only its hash is stored, so it is shown this once. */
export function issueApiToken(ctx: AppContext, { actor, name }: { actor: Actor; name: string }): IssuedToken {
  const token = generateSecret(TOKEN_PREFIX);
  const now = ctx.clock().getTime();
  const row = {
    id: newId(),
    tokenHash: sha256Hex(token),
    userId: actor.userId,
    name,
    createdAt: now,
    expiresAt: now + ctx.config.tokenLifetimeMs,
    lastUsedAt: null,
  };
  writeTransaction(ctx.db, () => {
    ctx.queries.auth.insertApiToken(row);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: null,
      action: 'auth.token.create',
      entityType: 'api-token',
      entityId: row.id,
      change: { after: { name, expiresAt: new Date(row.expiresAt).toISOString() } },
    });
  });
  return { id: row.id, name, token, expiresAt: new Date(row.expiresAt).toISOString() };
}

/**
 * The caller's own tokens, oldest first, expired ones included (their `expiresAt` says so).
 * @example listApiTokens(ctx, { actor }) // [{ id, name: 'import script', createdAt, expiresAt, lastUsedAt: null }]
 */
export function listApiTokens(ctx: AppContext, { actor }: { actor: Actor }): TokenSummary[] {
  return ctx.queries.auth.listApiTokensOfUser(actor.userId).map(toSummary);
}

/** Revokes one of the caller's tokens; another user's token, or an unknown id, is 404. */
export function revokeApiToken(ctx: AppContext, { actor, tokenId }: { actor: Actor; tokenId: string }): void {
  writeTransaction(ctx.db, () => {
    const token = ctx.queries.auth.deleteApiTokenOfUser(actor.userId, tokenId);
    if (token === undefined) throw new AppError('not-found', { detail: 'Deze API-sleutel bestaat niet.' });
    recordTokenRevocation(ctx, { actorUserId: actor.userId, token, reason: 'revoke' });
  });
}

/** Revokes the token the caller authenticated with (`POST /auth/logout` with a bearer token). */
export function revokeCallerToken(ctx: AppContext, { actor, reason }: { actor: Actor; reason: TokenRevocationReason }): void {
  if (actor.via !== 'token') return;
  writeTransaction(ctx.db, () => {
    const token = ctx.queries.auth.deleteApiTokenByHash(actor.credentialHash);
    if (token !== undefined) recordTokenRevocation(ctx, { actorUserId: actor.userId, token, reason });
  });
}

/**
 * The audit event of a revoked token. An event of no tender: it moves the credential
 * cache's version, so the token stops working at the very next request.
 */
function recordTokenRevocation(
  ctx: AppContext,
  { actorUserId, token, reason }: { actorUserId: string; token: ApiTokenView; reason: TokenRevocationReason },
): void {
  recordAuditEvent(ctx, {
    actorUserId,
    organisationId: null,
    action: 'auth.token.revoke',
    entityType: 'api-token',
    entityId: token.id,
    change: { before: { name: token.name, expiresAt: new Date(token.expiresAt).toISOString() }, reason },
  });
}

function toSummary(token: ApiTokenView): TokenSummary {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: token.id,
    name: token.name,
    createdAt: iso(token.createdAt),
    expiresAt: iso(token.expiresAt),
    lastUsedAt: token.lastUsedAt === null ? null : iso(token.lastUsedAt),
  };
}
