/**
 * @module
 * Logging in and out, bearer tokens, and turning a credential into an `Actor`.
 *
 * Sessions live in the database as the SHA-256 of a random cookie value: every login makes
 * a new one (no session fixation), logout deletes it, and it ends after `sessionIdleMs`
 * without use or `sessionAbsoluteMs` after login, whichever comes first.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { generateSecret, newId, sha256Hex } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import type { CredentialHolder } from './auth.queries.js';
import type { CachedToken } from './credential-cache.js';
import type { LoginRateLimiter } from './login-rate-limit.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';

export const SESSION_COOKIE = 'gw_session';
const TOKEN_PREFIX = 'gwt_';

/** `lastSeenAt` is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export type LoginResult = { sessionToken: string; expiresAt: number; actor: Actor };

/**
 * Checks the password and opens a new session. Unknown e-mail and wrong password give the
 * same 401 after the same scrypt work.
 */
export async function login(
  ctx: AppContext,
  { email, password, clientIp, limiter }: { email: string; password: string; clientIp: string; limiter: LoginRateLimiter },
): Promise<LoginResult> {
  const normalisedEmail = email.trim().toLowerCase();
  const limiterKey = `${normalisedEmail}\u0000${clientIp}`;
  const retryAfter = limiter.takeAttempt(limiterKey, ctx.clock().getTime());
  if (retryAfter !== null) {
    throw new AppError('rate-limited', {
      detail: 'too many login attempts; try again later',
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
  const user = ctx.queries.auth.findUserByEmail(normalisedEmail);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash(ctx.config.passwordHash)));
  if (user === undefined || !passwordOk) {
    throw new AppError('unauthenticated', { detail: 'e-mail address or password is wrong' });
  }
  limiter.reset(limiterKey);

  const sessionToken = generateSecret();
  const now = ctx.clock().getTime();
  const expiresAt = now + ctx.config.sessionAbsoluteMs;
  writeTransaction(ctx.db, () => {
    ctx.queries.auth.deleteExpiredSessionsOfUser(user.id, now, ctx.config.sessionIdleMs);
    ctx.queries.auth.insertSession({
      tokenHash: sha256Hex(sessionToken),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    recordAuditEvent(ctx, {
      actorUserId: user.id,
      organisationId: null,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      // No IP address: the chain cannot be edited, so it holds no personal data it need not.
      change: null,
    });
  });
  const actor = loadActor(ctx, user.id, 'session', sha256Hex(sessionToken));
  if (actor === null) throw new AppError('internal');
  return { sessionToken, expiresAt, actor };
}

/** Ends the caller's session (a bearer token stays valid until it expires). */
export function logout(ctx: AppContext, { actor }: { actor: Actor }): void {
  if (actor.via !== 'session') return;
  writeTransaction(ctx.db, () => {
    ctx.queries.auth.deleteSession(actor.credentialHash);
    recordAuditEvent(ctx, {
      actorUserId: actor.userId,
      organisationId: null,
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
      change: null,
    });
  });
}

export type IssuedToken = { id: string; name: string; token: string; expiresAt: string };

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
 * The caller from an `Authorization` header or a session cookie, or null. A malformed or
 * unknown bearer token is an error rather than anonymous: a script should hear that its
 * token is wrong.
 */
export function resolveActor(
  ctx: AppContext,
  { authorization, sessionToken }: { authorization: string | undefined; sessionToken: string | undefined },
): Actor | null {
  const now = ctx.clock().getTime();
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const tokenHash = match?.[1] === undefined ? undefined : sha256Hex(match[1]);
    const token = tokenHash === undefined ? undefined : findTokenHolder(ctx, tokenHash);
    if (tokenHash === undefined || token === undefined || token.expiresAt <= now) {
      throw new AppError('unauthenticated', { detail: 'the bearer token is invalid or expired' });
    }
    return actorOf(token, 'token', tokenHash);
  }
  if (sessionToken === undefined || sessionToken === '') return null;
  const tokenHash = sha256Hex(sessionToken);
  const session = ctx.queries.auth.findSessionHolder(tokenHash);
  if (session === undefined) return null;
  if (session.expiresAt <= now || now - session.lastSeenAt >= ctx.config.sessionIdleMs) {
    ctx.queries.auth.deleteSession(tokenHash);
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) ctx.queries.auth.touchSession(tokenHash, now);
  return actorOf(session, 'session', tokenHash);
}

/** The token's holder, from the credential cache while no user, membership or token changed. */
function findTokenHolder(ctx: AppContext, tokenHash: string): CachedToken | undefined {
  const version = String(ctx.queries.audit.findGeneralSeq());
  const cached = ctx.credentialCache.get(tokenHash, version);
  if (cached !== undefined) return cached;
  const found = ctx.queries.auth.findTokenHolder(tokenHash);
  // Shared by every request with this token until the version moves: nobody may change it.
  if (found !== undefined) ctx.credentialCache.set(tokenHash, version, Object.freeze({ ...found, memberships: Object.freeze(found.memberships) as Membership[] }));
  return found;
}

function loadActor(ctx: AppContext, userId: string, via: Actor['via'], credentialHash: string): Actor | null {
  const user = ctx.queries.auth.findUserById(userId);
  if (user === undefined) return null;
  const memberships = ctx.queries.auth.listMembershipsOfUser(user.id);
  return actorOf({ userId: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin, memberships }, via, credentialHash);
}

function actorOf(holder: CredentialHolder, via: Actor['via'], credentialHash: string): Actor {
  const { userId, email, name, isPlatformAdmin, memberships } = holder;
  return { userId, email, name, isPlatformAdmin, memberships, via, credentialHash };
}
