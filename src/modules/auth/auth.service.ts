/**
 * @module
 * Logging in and out, and turning a credential into an `Actor`.
 *
 * Sessions live in the database as the SHA-256 of a random cookie value: every login makes
 * a new one (no session fixation), logout deletes it, and it ends after `sessionIdleMs`
 * without use or `sessionAbsoluteMs` after login, whichever comes first. A disabled account
 * cannot log in, and none of its credentials resolve.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
import type { Credentials } from '../../http/authenticate.js';
import { AppError } from '../../lib/app-error.js';
import { generateSecret, sha256Hex } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { revokeCallerToken } from './api-tokens.service.js';
import type { CredentialHolder } from './auth.queries.js';
import type { CachedToken } from './credential-cache.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';

export { SESSION_COOKIE } from '../../http/authenticate.js';

/** A session's `lastSeenAt` and a token's `lastUsedAt` are written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export type LoginResult = { sessionToken: string; expiresAt: number; actor: Actor };

/**
 * Counts a password check of `account` from `clientIp` with the app's one login limiter;
 * throws `rate-limited` (429 with `Retry-After`) when a limit is reached.
 */
export function takeLoginAttempt(ctx: AppContext, account: string, clientIp: string): void {
  const retryAfter = ctx.loginLimiter.takeAttempt(account, clientIp, ctx.clock().getTime());
  if (retryAfter !== null) {
    throw new AppError('rate-limited', {
      detail: 'too many login attempts; try again later',
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
}

/**
 * Checks the password and opens a new session. Unknown e-mail, wrong password and a disabled
 * account give the same 401 after the same scrypt work: the answer must not confirm a
 * guessed password of an account that an administrator has closed.
 */
export async function login(ctx: AppContext, { email, password, clientIp }: { email: string; password: string; clientIp: string }): Promise<LoginResult> {
  const normalisedEmail = email.trim().toLowerCase();
  takeLoginAttempt(ctx, normalisedEmail, clientIp);
  const user = ctx.queries.auth.findUserByEmail(normalisedEmail);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash(ctx.config.passwordHash)));
  if (user === undefined || !passwordOk || user.disabledAt !== null) {
    throw new AppError('unauthenticated', { detail: 'Het e-mailadres of het wachtwoord klopt niet.' });
  }
  ctx.loginLimiter.recordSuccess(normalisedEmail, clientIp);

  const sessionToken = generateSecret();
  const now = ctx.clock().getTime();
  const expiresAt = now + ctx.config.sessionAbsoluteMs;
  writeTransaction(ctx.db, () => {
    // The password was checked outside the transaction (scrypt is asynchronous): a password
    // change or a disable that committed meanwhile wins, or the old password would open a
    // session the change was meant to end.
    const current = ctx.queries.auth.findUserById(user.id);
    if (current === undefined || current.passwordHash !== user.passwordHash || current.disabledAt !== null) {
      throw new AppError('unauthenticated', { detail: 'Het e-mailadres of het wachtwoord klopt niet.' });
    }
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

/** Ends the credential the caller used: its session, or its bearer token. */
export function logout(ctx: AppContext, { actor }: { actor: Actor }): void {
  if (actor.via === 'token') {
    revokeCallerToken(ctx, { actor, reason: 'logout' });
    return;
  }
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

/**
 * The caller from an `Authorization` header or a session cookie, or null. A malformed or
 * unknown bearer token is an error rather than anonymous: a script should hear that its
 * token is wrong.
 */
export function resolveActor(ctx: AppContext, { authorization, sessionToken }: Credentials): Actor | null {
  const now = ctx.clock().getTime();
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const tokenHash = match?.[1] === undefined ? undefined : sha256Hex(match[1]);
    const token = tokenHash === undefined ? undefined : findTokenHolder(ctx, tokenHash, now);
    if (tokenHash === undefined || token === undefined || token.expiresAt <= now) {
      throw new AppError('unauthenticated', { detail: 'De API-sleutel is ongeldig of verlopen.' });
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

/**
 * The token's holder, from the credential cache while no user, membership or token changed:
 * a revoked token, or any token of a disabled user, is gone at the very next request, since
 * revoking and disabling write an audit event of no tender. Notes the use of a valid token,
 * at most once a minute.
 */
function findTokenHolder(ctx: AppContext, tokenHash: string, now: number): CachedToken | undefined {
  const version = String(ctx.queries.audit.findGeneralSeq());
  const cached = ctx.credentialCache.get(tokenHash, version);
  const token = cached ?? ctx.queries.auth.findTokenHolder(tokenHash);
  if (token === undefined) return undefined;
  const stale = token.expiresAt > now && (token.lastUsedAt === null || now - token.lastUsedAt >= TOUCH_INTERVAL_MS);
  if (stale) ctx.queries.auth.touchApiToken(tokenHash, now);
  if (cached !== undefined && !stale) return cached;
  // Shared by every request with this token until the version moves: nobody may change it.
  const entry = Object.freeze({ ...token, lastUsedAt: stale ? now : token.lastUsedAt, memberships: Object.freeze([...token.memberships]) as Membership[] });
  ctx.credentialCache.set(tokenHash, version, entry);
  return entry;
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
