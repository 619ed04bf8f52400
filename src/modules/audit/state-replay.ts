/**
 * @module
 * Replays the audit trail into what the state tables must hold: per table, per row, the
 * columns the newest events told. Every service writes its change and its event in one
 * transaction, and the event carries the row as written (`after`), so a row that differs
 * from its newest event was changed outside the application. The rows are rebuilt with the
 * same mapping the services write them with (`dossierRows`, `bidRows`, ...), so a euro
 * amount in an event becomes exactly the cents in the table.
 *
 * What is not told is not checked: bookkeeping times that the services read from the clock
 * apart from the event's own (`createdAt`, `updatedAt`), password hashes, and fields that
 * events written by an older version did not carry yet (those rows are checked for the
 * fields they do carry). An action this version does not know leaves its tender (or its
 * entity) unchecked and is named in the result, rather than guessed at.
 */
import type { Dossier, Bid, LowBidReview } from '../../domain/evaluation/dossier.js';
import type { VerifiedAuditEvent } from './audit-chain.js';
import { bidRows, criterionRows, dossierRows, tenderColumns, type TenderFields } from '../tenders/dossier-mapping.js';
import { createExpectedTable } from './expected-table.js';

/** What `tenders.award_decision` must hold: the winner, and the SHA-256 of the stored JSON once events carry it. */
export type AwardDecisionExpectation = { winner: string | undefined; sha256: string | undefined };

const byTender = (key: Record<string, unknown>) => String(key.tenderId);
const byId = (key: Record<string, unknown>) => String(key.id);

function createTables() {
  return {
    organisations: createExpectedTable({ keyColumns: ['id'], scopeOf: byId, untold: ['createdAt'] }),
    regionMembers: createExpectedTable({ keyColumns: ['regionId', 'memberId'], scopeOf: (key) => String(key.regionId) }),
    users: createExpectedTable({ keyColumns: ['id'], scopeOf: byId, untold: ['createdAt', 'passwordHash'] }),
    memberships: createExpectedTable({ keyColumns: ['userId', 'organisationId'], scopeOf: (key) => String(key.userId) }),
    providers: createExpectedTable({ keyColumns: ['id'], scopeOf: byId, untold: ['createdAt'] }),
    procedures: createExpectedTable({ keyColumns: ['id'], scopeOf: byId }),
    tenders: createExpectedTable({ keyColumns: ['id'], scopeOf: byId, untold: ['createdAt', 'updatedAt'] }),
    criteria: createExpectedTable({ keyColumns: ['tenderId', 'id'], scopeOf: byTender }),
    bids: createExpectedTable({ keyColumns: ['tenderId', 'id'], scopeOf: byTender, untold: ['createdAt'] }),
    bidPriceLines: createExpectedTable({ keyColumns: ['tenderId', 'bidId', 'position'], scopeOf: byTender }),
    bidCorrections: createExpectedTable({ keyColumns: ['tenderId', 'bidId', 'number'], scopeOf: byTender }),
    consensusScores: createExpectedTable({ keyColumns: ['tenderId', 'bidId', 'criterionId'], scopeOf: byTender, untold: ['updatedAt'] }),
    panelMembers: createExpectedTable({ keyColumns: ['tenderId', 'userId'], scopeOf: byTender }),
    individualScores: createExpectedTable({ keyColumns: ['tenderId', 'bidId', 'criterionId', 'evaluatorId'], scopeOf: byTender, untold: ['updatedAt'] }),
    reports: createExpectedTable({ keyColumns: ['id'], scopeOf: byTender, untold: ['createdAt', 'bytes'] }),
    // The bytes are in document_chunks; the check hashes them against `sha256` (state-check.ts).
    bidDocuments: createExpectedTable({ keyColumns: ['id'], scopeOf: byTender, untold: ['contentSha256'] }),
  };
}

export type ExpectedTables = ReturnType<typeof createTables>;
export type StateTableName = keyof ExpectedTables;

export type ExpectedState = {
  tables: ExpectedTables;
  /** Tenders and entities with an event this version cannot replay: their rows are not checked. */
  uncheckedScopes: Set<string>;
  unknownActions: Set<string>;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const textOrNull = (value: unknown): string | null | undefined => (value === null ? null : text(value));
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const boolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);

