/**
 * @module
 * The OCDS 1.1 release package of a procedure with several lots (issue 21,
 * docs/procedures.md "Outputs"): one release whose `tender.lots` holds every lot (lots
 * extension) with its estimated value, award criteria breakdown and an item (what the lot
 * buys, `relatedLot`); the award limitation in `tender.lotDetails`; every bid of every lot in
 * `bids.details` with `relatedLots` and each lot's statistics (`relatedLot`), as the single
 * tender's export makes them (bids.ts); one award per lot that the allocation gives a winner,
 * with `relatedLots`, its winner being the allocated bid (not the lot's winner without the
 * limitation) and the allocation's reason in its description; and every school once in
 * `parties`, by KvK number. Pure, like the single tender's export (build-release-package.ts),
 * whose pieces it reuses; its meta is the tender's input and publication of release-meta.ts
 * with the decisions per lot, and it checks them, builds the ocid and release id and the
 * package the same way.
 *
 * Ids: a lot keeps its id from the procedure file (`L1`); a bid's id is its lot's id and its
 * own (`L1-B2`), since every lot numbers its bids from B1; a statistic's id is its lot's id
 * and its number (`L1-3`). The ocid and release id are built as for a tender, from the
 * procedure's id.
 *
 * @example
 * const ocds = buildProcedureReleasePackage(procedure, evaluateProcedure(procedure), {
 *   id: 'PRC7', status: 'award-proposed', buyer: { id: 'gemeente-zwolle', name: 'Gemeente Zwolle' },
 *   publishedDate: '2027-04-01T08:00:00Z', uri: 'https://gunningswijzer.example/api/v1/procedures/PRC7/ocds',
 * });
 */
import { prepareLot } from '../evaluation/prepare.js';
import type { ProcedureResult } from '../procedure/evaluate-procedure.js';
import type { AwardLimit, Procedure, ProcedureLot } from '../procedure/procedure.js';
import { AWARD_LIMIT_RULE_TERMS } from '../vocabulary/award-limit-rules.js';
import { describeAwardMethod, lotAwardCriteria, ocdsAwardCriteriaCode } from './award-criteria.js';
import { buildBids } from './bids.js';
import { buildLotAward } from './lot-award.js';
import { buildPartiesWithSuppliers, partyNames, uniqueTenderers } from './parties.js';
import {
  checkDate,
  checkDateTime,
  checkTenderInput,
  checkUri,
  type OcdsPublication,
  type OcdsTenderInput,
  releaseIdentity,
  releasePackage,
  tenderPeriods,
} from './release-meta.js';
import type { OcdsAward, OcdsBids, OcdsLot, OcdsLotDetails, OcdsRelease, OcdsReleasePackage, OcdsTender } from './release-types.js';
import { ocdsReleaseTag, ocdsTenderStatus } from './status-mapping.js';

/** The award decision on one lot, when the officer decided per lot rather than for the whole procedure. */
export type OcdsLotDecision = Pick<OcdsTenderInput, 'status' | 'awardDecisionAt' | 'standstillEndsOn'>;

/**
 * What the server knows about the procedure beyond the file: as for a tender (release-meta.ts),
 * with the procedure's id and status (a lot with its own decision in `lots` follows that
 * instead), plus the decisions taken per lot.
 */
export type ProcedureReleaseMeta = OcdsTenderInput &
  OcdsPublication & {
    /** Per lot id: a decision taken for that lot alone. */
    lots?: Readonly<Record<string, OcdsLotDecision>> | undefined;
  };

function checkMeta(procedure: Procedure, result: ProcedureResult, meta: ProcedureReleaseMeta): void {
  checkTenderInput(meta, meta, '');
  for (const [lotId, decision] of Object.entries(meta.lots ?? {})) {
    if (!procedure.lots.some((lot) => lot.id === lotId)) throw new RangeError(`lots.${lotId}: the procedure has no such lot`);
    checkDateTime(`lots.${lotId}.awardDecisionAt`, decision.awardDecisionAt);
    checkDate(`lots.${lotId}.standstillEndsOn`, decision.standstillEndsOn);
  }
  checkUri(meta.uri);
  const ids = procedure.lots.map((lot) => lot.id).join(',');
  if (result.lots.map((lot) => lot.lotId).join(',') !== ids || result.allocation.map((lot) => lot.lotId).join(',') !== ids) {
    throw new RangeError('the result is not the evaluation of this procedure: its lots differ');
  }
}

