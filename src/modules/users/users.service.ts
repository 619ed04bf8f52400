/**
 * @module
 * Creating users: the platform administrator for any organisation, an organisation's
 * `admin` for its own. And the first platform administrator of an empty database.
 */
import { writeTransaction } from '../../db/client.js';
import type { Actor, AppContext, Membership } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { generateSecret, newId } from '../../lib/secrets.js';
import { recordAuditEvent } from '../audit/audit.service.js';
import { GENERATED_PASSWORD_LENGTH, hashPassword, hashPasswordUsing, type PreparedPassword } from '../auth/passwords.js';
import { assertMayCreateUsers } from './user-access.js';

export type CreateUserInput = { email: string; name: string; password: string; memberships: Membership[] };

/** The platform administrator's display name (the account is made before anyone could name it). */
const PLATFORM_ADMIN_NAME = 'Platformbeheerder';

export type UserView = { id: string; email: string; name: string; isPlatformAdmin: boolean; memberships: Membership[] };

/**
 * @example await createUser(ctx, { actor, input: { email, name, password, memberships: [{ organisationId, role: 'inkoper' }] } })
 */
export async function createUser(ctx: AppContext, { actor, input }: { actor: Actor; input: CreateUserInput }): Promise<UserView> {
  assertMayCreateUsers(ctx, actor, input.memberships);
  // scrypt runs before the transaction: a write lock must never wait on the thread pool.
  const passwordHash = await hashPassword(input.password, ctx.config.passwordHash);
  const email = input.email.trim().toLowerCase();
  return writeTransaction(ctx.db, () => {
    if (ctx.queries.auth.findUserByEmail(email) !== undefined) {
      throw new AppError('conflict', { detail: 'a user with this e-mail address exists', errors: [{ path: 'email', message: 'already in use' }] });
    }
    const user = { id: newId(), email, name: input.name, passwordHash, isPlatformAdmin: false, createdAt: ctx.clock().toISOString() };
    ctx.queries.auth.insertUser(user);
    ctx.queries.auth.insertMemberships(input.memberships.map((m) => ({ userId: user.id, ...m })));
    const view: UserView = { id: user.id, email, name: user.name, isPlatformAdmin: false, memberships: input.memberships };
    for (const membership of input.memberships) {
      recordAuditEvent(ctx, {
        actorUserId: actor.userId,
        organisationId: membership.organisationId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        change: { after: { email, name: user.name, role: membership.role } },
      });
    }
    return view;
  });
}

/**
 * On an empty database, creates the platform administrator. Without a password it makes
 * one (or takes the prepared one) and returns it, to be printed once; with users present it
 * does nothing. `prepared` is a password whose hash began before the server's code was read
 * (first-start.ts): used when it is the password to hash at the configured cost.
 * @example await ensurePlatformAdmin(ctx, { email: 'admin@example.nl' }) // { created: true, generatedPassword: '...' }
 */
export async function ensurePlatformAdmin(
  ctx: AppContext,
  { email = 'admin@localhost', password, prepared }: { email?: string | undefined; password?: string | undefined; prepared?: PreparedPassword | undefined },
): Promise<{ created: false } | { created: true; email: string; generatedPassword: string | null }> {
  if (ctx.queries.auth.countUsers() > 0) return { created: false };
  const generatedPassword = password === undefined ? (prepared?.password ?? generateSecret().slice(0, GENERATED_PASSWORD_LENGTH)) : null;
  const passwordHash = await hashPasswordUsing(prepared, password ?? generatedPassword ?? '', ctx.config.passwordHash);
  const normalised = email.trim().toLowerCase();
  const created = writeTransaction(ctx.db, () => {
    if (ctx.queries.auth.countUsers() > 0) return false;
    const id = newId();
    ctx.queries.auth.insertUser({
      id,
      email: normalised,
      name: PLATFORM_ADMIN_NAME,
      passwordHash,
      isPlatformAdmin: true,
      createdAt: ctx.clock().toISOString(),
    });
    recordAuditEvent(ctx, {
      actorUserId: null,
      organisationId: null,
      action: 'user.create-platform-admin',
      entityType: 'user',
      entityId: id,
      change: { after: { email: normalised, name: PLATFORM_ADMIN_NAME, isPlatformAdmin: true } },
    });
    return true;
  });
  return created ? { created: true, email: normalised, generatedPassword } : { created: false };
}
