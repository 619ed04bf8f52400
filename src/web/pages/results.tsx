/**
 * @module
 * `GET /aanbestedingen/:id/uitslag`: the evaluation of `GET /api/v1/tenders/:id/evaluation`
 * as a page (ranking, exclusions, flagged bids with their review and its actions, warnings
 * and sensitivity, the quality-price chart), and the award decision and award.
 * `POST .../inschrijvingen/:bidId/onderzoek`: one step of a review (`applyLowBidReviewAction`,
 * checked first with the API's own `reviewActionSchema`); `POST .../gunningsbeslissing` and
 * `POST .../gunnen`: `proposeAward` and `awardTender`; `POST .../gunningsbeslissing-intrekken`:
 * `withdrawAwardDecision`.
 */
import { Hono, type Context } from 'hono';
import { reviewActionSchema } from '../../domain/low-bids/review-action.schema.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput, zodIssuesToFieldErrors } from '../../lib/zod-errors.js';
import { awardTender, proposeAward, withdrawAwardDecision } from '../../modules/award/award.service.js';
import { awardDecisionReadiness, awardReadiness, type Readiness } from '../../modules/award/award-readiness.js';
import { bidLabel, bidLabeller } from '../../domain/bid-label.js';
import { AwardDecisionBody, WithdrawalBody } from '../../modules/award/award.routes.js';
import { listBids, type BidView } from '../../modules/bids/bids.service.js';
import { evaluateTender, type TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import { applyLowBidReviewAction } from '../../modules/low-bid-reviews/low-bid-reviews.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { getTender, type TenderView } from '../../modules/tenders/tenders.service.js';
import { Notice } from '../components/alerts.js';
import { Analysis } from '../components/analysis.js';
import { AWARD_STEP_IDS, AwardSection, type AwardForm, type AwardFormState } from '../components/award-section.js';
import { BidName } from '../components/bid-name.js';
import { confirmationFieldId } from '../components/confirm-step.js';
import { CONFIRMATIONS } from '../confirmations.js';
import { requireConfirmation } from '../forms/confirmation.js';
import { LowBidReviewSection, reviewFieldId, type ReviewFormState } from '../components/low-bid-review.js';
import type { ChartPoint } from '../../reports/quality-price-point.js';
import { QualityPriceChart } from '../components/quality-price-chart.js';
import { ExclusionsTable, RankingTable, type BidFacts } from '../components/results-tables.js';
import { TenderFrame, tenderPath, type PageErrors } from '../components/tender-frame.js';
import { fieldId, formError, mapFieldErrors, type FormErrors } from '../forms/form-errors.js';
import { optionalText, readForm } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { readBidNames } from '../tender-data.js';
import { viewerOf, type Viewer } from '../viewer.js';

/** The fields of each award form, named by the services' problem paths. */
const AWARD_FIELDS: Record<AwardForm, ReadonlyMap<string, string>> = {
  decision: new Map([
    ['drawOfLots.winner', 'Winnaar van de loting'],
    ['drawOfLots.record', 'Verslag van de loting'],
    ['bevestiging', 'Bevestiging'],
  ]),
  award: new Map([['bevestiging', 'Bevestiging']]),
  withdrawal: new Map([['reason', 'Reden van de intrekking']]),
};
const AWARD_TITLES: Record<AwardForm, string> = {
  decision: 'De gunningsbeslissing is niet genomen',
  award: 'Er is niet definitief gegund',
  withdrawal: 'De gunningsbeslissing is niet ingetrokken',
};
/** The confirmation's checkbox of a form has its own id; the other fields are named as usual. */
const awardFieldId = (form: AwardForm) => (name: string) =>
  name === 'bevestiging' && form !== 'withdrawal' ? confirmationFieldId(AWARD_STEP_IDS[form]) : fieldId(name);

/** A refusal at this form's fields lands at them; any other (a review still open) is one message. */
function awardFormErrors(error: AppError, form: AwardForm): FormErrors {
  const fields = AWARD_FIELDS[form];
  const atFields = error.errors.length > 0 && error.errors.every((e) => fields.has(e.path));
  return atFields ? mapFieldErrors(error.errors, fields, undefined, awardFieldId(form)) : formError(error.detail ?? error.message);
}

const REVIEW_FIELDS = new Map([
  ['deadline', 'Termijn'],
  ['questions', 'Vragen'],
  ['explanation', 'Toelichting'],
  ['receivedAt', 'Ontvangen op'],
  ['decision', 'Besluit'],
  ['motivation', 'Motivering'],
  ['action', 'Stap'],
]);

function chartPoints(evaluation: TenderEvaluation, view: TenderView, facts: ReadonlyMap<string, BidFacts>): ChartPoint[] {
  const label = (bidId: string) => bidLabel(bidId, facts.get(bidId)?.providerName);
  const totalWeight = view.criteria.reduce((sum, c) => sum + c.weight, 0);
  return evaluation.bids.flatMap((result) => {
    // A fixed-price bid without a price is at the fixed price, as in the report.
    const price = facts.get(result.bidId)?.price ?? view.award.fixedPrice;
    if (price === undefined || totalWeight <= 0) return [];
    const kind: ChartPoint['kind'] = result.bidId === evaluation.winner ? 'winner' : result.status === 'excluded' ? 'excluded' : 'ranked';
    return [
      {
        label: label(result.bidId),
        name: label(result.bidId),
        price,
        quality: result.qualityPoints / totalWeight,
        kind,
        flagged: result.lowBidFlags.length > 0,
      },
    ];
  });
}

type ResultsProps = {
  decisionReadiness: Readiness;
  awardReadinessNow: Readiness;
  viewer: Viewer;
  access: TenderAccess;
  view: TenderView;
  evaluation: TenderEvaluation;
  bids: BidView[];
  reviewForm?: ReviewFormState | undefined;
  awardForm?: AwardFormState | undefined;
  notice?: string | undefined;
};

/** The refused form's messages, for the top of the page. */
function pageErrorsOf(
  reviewForm: ReviewFormState | undefined,
  awardForm: AwardFormState | undefined,
  labelOf: (bidId: string) => string,
): PageErrors | undefined {
  if (reviewForm !== undefined) return { title: `De stap in het onderzoek naar ${labelOf(reviewForm.bidId)} is niet vastgelegd`, errors: reviewForm.errors };
  if (awardForm !== undefined) return { title: AWARD_TITLES[awardForm.form], errors: awardForm.errors };
  return undefined;
}

function ResultsPage({ viewer, access, view, evaluation, bids, reviewForm, awardForm, notice, decisionReadiness, awardReadinessNow }: ResultsProps) {
  const facts = new Map(bids.map((b): [string, BidFacts] => [b.id, { providerName: b.provider.name, price: b.price }]));
  const isReviewed = (b: { lowBidFlags: unknown[]; lowBidReview?: { state: string } | undefined }) =>
    b.lowBidFlags.length > 0 || (b.lowBidReview !== undefined && b.lowBidReview.state !== 'open');
  // Bids still waiting for consensus scores carry their price-only flags: the review can start.
  const reviewed = [...evaluation.bids.filter(isReviewed), ...evaluation.pendingBids.filter(isReviewed).map((b) => ({ ...b, pending: true }))];
  const bidsById = new Map(bids.map((b) => [b.id, b]));
  const names = new Map(bids.map((b) => [b.id, b.provider.name]));
  const labelOf = bidLabeller(names);
  const canReview = access.roles.has('inkoper') && view.status === 'open';
  const base = tenderPath(access);
  return (
    <TenderFrame viewer={viewer} access={access} tab="uitslag" title="Uitslag" errors={pageErrorsOf(reviewForm, awardForm, labelOf)}>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {evaluation.incomplete.length === 0 ? null : (
        <Notice kind="warning">
          Voorlopige uitslag: er ontbreken nog {evaluation.incomplete.length} consensusscores (
          {evaluation.incomplete.map((m) => `${labelOf(m.bidId)} op ${m.criterionId}`).join(', ')}). Alleen de volledig beoordeelde inschrijvingen zijn
          gerangschikt. De signalen voor mogelijk abnormaal lage inschrijvingen volgen uit de prijzen en staan hieronder al voor elke inschrijving.
        </Notice>
      )}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Winnaar volgens de beoordeling:{' '}
        <strong>{evaluation.winner === null ? 'nog geen' : <BidName bidId={evaluation.winner} name={names.get(evaluation.winner)} />}</strong>.
      </p>
      <RankingTable evaluation={evaluation} facts={facts} />
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Kwaliteit tegen prijs</h2>
      <QualityPriceChart points={chartPoints(evaluation, view, facts)} />
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Uitgesloten inschrijvingen</h2>
      <ExclusionsTable evaluation={evaluation} facts={facts} />
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Mogelijk abnormaal lage inschrijvingen (art. 2.116 Aanbestedingswet)</h2>
      {reviewed.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Geen inschrijving is gemarkeerd als mogelijk abnormaal laag.</p>
      ) : (
        reviewed.map((bid) => (
          <LowBidReviewSection
            bid={bid}
            pending={'pending' in bid}
            corrections={bidsById.get(bid.bidId)?.corrections}
            withdrawal={bidsById.get(bid.bidId)?.withdrawal}
            names={names}
            impact={evaluation.lowBidImpact?.[bid.bidId]}
            canAct={canReview}
            actionPath={`${base}/inschrijvingen/${encodeURIComponent(bid.bidId)}/onderzoek`}
            letterPath={`/api/v1/tenders/${access.tender.id}/bids/${encodeURIComponent(bid.bidId)}/low-bid-review/letter`}
            formState={reviewForm}
          />
        ))
      )}
      <Analysis evaluation={evaluation} labelOf={labelOf} />
      <AwardSection
        access={access}
        view={view}
        evaluation={evaluation}
        names={names}
        decisionReadiness={decisionReadiness}
        awardReadiness={awardReadinessNow}
        formState={awardForm}
      />
    </TenderFrame>
  );
}