function decisionOf(meta: ProcedureReleaseMeta, lotId: string): OcdsLotDecision {
  return (
    meta.lots?.[lotId] ?? {
      status: meta.status,
      awardDecisionAt: meta.awardDecisionAt,
      standstillEndsOn: meta.standstillEndsOn,
    }
  );
}

/** "1 perceel", "2 percelen". */
function lotCount(n: number): string {
  return n === 1 ? '1 perceel' : `${n} percelen`;
}

/**
 * The limitation and its published rule in Dutch, for `tender.lotDetails.awardCriteriaDetails`.
 * @example describeAwardLimit({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] })
 * // 'Gunningsbeperking: maximaal 1 perceel per inschrijver (per KvK-nummer), toegepast volgens de regel "volgorde van de percelen": ... Volgorde: L1, L2.'
 */
export function describeAwardLimit(limit: AwardLimit): string {
  const term = AWARD_LIMIT_RULE_TERMS[limit.rule];
  const order = limit.rule === 'lot-order' && limit.lotOrder !== undefined ? ` Volgorde: ${limit.lotOrder.join(', ')}.` : '';
  return (
    `Gunningsbeperking: maximaal ${lotCount(limit.maxLotsPerBidder)} per inschrijver (per KvK-nummer), ` +
    `toegepast volgens de regel "${term.label}": ${term.explanation}${order}`
  );
}

function lotDetails(limit: AwardLimit | undefined): OcdsLotDetails | undefined {
  if (limit === undefined) return undefined;
  return { maximumLotsAwardedPerSupplier: limit.maxLotsPerBidder, awardCriteriaDetails: describeAwardLimit(limit) };
}

function buildLot(lot: ProcedureLot, meta: ProcedureReleaseMeta, awarded: boolean): OcdsLot {
  const { dossier } = lot;
  const status = decisionOf(meta, lot.id).status;
  // A lot the decision leaves without a winner (no bid, every bid excluded, none left within
  // the limitation) is unsuccessful once the procedure is final.
  const ocdsStatus = status === 'awarded' && !awarded ? 'unsuccessful' : ocdsTenderStatus(status);
  return {
    id: lot.id,
    title: dossier.tender.lot,
    description: `${dossier.tender.title} (kenmerk ${dossier.tender.reference}).`,
    status: ocdsStatus,
    ...(dossier.tender.estimatedValue === undefined ? {} : { value: { amount: dossier.tender.estimatedValue, currency: 'EUR' as const } }),
    awardCriteria: lotAwardCriteria(dossier),
  };
}