/** `f()`, or undefined when the event's content does not have the shape the mapping needs. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** The tender-scoped tables a whole dossier writes. */
const DOSSIER_TABLES = ['criteria', 'bids', 'bidPriceLines', 'consensusScores'] as const;

type Handler = (event: VerifiedAuditEvent, change: Record<string, unknown>, tables: ExpectedTables) => void;

/** `tender.create` and `tender.import`: the dossier as inserted, a draft. */
const insertDossier: Handler = (event, change, t) => {
  const id = event.entityId;
  const after = record(change.after);
  const settings = record(change.settings);
  // A lot of a procedure (issue 21); events without it (and all from before) made a tender on its own.
  const lot = change.procedure === undefined ? undefined : record(change.procedure);
  const organisationId = event.organisationId ?? undefined;
  const shaped = Array.isArray(after.criteria) && Array.isArray(after.bids) && typeof after.tender === 'object' && typeof after.award === 'object';
  const rows = shaped
    ? attempt(() => dossierRows(after as unknown as Dossier, { id, organisationId: '', status: 'draft', now: '', userId: event.actorUserId ?? '' }))
    : undefined;
  const serverColumns = {
    organisationId,
    status: 'draft',
    showPricesToEvaluators: boolean(settings.showPricesToEvaluators),
    openedAt: null,
    awardDecidedAt: null,
    standstillEndsOn: null,
    awardDecision: null,
    awardedAt: null,
    qualityLockedAt: null,
    pricesEnteredAt: null,
    pricesEnteredBy: null,
    priceEntry: null,
    pricesConfirmedAt: null,
    pricesConfirmedBy: null,
    procedureId: lot === undefined ? null : text(lot.id),
    lotId: lot === undefined ? null : text(lot.lotId),
    lotPosition: lot === undefined ? null : number(lot.position),
  };
  if (rows === undefined) {
    t.tenders.put({ id }, serverColumns, event.seq);
    for (const table of DOSSIER_TABLES) t[table].openScopes.add(id);
    return;
  }
  t.tenders.put({ id }, { ...rows.tender, ...serverColumns }, event.seq);
  t.criteria.replaceScope(id, rows.criteria, event.seq);
  t.bids.replaceScope(id, rows.bids, event.seq);
  t.bidPriceLines.replaceScope(id, rows.priceLines, event.seq);
  t.consensusScores.replaceScope(
    id,
    rows.scores.map((s) => ({ ...s, updatedBy: event.actorUserId })),
    event.seq,
  );
};

/** JSON text of an event's value as the service stores it: null stays null (no limitation, no preferences). */
const jsonOrNull = (value: unknown): string | null | undefined => (value === undefined ? undefined : value === null ? null : JSON.stringify(value));

/** `procedure.import` and `procedure.create`: the procedure's row; its lots are tenders, each with its own `tender.import` or `tender.create`. */
const importProcedure: Handler = (event, change, t) => {
  const after = record(change.after);
  const procedure = record(after.procedure);
  t.procedures.put(
    { id: event.entityId },
    {
      organisationId: event.organisationId ?? undefined,
      reference: text(procedure.reference),
      title: text(procedure.title),
      buyer: text(procedure.buyer),
      awardLimit: jsonOrNull(after.awardLimit ?? null),
      preferences: jsonOrNull(after.preferences ?? null),
      draws: jsonOrNull(after.draws ?? null),
      createdAt: text(after.createdAt),
      createdBy: event.actorUserId,
    },
    event.seq,
  );
};

/** `procedure.lot.add`: the lot is a tender with its own `tender.create`; a `lot-order` limitation names it last; recorded draws are voided. */
const addLot: Handler = (event, change, t) => {
  const after = record(change.after);
  const fields: Record<string, unknown> = {};
  if (after.awardLimit !== undefined) fields.awardLimit = jsonOrNull(after.awardLimit);
  // `draws: null` only when adding the lot voided recorded draws; without it the column is untouched.
  if ('draws' in after) fields.draws = null;
  if (Object.keys(fields).length > 0) t.procedures.merge({ id: event.entityId }, fields, event.seq);
};