export function resultsPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  // Through the bids service, as every name on the page: who may read a school's name is its to decide.
  const labelFor = (c: Context<AppEnv>, bidId: string) => bidLabel(bidId, readBidNames(ctx, requireActor(c), tenderAccessOf(c)).get(bidId));
  const render = (c: Context<AppEnv>, extra: Partial<ResultsProps>, status: 200 | 400 | 409 = 200) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const evaluation = evaluateTender(ctx, { access });
    const view = getTender(ctx, { actor: viewer.actor, access });
    const bids = listBids(ctx, { actor: viewer.actor, access }) as BidView[];
    const label = bidLabeller(new Map(bids.map((b) => [b.id, b.provider.name])));
    const props: ResultsProps = {
      viewer,
      access,
      view,
      evaluation,
      bids,
      decisionReadiness: awardDecisionReadiness(ctx, { access, evaluation, label }),
      awardReadinessNow: awardReadiness(ctx, { access, standstillEndsOn: view.awardDecision?.standstillEndsOn ?? null }),
      ...extra,
    };
    return renderPage(c, <ResultsPage {...props} />, status);
  };

  app.get('/aanbestedingen/:id/uitslag', (c) => render(c, { notice: c.req.query('melding') }));

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/onderzoek', async (c) => {
    const access = tenderAccessOf(c);
    const bidId = c.req.param('bidId');
    const values = await readForm(c);
    const action = values.action ?? '';
    const candidate: Record<string, unknown> = { action };
    for (const key of ['deadline', 'questions', 'explanation', 'receivedAt', 'decision', 'motivation']) {
      const value = optionalText(values[key]);
      if (value !== undefined) candidate[key] = value;
    }
    const idOf = (name: string) => reviewFieldId(bidId, name);
    const fail = (errors: FormErrors, status: 400 | 409) => render(c, { reviewForm: { bidId, action, values, errors } }, status);
    const parsed = reviewActionSchema.safeParse(candidate);
    if (!parsed.success) return fail(mapFieldErrors(zodIssuesToFieldErrors(parsed.error.issues), REVIEW_FIELDS, undefined, idOf), 400);
    try {
      applyLowBidReviewAction(ctx, { actor: requireActor(c), access, bidId, action: parsed.data });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, REVIEW_FIELDS, undefined, idOf) : formError(error.detail ?? error.message);
      return fail(errors, error.status as 400);
    }
    return redirectAfterPost(
      c,
      `${tenderPath(access, 'uitslag')}?melding=${encodeURIComponent(`Het onderzoek naar ${labelFor(c, bidId)} is bijgewerkt.`)}#onderzoek-${bidId}-kop`,
    );
  });

  app.post('/aanbestedingen/:id/gunningsbeslissing', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const winner = optionalText(values['drawOfLots.winner']);
    const drawOfLots = winner === undefined ? undefined : { winner, record: values['drawOfLots.record'] ?? '' };
    try {
      requireConfirmation(values, CONFIRMATIONS.awardDecision);
      const decision = proposeAward(ctx, { actor: requireActor(c), access, input: parseInput(AwardDecisionBody, { drawOfLots }) });
      return redirectAfterPost(
        c,
        `${tenderPath(access, 'uitslag')}?melding=${encodeURIComponent(`De gunningsbeslissing is genomen: gunnen aan ${labelFor(c, decision.winner)}.`)}`,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      return render(c, { awardForm: { form: 'decision', values, errors: awardFormErrors(error, 'decision') } }, error.status as 400);
    }
  });

  app.post('/aanbestedingen/:id/gunningsbeslissing-intrekken', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    try {
      const withdrawn = withdrawAwardDecision(ctx, { actor: requireActor(c), access, input: parseInput(WithdrawalBody, { reason: values['reason'] ?? '' }) });
      const notice = `De gunningsbeslissing (${labelFor(c, withdrawn.withdrawnWinner)}) is ingetrokken; de aanbesteding is weer geopend.`;
      return redirectAfterPost(c, `${tenderPath(access, 'uitslag')}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      return render(c, { awardForm: { form: 'withdrawal', values, errors: awardFormErrors(error, 'withdrawal') } }, error.status as 400);
    }
  });

  app.post('/aanbestedingen/:id/gunnen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    try {
      requireConfirmation(values, CONFIRMATIONS.award);
      const awarded = awardTender(ctx, { actor: requireActor(c), access });
      return redirectAfterPost(
        c,
        `${tenderPath(access, 'uitslag')}?melding=${encodeURIComponent(`De aanbesteding is definitief gegund aan ${labelFor(c, awarded.winner)}.`)}`,
      );
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      return render(c, { awardForm: { form: 'award', values, errors: awardFormErrors(error, 'award') } }, error.status as 400);
    }
  });

  return app;
}
