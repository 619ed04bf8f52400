/**
 * @module
 * What the opening record (proces-verbaal van opening van de prijsenveloppen) states, read from
 * the tender at the confirmation: the two officers, per bid its price envelope (name, version,
 * SHA-256 as recorded at receipt) and the entered price, and the locked quality scores.
 */
import type { EnteredPrice } from '../../domain/envelopes/price-opening.js';
import type { AppContext } from '../../http/types.js';
import type { PriceOpeningRecordData } from '../../reports/price-opening-record.js';
import type { ReportSigner } from '../../reports/signing/signer.js';
import { checkPageUrl } from '../reports/report-data.service.js';
import type { TenderRow } from '../tenders/tenders.queries.js';

export type PriceEnvelope = { bidId: string; documentId: string; name: string; sha256: string; receivedAt: string; version: number };

export function buildPriceOpeningRecordData(
  ctx: AppContext,
  options: {
    tender: TenderRow;
    reportId: string;
    confirmedAt: string;
    prices: readonly EnteredPrice[];
    envelopes: readonly PriceEnvelope[];
    firstOfficer: string;
    secondOfficer: string;
    signer: ReportSigner;
  },
): PriceOpeningRecordData {
  const { tender } = options;
  const nameOf = (userId: string) => ctx.queries.auth.findUserById(userId)?.name ?? userId;
  const criteria = ctx.queries.tenders.listCriteria(tender.id);
  const scores = ctx.queries.tenders.listScores(tender.id);
  const bids = ctx.queries.tenders.listBids(tender.id);
  return {
    reportId: options.reportId,
    tender: { id: tender.id, reference: tender.reference, title: tender.title, buyer: tender.buyer, lot: tender.lot },
    qualityLockedAt: tender.qualityLockedAt ?? '',
    pricesEnteredAt: tender.pricesEnteredAt ?? '',
    confirmedAt: options.confirmedAt,
    firstOfficer: nameOf(options.firstOfficer),
    secondOfficer: nameOf(options.secondOfficer),
    criteria: criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight })),
    bids: bids.map((bid) => {
      const entry = options.prices.find((p) => p.bidId === bid.id);
      return {
        bidId: bid.id,
        providerName: bid.providerName,
        withdrawn: bid.withdrawnOn !== null,
        envelopes: options.envelopes.filter((e) => e.bidId === bid.id).map(({ name, sha256, receivedAt, version }) => ({ name, sha256, receivedAt, version })),
        price: entry?.price ?? null,
        priceLines: entry?.priceLines ?? [],
        qualityScores: Object.fromEntries(scores.filter((s) => s.bidId === bid.id).map((s) => [s.criterionId, s.score])),
      };
    }),
    certificate: options.signer.certificate,
    signatureLevel: options.signer.signatureLevel,
    checkUrl: checkPageUrl(ctx),
  };
}