/** `procedure.delete` (every lot draft without bids): no row of the procedure is left; each lot has its own `tender.delete`. */
const deleteProcedure: Handler = (event, _change, t) => {
  t.procedures.replaceScope(event.entityId, [], event.seq);
};

/** `procedure.award-limit.set` (every lot draft): the limitation and the preferences as they are now. */
const setAwardLimit: Handler = (event, change, t) => {
  const after = record(change.after);
  t.procedures.merge(
    { id: event.entityId },
    // `draws: null` only when the change voided recorded draws; without it the column is untouched.
    { awardLimit: jsonOrNull(after.awardLimit ?? null), preferences: jsonOrNull(after.preferences ?? null), ...('draws' in after ? { draws: null } : {}) },
    event.seq,
  );
};

/** `procedure.draw.record`: every draw recorded for the procedure, as it is now. */
const recordDraw: Handler = (event, change, t) => {
  t.procedures.merge({ id: event.entityId }, { draws: jsonOrNull(record(change.after).draws ?? null) }, event.seq);
};

/** `tender.update`: the draft's fields and criteria as they are after the PATCH. */
const updateTender: Handler = (event, change, t) => {
  const id = event.entityId;
  const after = record(change.after);
  const fields = attempt(() => tenderColumns(after as unknown as TenderFields));
  const criteria = Array.isArray(after.criteria) ? attempt(() => criterionRows(id, after.criteria as TenderFields['criteria'])) : undefined;
  const showPricesToEvaluators = boolean(record(after.settings).showPricesToEvaluators);
  if (fields === undefined) {
    // Nothing is known of the new fields: forget what the earlier events said of them.
    const known = t.tenders.rows.get(t.tenders.keyOf({ id }))?.fields ?? {};
    const forget = Object.keys(known).filter((column) => column !== 'organisationId' && column !== 'status');
    t.tenders.merge({ id }, Object.fromEntries(forget.map((column) => [column, undefined])), event.seq);
  } else {
    t.tenders.merge({ id }, { ...fields, showPricesToEvaluators }, event.seq);
  }
  if (criteria === undefined) t.criteria.openScopes.add(id);
  else t.criteria.replaceScope(id, criteria, event.seq);
};

/** `bid.create`: the bid and its price lines, after the tender's last bid. */
const createBid: Handler = (event, change, t) => {
  const tenderId = event.tenderId ?? '';
  const bid = record(change.after) as unknown as Omit<Bid, 'scores'>;
  const positions = t.bids.rowsOfScope(tenderId).map((row) => number(row.fields.position));
  // The service numbers a bid one past the highest position; unknown when an earlier bid's is.
  const position = t.bids.openScopes.has(tenderId) || positions.includes(undefined) ? undefined : Math.max(-1, ...(positions as number[])) + 1;
  const rows = attempt(() => bidRows(tenderId, bid, position ?? 0, ''));
  if (rows === undefined) {
    t.bids.put({ tenderId, id: entityPart(event.entityId, 1) }, {}, event.seq);
    t.bidPriceLines.openScopes.add(tenderId);
    return;
  }
  t.bids.put(rows.bid, { ...rows.bid, position }, event.seq);
  for (const line of rows.priceLines) t.bidPriceLines.put(line, line, event.seq);
};

/** `tender/B3/K1` -> `B3` (index 1), `K1` (index 2). */
const entityPart = (entityId: string, index: number): string => entityId.split('/')[index] ?? '';

/** The rows of one bid in the tables keyed by `bidId`. */
const BID_CHILD_TABLES = ['bidPriceLines', 'consensusScores', 'individualScores', 'bidCorrections'] as const;

const bidKey = (event: VerifiedAuditEvent) => ({ tenderId: event.tenderId ?? '', id: entityPart(event.entityId, 1) });

/** The bid's price lines are exactly `lines` (already as rows), or unknown when the event cannot tell. */
function replaceBidLines(t: ExpectedTables, tenderId: string, bidId: string, lines: readonly Record<string, unknown>[] | undefined, seq: number): void {
  t.bidPriceLines.removeWhere(tenderId, (key) => key.bidId === bidId);
  if (lines === undefined) t.bidPriceLines.openScopes.add(tenderId);
  else for (const line of lines) t.bidPriceLines.put(line, line, seq);
}

