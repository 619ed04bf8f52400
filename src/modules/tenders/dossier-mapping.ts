/**
 * @module
 * Between a dossier (euros, nested) and the stored rows (cents, flat). The export must give
 * back exactly the numbers that came in, so that `GET .../dossier` re-imports to the same
 * tender and the CLI evaluates it to the same result: cents / 100 is the double nearest the
 * two-decimal amount, which is the double the JSON parser made of it. Absent optional fields
 * stay absent (never `null`), as the dossier spec requires.
 */
import type { Award, Bid, Criterion, CriterionLevel, Dossier, LowBidReview, LowBidRules, Tender } from '../../domain/evaluation/dossier.js';
import { DOSSIER_FORMAT } from '../../domain/evaluation/dossier.js';
import { centsToEuros, eurosToCents } from '../../domain/money.js';
import type { TenderStatus } from '../../db/schema/index.js';
import type { BidRow, ConsensusScoreRow, CriterionRow, PriceLineRow, ScoreValue, StoredTender, TenderRow } from './tenders.queries.js';

const toCents = (euros: number | undefined): number | null => (euros === undefined ? null : eurosToCents(euros));
const toEuros = (cents: number | null): number | undefined => (cents === null ? undefined : centsToEuros(cents));
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Drops keys whose value is undefined, so the JSON has no `"key": undefined` ghosts and equality is exact. */
function compact<T extends Record<string, unknown>>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) kept[key] = value[key];
  return kept as T;
}

export type TenderFields = { tender: Tender; award: Award; criteria: Criterion[]; lowBidRules?: LowBidRules | undefined };

/** Columns only the server knows: its settings and the course of the procedure. */
export type ServerTenderColumns =
  | 'id'
  | 'organisationId'
  | 'status'
  | 'showPricesToEvaluators'
  | 'createdAt'
  | 'updatedAt'
  | 'openedAt'
  | 'awardDecidedAt'
  | 'standstillEndsOn'
  | 'awardDecision'
  | 'awardedAt'
  | 'qualityLockedAt'
  | 'pricesEnteredAt'
  | 'pricesEnteredBy'
  | 'priceEntry'
  | 'pricesConfirmedAt'
  | 'pricesConfirmedBy'
  | 'procedureId'
  | 'lotId'
  | 'lotPosition';

/** A new tender's server columns: nothing decided yet, prices hidden from evaluators. */
export const NEW_TENDER_SERVER_COLUMNS = {
  showPricesToEvaluators: false,
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
  procedureId: null,
  lotId: null,
  lotPosition: null,
} as const satisfies Partial<TenderRow>;

/** The tender-level columns of a dossier. */
export function tenderColumns(fields: TenderFields): Omit<TenderRow, ServerTenderColumns> {
  const { tender, award } = fields;
  return {
    reference: tender.reference,
    title: tender.title,
    buyer: tender.buyer,
    lot: tender.lot,
    estimatedValueCents: toCents(tender.estimatedValue),
    expectedLearners: orNull(tender.expectedLearners),
    awardMethod: award.method,
    priceWeight: orNull(award.priceWeight),
    priceFloorCents: toCents(award.priceFloor),
    priceCeilingCents: toCents(award.priceCeiling),
    fixedPriceCents: toCents(award.fixedPrice),
    tieBreak: award.tieBreak === undefined ? null : JSON.stringify(award.tieBreak),
    lowBidRules: fields.lowBidRules === undefined ? null : JSON.stringify(fields.lowBidRules),
    envelopes: tender.envelopes ?? 'one',
  };
}

export function criterionRows(tenderId: string, list: Criterion[]): CriterionRow[] {
  return list.map((c, position) => ({
    tenderId,
    id: c.id,
    position,
    title: c.title,
    description: orNull(c.description),
    weight: c.weight,
    scale: JSON.stringify(c.scale),
    levels: c.levels === undefined ? null : JSON.stringify(c.levels),
    minimum: orNull(c.minimum),
    valueCents: toCents(c.value),
  }));
}

/** A bid's own row and its price lines; scores are separate (they have an author and a time). */
export function bidRows(tenderId: string, bid: Omit<Bid, 'scores'>, position: number, createdAt: string): { bid: BidRow; priceLines: PriceLineRow[] } {
  return {
    bid: {
      tenderId,
      id: bid.id,
      position,
      providerName: bid.provider.name,
      providerKvk: bid.provider.kvk,
      providerKeurmerk: bid.provider.keurmerk,
      providerStreet: bid.provider.street ?? null,
      providerPostcode: bid.provider.postcode ?? null,
      providerPlace: bid.provider.place ?? null,
      providerContactPerson: bid.provider.contactPerson ?? null,
      providerEmail: bid.provider.email ?? null,
      priceCents: toCents(bid.price),
      lowBidReview: bid.lowBidReview === undefined ? null : JSON.stringify(bid.lowBidReview),
      withdrawnOn: bid.withdrawal?.receivedOn ?? null,
      withdrawalReason: bid.withdrawal?.reason ?? null,
      createdAt,
    },
    priceLines: (bid.priceLines ?? []).map((line, index) => ({
      tenderId,
      bidId: bid.id,
      position: index,
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: eurosToCents(line.unitPrice),
    })),
  };
}

