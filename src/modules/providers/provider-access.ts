/**
 * @module
 * Who may change a school in the register: an inkoper of the organisation it belongs to.
 * A school of an organisation the caller is not a member of does not exist for the caller
 * (404, as for tenders and users: docs/access.md); a member who is not its inkoper gets 403.
 */
import type { MiddlewareHandler } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { Actor, AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { ProviderRow } from './providers.queries.js';

const NOT_FOUND = 'Deze school bestaat niet of hoort niet bij uw organisatie.';

/** The school with this id, if the caller may change it. */
export function resolveProviderAccess(ctx: AppContext, actor: Actor, providerId: string): ProviderRow {
  const row = ctx.queries.providers.findProvider(providerId);
  const role = row === undefined ? undefined : actor.memberships.find((m) => m.organisationId === row.organisationId)?.role;
  if (row === undefined || role === undefined) throw new AppError('not-found', { detail: NOT_FOUND });
  if (role !== 'inkoper') throw new AppError('forbidden', { detail: 'alleen een inkoper van de organisatie wijzigt haar scholen' });
  return row;
}

/** Before any route's validation: a school that is not the caller's is 404 whatever the body says. */
export function providerScope(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id !== undefined) {
      const row = ctx.queries.providers.findProvider(id);
      if (row === undefined || !requireActor(c).memberships.some((m) => m.organisationId === row.organisationId)) {
        throw new AppError('not-found', { detail: NOT_FOUND });
      }
    }
    return next();
  };
}