/** `provider.create` and `provider.update`: the school's row as the event's `after` has it. */
const putProvider: Handler = (event, change, t) => {
  const after = record(change.after);
  t.providers.put(
    { id: event.entityId },
    {
      organisationId: text(after.organisationId),
      name: text(after.name),
      kvk: text(after.kvk),
      keurmerk: boolean(after.keurmerk),
      // An event from before issue 17 has no address: the columns were null then.
      street: textOrNull(after.street ?? null),
      postcode: textOrNull(after.postcode ?? null),
      place: textOrNull(after.place ?? null),
      contactPerson: textOrNull(after.contactPerson ?? null),
      email: textOrNull(after.email ?? null),
    },
    event.seq,
  );
};

/** `bid.update` (draft): the bid's own columns and price lines as the event's `after` has them; its position stays. */
const updateBid: Handler = (event, change, t) => {
  const { tenderId, id } = bidKey(event);
  const rows = attempt(() => bidRows(tenderId, record(change.after) as unknown as Omit<Bid, 'scores'>, 0, ''));
  if (rows === undefined) {
    t.bids.merge(
      { tenderId, id },
      {
        providerName: undefined,
        providerKvk: undefined,
        providerKeurmerk: undefined,
        providerStreet: undefined,
        providerPostcode: undefined,
        providerPlace: undefined,
        providerContactPerson: undefined,
        providerEmail: undefined,
        priceCents: undefined,
      },
      event.seq,
    );
    replaceBidLines(t, tenderId, id, undefined, event.seq);
    return;
  }
  const { position: _position, createdAt: _createdAt, ...columns } = rows.bid;
  t.bids.merge({ tenderId, id }, columns, event.seq);
  replaceBidLines(t, tenderId, id, rows.priceLines, event.seq);
};

/** `bid.delete` (draft): the bid and every row under it are gone. */
const deleteBid: Handler = (event, _change, t) => {
  const { tenderId, id } = bidKey(event);
  t.bids.removeWhere(tenderId, (key) => key.id === id);
  for (const table of BID_CHILD_TABLES) t[table].removeWhere(tenderId, (key) => key.bidId === id);
};

/** `bid.correct` (open): the corrected price and lines, and the correction's own row. */
const correctBid: Handler = (event, change, t) => {
  const { tenderId, id } = bidKey(event);
  const after = record(change.after);
  const figures = attempt(() =>
    bidRows(
      tenderId,
      { id, provider: { name: '', kvk: '', keurmerk: false }, price: number(after.price), priceLines: after.priceLines as Bid['priceLines'] },
      0,
      '',
    ),
  );
  t.bids.merge({ tenderId, id }, { priceCents: figures === undefined ? undefined : figures.bid.priceCents }, event.seq);
  replaceBidLines(t, tenderId, id, figures?.priceLines, event.seq);
  const key = { tenderId, bidId: id, number: number(change.number) };
  t.bidCorrections.put(
    key,
    {
      correctedAt: text(change.correctedAt),
      correctedBy: event.actorUserId,
      reason: text(change.reason),
      before: change.before === undefined ? undefined : JSON.stringify(change.before),
      after: change.after === undefined ? undefined : JSON.stringify(change.after),
      lowBidReviewState: textOrNull(change.lowBidReviewState),
    },
    event.seq,
  );
};

/** `bid.withdraw` (open): the date and reason of the withdrawal. */
const withdrawBid: Handler = (event, change, t) => {
  const withdrawal = record(record(change.after).withdrawal);
  t.bids.merge(bidKey(event), { withdrawnOn: text(withdrawal.receivedOn), withdrawalReason: text(withdrawal.reason) }, event.seq);
};

/** Every table with rows of one tender, by its scope. */
const TENDER_TABLES = ['criteria', 'bids', 'bidPriceLines', 'bidCorrections', 'consensusScores', 'panelMembers', 'individualScores'] as const;