/** The rows a new tender is written as: whole rows, scores with their (empty) history. */
export type NewTenderRows = Omit<StoredTender, 'scores'> & { scores: ConsensusScoreRow[] };

/** All rows of a dossier for a new tender with the given id. */
export function dossierRows(
  dossier: Dossier,
  { id, organisationId, status, now, userId }: { id: string; organisationId: string; status: TenderStatus; now: string; userId: string },
): NewTenderRows {
  const bids = dossier.bids.map((bid, position) => bidRows(id, bid, position, now));
  const scores: ConsensusScoreRow[] = dossier.bids.flatMap((bid) =>
    Object.entries(bid.scores).map(([criterionId, score]) => ({
      tenderId: id,
      bidId: bid.id,
      criterionId,
      score,
      motivation: null,
      deviationReason: null,
      updatedAt: now,
      updatedBy: userId,
    })),
  );
  return {
    tender: { id, organisationId, status, ...tenderColumns(dossier), ...NEW_TENDER_SERVER_COLUMNS, createdAt: now, updatedAt: now },
    criteria: criterionRows(id, dossier.criteria),
    bids: bids.map((b) => b.bid),
    priceLines: bids.flatMap((b) => b.priceLines),
    scores,
  };
}

export function tenderFieldsOf(tender: TenderRow, criteria: CriterionRow[]): TenderFields {
  return compact({
    tender: compact({
      reference: tender.reference,
      title: tender.title,
      buyer: tender.buyer,
      lot: tender.lot,
      estimatedValue: toEuros(tender.estimatedValueCents),
      expectedLearners: tender.expectedLearners ?? undefined,
      // Only when two: a one-envelope tender's dossier stays exactly as it always was.
      envelopes: tender.envelopes === 'two' ? ('two' as const) : undefined,
    }),
    award: compact({
      method: tender.awardMethod as Award['method'],
      priceWeight: tender.priceWeight ?? undefined,
      priceFloor: toEuros(tender.priceFloorCents),
      priceCeiling: toEuros(tender.priceCeilingCents),
      fixedPrice: toEuros(tender.fixedPriceCents),
      tieBreak: tender.tieBreak === null ? undefined : (JSON.parse(tender.tieBreak) as Award['tieBreak']),
    }),
    criteria: criteria.map((c) =>
      compact({
        id: c.id,
        title: c.title,
        description: c.description ?? undefined,
        weight: c.weight,
        scale: JSON.parse(c.scale) as number[],
        levels: c.levels === null ? undefined : (JSON.parse(c.levels) as CriterionLevel[]),
        minimum: c.minimum ?? undefined,
        value: toEuros(c.valueCents),
      }),
    ),
    lowBidRules: tender.lowBidRules === null ? undefined : (JSON.parse(tender.lowBidRules) as LowBidRules),
  });
}

/** A bid as the dossier writes it, with the consensus scores it has so far. */
export function bidOf(row: BidRow, lines: PriceLineRow[], scores: readonly ScoreValue[]): Bid {
  return compact({
    id: row.id,
    provider: compact({
      name: row.providerName,
      kvk: row.providerKvk,
      keurmerk: row.providerKeurmerk,
      street: row.providerStreet ?? undefined,
      postcode: row.providerPostcode ?? undefined,
      place: row.providerPlace ?? undefined,
      contactPerson: row.providerContactPerson ?? undefined,
      email: row.providerEmail ?? undefined,
    }),
    price: toEuros(row.priceCents),
    priceLines:
      lines.length === 0 ? undefined : lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: centsToEuros(l.unitPriceCents) })),
    scores: Object.fromEntries(scores.map((s) => [s.criterionId, s.score])),
    lowBidReview: row.lowBidReview === null ? undefined : (JSON.parse(row.lowBidReview) as LowBidReview),
    withdrawal: row.withdrawnOn === null ? undefined : { receivedOn: row.withdrawnOn, reason: row.withdrawalReason ?? '' },
  });
}

/**
 * The dossier of a stored tender. Scores are listed in criterion order so that the file
 * reads like the tender; bids keep their stored order.
 */
export function storedTenderToDossier(stored: StoredTender): Dossier {
  const fields = tenderFieldsOf(stored.tender, stored.criteria);
  const criterionOrder = new Map(stored.criteria.map((c) => [c.id, c.position]));
  const linesByBid = groupBy(stored.priceLines, (l) => l.bidId);
  const scoresByBid = groupBy(
    [...stored.scores].sort((a, b) => (criterionOrder.get(a.criterionId) ?? 0) - (criterionOrder.get(b.criterionId) ?? 0)),
    (s) => s.bidId,
  );
  return compact({
    format: DOSSIER_FORMAT,
    tender: fields.tender,
    award: fields.award,
    criteria: fields.criteria,
    lowBidRules: fields.lowBidRules,
    bids: stored.bids.map((row) => bidOf(row, linesByBid.get(row.id) ?? [], scoresByBid.get(row.id) ?? [])),
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