function buildTender(procedure: Procedure, meta: ProcedureReleaseMeta, awardedLots: ReadonlySet<string>): OcdsTender {
  const allBids = procedure.lots.flatMap((lot) => lot.dossier.bids);
  const tenderers = uniqueTenderers(allBids);
  const codes = new Set(procedure.lots.map((lot) => ocdsAwardCriteriaCode(lot.dossier.award.method)));
  const estimates = procedure.lots.map((lot) => lot.dossier.tender.estimatedValue);
  const limit = lotDetails(procedure.awardLimit);
  const built: OcdsTender = {
    id: meta.id,
    title: procedure.procedure.title,
    description: `Aanbesteding ${procedure.procedure.reference} in ${lotCount(procedure.lots.length)}: ${procedure.lots.map((lot) => `${lot.id} ${lot.dossier.tender.lot}`).join(', ')}.`,
    status: ocdsTenderStatus(meta.status),
    mainProcurementCategory: 'services',
    // One code when every lot has the same; lots that differ are all rated by some criteria.
    awardCriteria: codes.size === 1 ? ([...codes][0] ?? 'ratedCriteria') : 'ratedCriteria',
    awardCriteriaDetails: procedure.lots.map((lot) => `Perceel ${lot.id} (${lot.dossier.tender.lot}): ${describeAwardMethod(lot.dossier.award)}`).join(' '),
    numberOfTenderers: tenderers.length,
    tenderers,
    lots: procedure.lots.map((lot) => buildLot(lot, meta, awardedLots.has(lot.id))),
    items: procedure.lots.map((lot) => ({
      id: lot.id,
      description: `Inburgering ${lot.dossier.tender.lot}: ${lot.dossier.tender.title}`,
      ...(lot.dossier.tender.expectedLearners === undefined ? {} : { quantity: lot.dossier.tender.expectedLearners, unit: { name: 'inburgeraar' } }),
      relatedLot: lot.id,
    })),
  };
  if (estimates.every((value) => value !== undefined)) {
    built.value = { amount: estimates.reduce((sum, value) => sum + value, 0), currency: 'EUR' };
  }
  if (limit !== undefined) built.lotDetails = limit;
  return Object.assign(built, tenderPeriods(meta));
}

const bidIdIn = (lotId: string) => (bidId: string) => `${lotId}-${bidId}`;

/** See the module comment. Throws a RangeError on a malformed prefix, date or URI, or a result of other lots. */
export function buildProcedureReleasePackage(procedure: Procedure, result: ProcedureResult, meta: ProcedureReleaseMeta): OcdsReleasePackage {
  checkMeta(procedure, result, meta);
  const names = partyNames(procedure.lots.flatMap((lot) => lot.dossier.bids));
  const awards: OcdsAward[] = [];
  const suppliers = new Set<string>();
  const bids: OcdsBids = { statistics: [], details: [] };
  procedure.lots.forEach((lot, index) => {
    const { dossier } = lot;
    const evaluation = result.lots[index]?.result;
    const allocated = result.allocation[index];
    // checkMeta made sure the result has exactly these lots, in this order.
    if (evaluation === undefined || allocated === undefined) throw new RangeError(`lot ${lot.id} has no result`);
    const prepared = prepareLot(dossier);
    const decision = decisionOf(meta, lot.id);
    const lotBids = buildBids({
      dossier,
      lot: prepared,
      result: evaluation,
      status: decision.status,
      lotId: lot.id,
      names: partyNames(dossier.bids),
      tendererNames: names,
      bidIdOf: bidIdIn(lot.id),
    });
    bids.statistics.push(...lotBids.statistics.map((statistic) => ({ ...statistic, id: `${lot.id}-${statistic.id}` })));
    bids.details.push(...lotBids.details);
    const winner = dossier.bids.find((bid) => bid.id === allocated.winner);
    if (winner === undefined) return;
    const award = buildLotAward({
      ...decision,
      lotId: lot.id,
      lotTitle: dossier.tender.lot,
      winner,
      winnerCents: prepared.bids.find((bid) => bid.id === winner.id)?.priceCents ?? 0,
      names,
      relatedBid: bidIdIn(lot.id)(winner.id),
      note: allocated.reason,
    });
    if (award === null) return;
    awards.push(award);
    suppliers.add(winner.provider.kvk);
  });
  const tag =
    awards.length === 0
      ? ocdsReleaseTag(meta.status, false)
      : awards.every((award) => award.status === 'active')
        ? ['awardUpdate' as const]
        : ['award' as const];
  const release: OcdsRelease = {
    ...releaseIdentity(meta, meta),
    tag,
    initiationType: 'tender',
    language: 'nl',
    parties: buildPartiesWithSuppliers(
      meta.buyer,
      procedure.lots.flatMap((lot) => lot.dossier.bids),
      suppliers,
    ),
    buyer: { id: meta.buyer.id, name: meta.buyer.name },
    tender: buildTender(procedure, meta, new Set(awards.flatMap((award) => award.relatedLots))),
    bids,
    ...(awards.length === 0 ? {} : { awards }),
  };
  return releasePackage(meta, release);
}