/** `tender.delete` (draft): no row of the tender is left (a tender with a report is never deleted). */
const deleteTender: Handler = (event, _change, t) => {
  const id = event.entityId;
  t.tenders.replaceScope(id, [], event.seq);
  for (const table of TENDER_TABLES) {
    t[table].replaceScope(id, [], event.seq);
    t[table].openScopes.delete(id);
  }
};

const awardDecision: Handler = (event, change, t) => {
  const after = record(change.after);
  const expectation: AwardDecisionExpectation = { winner: text(after.winner), sha256: text(after.awardDecisionSha256) };
  t.tenders.merge(
    { id: event.entityId },
    { status: 'award-proposed', awardDecidedAt: text(after.decidedAt), standstillEndsOn: text(after.standstillEndsOn), awardDecision: expectation },
    event.seq,
  );
};

/** `tender.price-opening.confirm`: the confirmation, and each bid's price and lines as the event names them. */
const confirmPriceOpening: Handler = (event, change, t) => {
  const tenderId = event.entityId;
  const after = record(change.after);
  t.tenders.merge({ id: tenderId }, { pricesConfirmedAt: text(after.pricesConfirmedAt), pricesConfirmedBy: event.actorUserId }, event.seq);
  const prices = Array.isArray(after.prices) ? after.prices.map(record) : [];
  for (const entry of prices) {
    const id = text(entry.bidId) ?? '';
    const figures = attempt(() =>
      bidRows(
        tenderId,
        { id, provider: { name: '', kvk: '', keurmerk: false }, price: number(entry.price), priceLines: entry.priceLines as Bid['priceLines'] },
        0,
        '',
      ),
    );
    t.bids.merge({ tenderId, id }, { priceCents: figures === undefined ? undefined : figures.bid.priceCents }, event.seq);
    replaceBidLines(t, tenderId, id, figures?.priceLines, event.seq);
  }
};

const panelMemberKey = (event: VerifiedAuditEvent) => ({ tenderId: event.tenderId ?? '', userId: entityPart(event.entityId, 1) });

