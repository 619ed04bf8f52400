/**
 * The response schemas of the OpenAPI document describe the domain's own types, in both
 * directions: a field added to a domain type and not to its schema (or the other way round)
 * fails the type check of `npm test`. The typed route handlers check one direction already
 * (what a service returns must fit the schema); the evaluation is served as cached JSON text,
 * outside that check, so for it and for the other central answers both directions are
 * asserted here.
 */
import type { z } from '@hono/zod-openapi';
import { describe, expectTypeOf, it } from 'vitest';
import type { Dossier, LowBidReview } from '../../../src/domain/evaluation/dossier.js';
import type { BidResult, EvaluationResult, Sensitivity, Warning } from '../../../src/domain/evaluation/result.js';
import type { FormulaCheck } from '../../../src/domain/formula-check/check-formula.js';
import type { LowBidFlag } from '../../../src/domain/low-bids/flag.js';
import type { BlockingReview } from '../../../src/domain/low-bids/blocking-reviews.js';
import type { PanelStatistics } from '../../../src/domain/panel/panel-statistics.js';
import type { AuditEventView } from '../../../src/modules/audit/tender-audit-events.js';
import type { describeVerification } from '../../../src/modules/audit/audit.service.js';
import type { Recomputation as RecomputationView } from '../../../src/modules/auditor/recompute.service.js';
import type { TimelineEntry } from '../../../src/modules/auditor/timeline.service.js';
import type { Bid } from '../../../src/domain/evaluation/dossier.js';
import type { PendingBid, TenderEvaluation } from '../../../src/modules/evaluation/evaluation.service.js';
import type { PanelView } from '../../../src/modules/panel/panel.service.js';
import type { RegionComparisonView } from '../../../src/modules/regions/regions.service.js';
import type { TenderView } from '../../../src/modules/tenders/tenders.service.js';
import type { AuditVerification } from '../../../src/modules/audit/audit.routes.js';
import type { Recomputation } from '../../../src/modules/auditor/auditor.routes.js';
import type {
  BidCorrectionNoticeResponse,
  BidCorrectionResponse,
  BidResponse,
  BidWithCorrectionsResponse,
  BidWithdrawalResponse,
  EvaluatorBidResponse,
} from '../../../src/modules/bids/bids.contract.js';
import type { BidCorrectionNotice, BidCorrectionView } from '../../../src/modules/bids/bid-corrections.js';
import type { WithdrawalView } from '../../../src/modules/bids/bid-corrections.service.js';
import type { BidView, EvaluatorBidView } from '../../../src/modules/bids/bids.service.js';
import type { SignatureCheck } from '../../../src/modules/reports/reports.contract.js';
import type { SignatureRecord } from '../../../src/reports/signing/signature-record.js';
import type {
  BidResultSchema,
  BlockingReviewSchema,
  EvaluationResponse,
  EvaluationWarningSchema,
  LowBidFlagSchema,
  LowBidReviewResponse,
  PanelStatisticsSchema,
  PendingBidSchema,
  SensitivitySchema,
} from '../../../src/modules/evaluation/evaluation.contract.js';
import type { FormulaCheckResponse, ProcedureFormulaCheckResponse } from '../../../src/modules/formula-check/formula-check.contract.js';
import type { ProcedureFormulaCheck } from '../../../src/modules/formula-check/procedure-formula-check.js';
import type { Panel } from '../../../src/modules/panel/panel.routes.js';
import type { RegionComparisonResponse } from '../../../src/modules/regions/regions.contract.js';
import type { DossierResponse, TenderResponse } from '../../../src/modules/tenders/tenders.contract.js';

type Out<S extends z.ZodType> = z.output<S>;

/**
 * True when each type is assignable to the other: the schema accepts every value of the
 * domain type and promises nothing the type does not have. (`toEqualTypeOf` would also tell
 * apart two spellings of the same union, which says nothing about the contract.)
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Mutual assignability lets an optional field slip through on one side: the keys must be the same too. */
type Same<A, B> = Mutual<A, B> extends true ? Mutual<keyof NonNullable<A>, keyof NonNullable<B>> : false;

describe('the response schemas and the domain types', () => {
  it('describe the evaluation, field for field', () => {
    expectTypeOf<Same<Out<typeof LowBidFlagSchema>, LowBidFlag>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof EvaluationWarningSchema>, Warning>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof SensitivitySchema>, Sensitivity>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BlockingReviewSchema>, BlockingReview>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof PanelStatisticsSchema>, PanelStatistics>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof LowBidReviewResponse>, LowBidReview>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BidResultSchema>, BidResult & { lowBidReview?: LowBidReview | undefined }>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof PendingBidSchema>, PendingBid>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof EvaluationResponse>, TenderEvaluation>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Omit<Out<typeof EvaluationResponse>, 'bids' | 'incomplete' | 'pendingBids' | 'blockingReviews' | 'panel'>, Omit<EvaluationResult, 'bids'>>
    >().toEqualTypeOf<true>();
  });

  it('describe the tender, the dossier and the bid', () => {
    expectTypeOf<Same<Out<typeof TenderResponse>, TenderView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof DossierResponse>, Dossier>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BidResponse>, Bid>>().toEqualTypeOf<true>();
  });

  it('describe the bids as listed, their corrections and withdrawals', () => {
    expectTypeOf<Same<Out<typeof BidWithCorrectionsResponse>, BidView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof EvaluatorBidResponse>, EvaluatorBidView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BidCorrectionResponse>, BidCorrectionView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BidCorrectionNoticeResponse>, BidCorrectionNotice>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof BidWithdrawalResponse>, WithdrawalView>>().toEqualTypeOf<true>();
  });

  it('describe the signature check of an issued report', () => {
    expectTypeOf<Same<Out<typeof SignatureCheck>, SignatureRecord>>().toEqualTypeOf<true>();
  });

  it('describe the formula check, the panel, the comparison, the recomputation and the audit check', () => {
    expectTypeOf<Same<Out<typeof FormulaCheckResponse>, FormulaCheck>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof ProcedureFormulaCheckResponse>, ProcedureFormulaCheck>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof Panel>, PanelView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof RegionComparisonResponse>, RegionComparisonView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof Recomputation>, RecomputationView>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Out<typeof AuditVerification>, ReturnType<typeof describeVerification>>>().toEqualTypeOf<true>();
  });

  it('give audit events and timeline entries the fields the services fill', () => {
    expectTypeOf<keyof AuditEventView>().toEqualTypeOf<
      'seq' | 'at' | 'actorUserId' | 'organisationId' | 'action' | 'entityType' | 'entityId' | 'change' | 'prevHash' | 'hash' | 'redacted'
    >();
    expectTypeOf<keyof TimelineEntry>().toEqualTypeOf<'seq' | 'at' | 'who' | 'action' | 'description' | 'before' | 'after' | 'redacted'>();
  });
});
