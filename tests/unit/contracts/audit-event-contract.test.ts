/**
 * Every action the services record on a tender has its change described in the OpenAPI
 * document (`TENDER_ACTION_CHANGES`). The state replay must know every action that changes
 * a table (tests/api/audit-state.test.ts sees to that), so an action it knows and this
 * contract does not is one that would reach `GET .../audit-events` and the timeline
 * undescribed: a new action fails here until its change schema is written.
 */
import { describe, expect, it } from 'vitest';
import { reviewActionSchema } from '../../../src/domain/low-bids/review-action.schema.js';
import { REPLAYED_ACTIONS } from '../../../src/modules/audit/state-replay.js';
import { AuditEventResponse, TENDER_ACTIONS, TimelineEntryResponse } from '../../../src/modules/audit/audit-event.contract.js';

/** Actions about organisations, users, schools and credentials: never in a tender's trail. */
const NOT_ON_A_TENDER = [
  'organisation.create',
  'organisation.members.add',
  'user.create-platform-admin',
  'user.create',
  'user.disable',
  'user.enable',
  'user.password.change',
  'user.password.reset',
  'user.memberships.set',
  'provider.create',
  'provider.update',
  'auth.login',
  'auth.logout',
  'auth.token.create',
  'auth.token.revoke',
];

const base = {
  seq: 7,
  at: '2026-03-02T09:00:00.000Z',
  actorUserId: 'u1',
  organisationId: 'o1',
  entityType: 'tender',
  entityId: 't1',
  prevHash: 'a',
  hash: 'b',
  redacted: false,
};

describe('the audit events in the OpenAPI document', () => {
  it('describe the change of every action the state replay knows on a tender', () => {
    const undescribed = REPLAYED_ACTIONS.filter((action) => !NOT_ON_A_TENDER.includes(action) && !(TENDER_ACTIONS as readonly string[]).includes(action));
    expect(undescribed).toEqual([]);
  });

  it('describe every step of the art. 2.116 review', () => {
    const steps = reviewActionSchema.options.map((option) => `low-bid-review.${option.shape.action.value}`);
    expect(TENDER_ACTIONS.filter((a) => a.startsWith('low-bid-review.')).sort()).toEqual(steps.sort());
  });

  it('tell a known action by its change, and take an action of another version as stored', () => {
    const open = {
      ...base,
      action: 'tender.open',
      change: { before: { status: 'draft' }, after: { status: 'open', openedAt: '2026-03-02T09:00:00.000Z', formulaVerdict: 'resists-underbidding' } },
    };
    expect(AuditEventResponse.safeParse(open).success).toBe(true);
    expect(AuditEventResponse.safeParse({ ...open, change: { before: { status: 'draft' }, after: { status: 'awarded' } } }).success).toBe(false);
    expect(AuditEventResponse.safeParse({ ...base, action: 'tender.archive', change: { anything: 1 } }).success).toBe(true);
    const timeline = {
      seq: 7,
      at: base.at,
      who: null,
      action: 'tender.open',
      description: 'Geopend.',
      before: open.change.before,
      after: open.change.after,
      redacted: false,
    };
    expect(TimelineEntryResponse.safeParse(timeline).success).toBe(true);
    expect(TimelineEntryResponse.safeParse({ ...timeline, after: { status: 'open' } }).success).toBe(false);
  });
});