const HANDLERS: Record<string, Handler> = {
  'organisation.create': (event, change, t) => {
    const after = record(change.after);
    t.organisations.put({ id: event.entityId }, { name: text(after.name), kind: text(after.kind) }, event.seq);
    const members = Array.isArray(after.memberIds) ? after.memberIds : undefined;
    if (members === undefined) t.regionMembers.openScopes.add(event.entityId);
    else
      t.regionMembers.replaceScope(
        event.entityId,
        members.map((memberId) => ({ regionId: event.entityId, memberId })),
        event.seq,
      );
  },
  // The regio's members after the change, whole.
  'organisation.members.add': (event, change, t) => {
    const members = record(change.after).memberIds;
    if (!Array.isArray(members)) {
      t.regionMembers.openScopes.add(event.entityId);
      return;
    }
    t.regionMembers.replaceScope(
      event.entityId,
      members.map((memberId) => ({ regionId: event.entityId, memberId })),
      event.seq,
    );
    t.regionMembers.openScopes.delete(event.entityId);
  },
  'user.create-platform-admin': (event, change, t) => {
    const after = record(change.after);
    t.users.put({ id: event.entityId }, { email: text(after.email), name: text(after.name), isPlatformAdmin: true, disabledAt: null }, event.seq);
  },
  // One event per membership of the new user.
  'user.create': (event, change, t) => {
    const after = record(change.after);
    t.users.merge({ id: event.entityId }, { email: text(after.email), name: text(after.name), isPlatformAdmin: false, disabledAt: null }, event.seq);
    if (event.organisationId === null) t.memberships.openScopes.add(event.entityId);
    else t.memberships.put({ userId: event.entityId, organisationId: event.organisationId }, { role: text(after.role) }, event.seq);
  },
  // One event per organisation of the user, each with the same new state.
  'user.disable': (event, change, t) => {
    t.users.merge({ id: event.entityId }, { disabledAt: text(record(change.after).disabledAt) }, event.seq);
  },
  'user.enable': (event, _change, t) => {
    t.users.merge({ id: event.entityId }, { disabledAt: null }, event.seq);
  },
  // One event per organisation before or after the change, each with the user's whole new set.
  'user.memberships.set': (event, change, t) => {
    const memberships = record(change.after).memberships;
    if (!Array.isArray(memberships)) {
      t.memberships.openScopes.add(event.entityId);
      return;
    }
    const rows = memberships.map((m) => {
      const membership = record(m);
      return { userId: event.entityId, organisationId: text(membership.organisationId), role: text(membership.role) };
    });
    t.memberships.replaceScope(event.entityId, rows, event.seq);
    t.memberships.openScopes.delete(event.entityId);
  },
  // The password hash is not checked (it is never in an event).
  'user.password.change': () => undefined,
  'user.password.reset': () => undefined,
  'provider.create': putProvider,
  'provider.update': putProvider,
  // Sessions and tokens are credentials, not records: their tables are not checked.
  'auth.login': () => undefined,
  'auth.logout': () => undefined,
  'auth.token.create': () => undefined,
  'auth.token.revoke': () => undefined,
  'tender.create': insertDossier,
  'tender.import': insertDossier,
  'tender.update': updateTender,
  'tender.open': (event, change, t) => {
    t.tenders.merge({ id: event.entityId }, { status: 'open', openedAt: text(record(change.after).openedAt) }, event.seq);
  },
  'tender.award-decision': awardDecision,
  'tender.quality-lock': (event, change, t) => {
    t.tenders.merge({ id: event.entityId }, { qualityLockedAt: text(record(change.after).qualityLockedAt) }, event.seq);
  },
  // The entry itself is not in the event (no one may see it before the confirmation): its SHA-256 is.
  'tender.price-opening': (event, change, t) => {
    const after = record(change.after);
    const sha256 = text(after.priceEntrySha256);
    t.tenders.merge(
      { id: event.entityId },
      { pricesEnteredAt: text(after.pricesEnteredAt), pricesEnteredBy: event.actorUserId, priceEntry: sha256 === undefined ? undefined : { sha256 } },
      event.seq,
    );
  },
  'tender.price-opening.confirm': confirmPriceOpening,
  'tender.award-decision.withdraw': (event, _change, t) => {
    t.tenders.merge({ id: event.entityId }, { status: 'open', awardDecidedAt: null, standstillEndsOn: null, awardDecision: null }, event.seq);
  },
  'tender.award': (event, change, t) => {
    t.tenders.merge({ id: event.entityId }, { status: 'awarded', awardedAt: text(record(change.after).awardedAt) }, event.seq);
  },
  'tender.delete': deleteTender,
  'procedure.import': importProcedure,
  'procedure.create': importProcedure,
  'procedure.lot.add': addLot,
  'procedure.delete': deleteProcedure,
  'procedure.award-limit.set': setAwardLimit,
  'procedure.draw.record': recordDraw,
  // Changes no table itself: each decided lot's own `tender.award-decision` does, in the same transaction.
  'procedure.award-decision': () => undefined,
  // Changes no table itself: each lot's own `panel.assign` does, in the same transaction.
  'procedure.panel.add': () => undefined,
  'bid.create': createBid,
  'bid.update': updateBid,
  'bid.delete': deleteBid,
  'bid.correct': correctBid,
  'bid.withdraw': withdrawBid,
  // A received document is never changed: the row is the event's `after`, whole.
  'bid-document.receive': (event, change, t) => {
    const after = record(change.after);
    const tenderId = event.tenderId ?? '';
    t.bidDocuments.put(
      { id: text(after.id) ?? entityPart(event.entityId, 2), tenderId },
      {
        tenderId,
        bidId: text(after.bidId),
        envelope: text(after.envelope),
        name: text(after.name),
        mediaType: text(after.mediaType),
        sizeBytes: number(after.sizeBytes),
        sha256: text(after.sha256),
        criterionId: textOrNull(after.criterionId),
        version: number(after.version),
        replacesId: textOrNull(after.replacesId),
        reason: textOrNull(after.reason),
        receivedAt: text(after.receivedAt),
        receivedBy: event.actorUserId,
      },
      event.seq,
    );
  },
  'consensus.set': (event, change, t) => {
    const after = record(change.after);
    const key = { tenderId: event.tenderId ?? '', bidId: entityPart(event.entityId, 1), criterionId: entityPart(event.entityId, 2) };
    t.consensusScores.put(
      key,
      {
        score: number(after.score),
        motivation: textOrNull(after.motivation),
        deviationReason: textOrNull(after.deviationReason),
        updatedBy: event.actorUserId,
      },
      event.seq,
    );
  },
  'individual-score.set': (event, change, t) => {
    const after = record(change.after);
    const key = {
      tenderId: event.tenderId ?? '',
      bidId: entityPart(event.entityId, 1),
      criterionId: entityPart(event.entityId, 2),
      evaluatorId: entityPart(event.entityId, 3),
    };
    t.individualScores.put(key, { score: number(after.score), motivation: text(after.motivation) }, event.seq);
  },
  'panel.assign': (event, change, t) => {
    const after = record(change.after);
    t.panelMembers.put(
      panelMemberKey(event),
      { assignedAt: text(after.assignedAt), assignedBy: event.actorUserId, declaration: null, declaredAt: null, remarks: null, sealedAt: null },
      event.seq,
    );
  },
  'panel.declare-no-conflict': (event, change, t) => declare(event, change, t),
  'panel.declare-conflict': (event, change, t) => declare(event, change, t),
  'panel.seal': (event, change, t) => {
    t.panelMembers.merge(panelMemberKey(event), { sealedAt: text(record(change.after).sealedAt) }, event.seq);
  },
  'report.created': (event, change, t) => {
    const after = record(change.after);
    t.reports.put(
      { id: event.entityId, tenderId: event.tenderId },
      {
        tenderId: event.tenderId,
        kind: text(after.kind),
        bidId: textOrNull(after.bidId),
        // Absent from the events of a tender's own reports: null.
        procedureId: textOrNull(after.procedureId ?? null),
        addresseeKvk: textOrNull(after.addresseeKvk ?? null),
        sha256: text(after.sha256),
        createdBy: event.actorUserId,
        // Stored as the JSON of the same object; events before it was kept do not tell it.
        signatureCheck: after.signatureCheck === undefined ? undefined : JSON.stringify(after.signatureCheck),
      },
      event.seq,
    );
  },
};

/** The actions this version replays by name (the art. 2.116 review steps come by prefix, `low-bid-review.`). */
export const REPLAYED_ACTIONS: readonly string[] = Object.keys(HANDLERS);

function declare(event: VerifiedAuditEvent, change: Record<string, unknown>, t: ExpectedTables): void {
  const after = record(change.after);
  t.panelMembers.merge(
    panelMemberKey(event),
    { declaration: text(after.declaration), declaredAt: text(after.declaredAt), remarks: textOrNull(after.remarks) },
    event.seq,
  );
}

/** The art. 2.116 review steps: the bid's review is the event's `after`, whole. */
function isLowBidReviewAction(action: string): boolean {
  return action.startsWith('low-bid-review.');
}

function replayLowBidReview(event: VerifiedAuditEvent, change: Record<string, unknown>, t: ExpectedTables): void {
  const after = change.after as LowBidReview | null | undefined;
  const key = { tenderId: event.tenderId ?? '', id: entityPart(event.entityId, 1) };
  t.bids.merge(key, { lowBidReview: after === undefined ? undefined : after === null ? null : JSON.stringify(after) }, event.seq);
}

/**
 * @example const replay = createStateReplay(); for (const event of verified) replay.push(event); replay.state();
 */
export function createStateReplay(): { push(event: VerifiedAuditEvent): void; state(): ExpectedState } {
  const tables = createTables();
  const uncheckedScopes = new Set<string>();
  const unknownActions = new Set<string>();
  return {
    push(event) {
      const change = record(event.change);
      const handler = HANDLERS[event.action];
      if (handler !== undefined) handler(event, change, tables);
      else if (isLowBidReviewAction(event.action)) replayLowBidReview(event, change, tables);
      else {
        unknownActions.add(event.action);
        uncheckedScopes.add(event.tenderId ?? event.entityId);
      }
    },
    state: () => ({ tables, uncheckedScopes, unknownActions }),
  };
}
