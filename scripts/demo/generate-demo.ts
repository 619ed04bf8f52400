/**
 * @module
 * Fills an empty database with the demo world of demo-world.ts, through the services, as
 * the people in it would have done it over three years: organisations, users and schools
 * first, then every step of every tender (import or bids, opening, panel declarations,
 * scores and seals, consensus, art. 2.116 reviews, award decisions and awards) in date
 * order across tenders, each on its own simulated day. The audit trail therefore tells the
 * story in order, and each service's own checks (status gates, the standstill, the review's
 * order of steps) apply as they would to a user. On the day of each award decision the
 * inkoper issues the signed evaluation report and an award letter to every bidder, so an
 * auditor finds signed documents to check on every decided tender.
 */
import type { AppContext, Actor } from '../../src/http/types.js';
import type { Role } from '../../src/db/schema/index.js';
import { addCalendarDays } from '../../src/domain/dates.js';
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import { awardAllowedOn } from '../../src/domain/lifecycle/standstill.js';
import { awardTender, proposeAward } from '../../src/modules/award/award.service.js';
import { addBid, setConsensusScore } from '../../src/modules/bids/bids.service.js';
import { applyLowBidReviewAction } from '../../src/modules/low-bid-reviews/low-bid-reviews.service.js';
import { rolesForOrganisation } from '../../src/modules/organisations/organisation-access.js';
import { createOrganisation } from '../../src/modules/organisations/organisations.service.js';
import { assignEvaluator, declareConflictOfInterest } from '../../src/modules/panel/panel.service.js';
import { sealScores, setIndividualScore } from '../../src/modules/panel/scores.service.js';
import { createProcedure } from '../../src/modules/procedures/procedure-creation.service.js';
import { requireProcedureAccess } from '../../src/modules/procedures/procedure-access.js';
import { setAwardLimit } from '../../src/modules/procedures/procedures.service.js';
import { createProvider } from '../../src/modules/providers/providers.service.js';
import { createReport } from '../../src/modules/reports/reports.service.js';
import type { TenderAccess } from '../../src/modules/tenders/tender-access.js';
import { createTender, importTender, openTender } from '../../src/modules/tenders/tenders.service.js';
import { createUser, ensurePlatformAdmin } from '../../src/modules/users/users.service.js';
import type { DemoClock } from './demo-clock.js';
import { dossierOf, emptyDossierOf, scoresOf } from './demo-dossiers.js';
import {
  ADMIN_EMAIL,
  DEMO_PASSWORD,
  DRAFT_PROCEDURE,
  ORGANISATION_NAMES,
  PANEL,
  REGION,
  SCHOOLS,
  TENDERS,
  USERS,
  type DemoStart,
  type DemoTender,
  type OrganisationKey,
} from './demo-world.js';

export type DemoSummary = {
  organisations: Record<OrganisationKey, string>;
  /** `start`: the page to open first, a path of the site. */
  users: { email: string; name: string; what: string; start: string }[];
  tenders: { reference: string; id: string; lot: string; opensOn: string; status: string }[];
  /** The procedures in lots (DRAFT_PROCEDURE); their lots are not in `tenders`. */
  procedures: { reference: string; id: string; title: string }[];
};

/** A step of the story; an asynchronous one (a signed report) is awaited before the clock moves on. */
type Step = { at: string; run: () => unknown };

function actorOf(ctx: AppContext, email: string): Actor {
  const user = ctx.queries.auth.findUserByEmail(email);
  if (user === undefined) throw new Error(`demo: no user ${email}`);
  const { id: userId, name, isPlatformAdmin } = user;
  return { userId, email, name, isPlatformAdmin, memberships: ctx.queries.auth.listMembershipsOfUser(userId), via: 'token', credentialHash: '' };
}

/** What `tenderScope` would establish for the actor. */
function accessFor(ctx: AppContext, actor: Actor, tenderId: string): TenderAccess {
  const tender = ctx.queries.tenders.findTender(tenderId);
  const organisation = tender && ctx.queries.organisations.findOrganisation(tender.organisationId);
  if (tender === undefined || organisation === undefined) throw new Error(`demo: no tender ${tenderId}`);
  return { tender, roles: rolesForOrganisation(ctx, actor, organisation) };
}

/** 09:00 in Amsterdam in winter, 10:00 in summer: office hours either way. */
const morningOf = (date: string, days = 0) => `${addCalendarDays(date, days)}T08:00:00.000Z`;

/** The score a criterion's level means, as a motivation. */
function meaningOf(dossier: Dossier, criterionId: string, score: number): string {
  const criterion = dossier.criteria.find((c) => c.id === criterionId);
  return criterion?.levels?.find((level) => level.score === score)?.meaning ?? `Beoordeeld met ${score} punten op ${criterion?.title ?? criterionId}.`;
}

/** The second evaluator is a step stricter or milder now and then; the consensus stays within the two. */
function secondOpinion(score: number, scale: readonly number[], bidIndex: number, criterionIndex: number): number {
  if ((bidIndex + criterionIndex) % 3 !== 0) return score;
  const at = scale.indexOf(score);
  const other = scale[at > 0 ? at - 1 : at + 1];
  return other ?? score;
}

function tenderSteps(ctx: AppContext, spec: DemoTender, actors: Map<string, Actor>, ids: Map<string, string>): Step[] {
  const inkoper = actors.get(spec.inkoper) as Actor;
  const organisationId = ids.get(spec.owner) as string;
  const id = () => ids.get(spec.reference) as string;
  const as = (actor: Actor) => ({ actor, access: accessFor(ctx, actor, id()) });
  const steps: Step[] = [];
  const at = (days: number, run: () => void) => steps.push({ at: morningOf(spec.opensOn, days), run });

  if (spec.scoring === 'imported') {
    at(-14, () => ids.set(spec.reference, importTender(ctx, { actor: inkoper, organisationId, dossier: dossierOf(spec) }).id));
  } else {
    const dossier = emptyDossierOf(spec);
    at(-21, () => {
      const input = {
        template: spec.template,
        reference: spec.reference,
        title: spec.title,
        expectedLearners: spec.learners,
        estimatedValue: spec.estimatePerLearner * spec.learners,
      };
      ids.set(spec.reference, createTender(ctx, { actor: inkoper, organisationId, input }).id);
    });
    spec.bids.forEach((bid, i) => {
      at(-20 + i, () => addBid(ctx, { ...as(inkoper), input: { provider: SCHOOLS[bid.school], price: bid.pricePerLearner * spec.learners } }));
    });
    at(-14, () => {
      for (const key of PANEL) assignEvaluator(ctx, { ...as(inkoper), userId: (actors.get(key) as Actor).userId });
    });
    if (spec.scoring === 'panel') {
      PANEL.forEach((key, e) => {
        const evaluator = actors.get(key) as Actor;
        at(-13 + e, () => declareConflictOfInterest(ctx, { ...as(evaluator), input: { noConflict: true } }));
        at(2 + 2 * e, () => {
          spec.bids.forEach((bid, b) => {
            Object.entries(scoresOf(dossier, bid, spec.reference)).forEach(([criterionId, consensus], c) => {
              const scale = dossier.criteria[c]?.scale ?? [];
              const score = e === 0 ? consensus : secondOpinion(consensus, scale, b, c);
              const motivation = `${SCHOOLS[bid.school].name}: ${meaningOf(dossier, criterionId, score)}`;
              setIndividualScore(ctx, { ...as(evaluator), bidId: `B${b + 1}`, criterionId, input: { score, motivation } });
            });
          });
          sealScores(ctx, as(evaluator));
        });
      });
      at(8, () => {
        spec.bids.forEach((bid, b) => {
          for (const [criterionId, score] of Object.entries(scoresOf(dossier, bid, spec.reference))) {
            const motivation = `Na overleg in het panel vastgesteld op ${score}. ${meaningOf(dossier, criterionId, score)}`;
            setConsensusScore(ctx, { ...as(inkoper), bidId: `B${b + 1}`, criterionId, input: { score, motivation } });
          }
        });
      });
    }
  }
  at(0, () => openTender(ctx, as(inkoper)));

  const { review } = spec;
  if (review !== undefined) {
    const bidId = `B${spec.bids.findIndex((bid) => bid.school === review.school) + 1}`;
    const act = (action: Parameters<typeof applyLowBidReviewAction>[1]['action']) => applyLowBidReviewAction(ctx, { ...as(inkoper), bidId, action });
    at(2, () => act({ action: 'request-explanation', deadline: addCalendarDays(spec.opensOn, 16), questions: review.questions }));
    at(9, () => act({ action: 'record-explanation', explanation: review.explanation }));
    at(14, () => act({ action: 'decide', decision: review.decision, motivation: review.motivation }));
  }
  if (spec.until !== 'open') {
    const decidedOn = addCalendarDays(spec.opensOn, spec.decisionAfterDays ?? 21);
    steps.push({ at: morningOf(decidedOn), run: () => proposeAward(ctx, { ...as(inkoper), input: {} }) });
    // With the decision go the letters (art. 2.130 Aanbestedingswet) and the signed record of the evaluation.
    steps.push({ at: morningOf(decidedOn), run: () => issueDecisionReports(ctx, as(inkoper)) });
    // The first day the award is allowed: the day after the 20-day standstill (computeStandstillEnd).
    if (spec.until === 'awarded') steps.push({ at: morningOf(awardAllowedOn(addCalendarDays(decidedOn, 20))), run: () => awardTender(ctx, as(inkoper)) });
  }
  return steps;
}

/** DRAFT_PROCEDURE, made as its inkoper would on the procedure pages: the lots from their templates, then the limitation. */
function draftProcedureSteps(ctx: AppContext, actors: Map<string, Actor>, ids: Map<string, string>): Step[] {
  const spec = DRAFT_PROCEDURE;
  const actor = actors.get(spec.inkoper) as Actor;
  const run = () => {
    const lots = spec.lots.map((lot) => ({ ...lot }));
    const view = createProcedure(ctx, { actor, organisationId: ids.get(spec.owner) as string, input: { reference: spec.reference, title: spec.title, lots } });
    ids.set(spec.reference, view.id);
    const { awardLimit } = spec;
    setAwardLimit(ctx, {
      actor,
      access: requireProcedureAccess(ctx, actor, view.id),
      awardLimit: { ...awardLimit, lotOrder: [...awardLimit.lotOrder] },
      preferences: null,
    });
  };
  return [{ at: morningOf(spec.createdOn), run }];
}

/** The page a demo user opens first. */
function startPath(start: DemoStart, ids: ReadonlyMap<string, string>): string {
  if ('tender' in start) return `/aanbestedingen/${ids.get(start.tender) ?? start.tender}/${start.tab}`;
  if (start.page === 'regiovergelijking') return `/regio/${ids.get('regio') ?? ''}/vergelijking`;
  return `/${start.page}`;
}

/** The evaluation report and an award letter per bid, each signed and stored as the reports page makes them. */
async function issueDecisionReports(ctx: AppContext, { actor, access }: { actor: Actor; access: TenderAccess }): Promise<void> {
  await createReport(ctx, { actor, access, input: { kind: 'evaluation' } });
  for (const bid of ctx.queries.tenders.listBids(access.tender.id)) {
    await createReport(ctx, { actor, access, input: { kind: 'award-letter', bidId: bid.id } });
  }
}

/**
 * @example const summary = await generateDemo(ctx, clock); summary.tenders.length // 12
 */
export async function generateDemo(ctx: AppContext, clock: DemoClock): Promise<DemoSummary> {
  clock.set('2023-12-04T08:00:00.000Z');
  await ensurePlatformAdmin(ctx, { email: ADMIN_EMAIL, password: DEMO_PASSWORD });
  const admin = actorOf(ctx, ADMIN_EMAIL);

  const ids = new Map<string, string>();
  const gemeente = (key: OrganisationKey) =>
    ids.set(key, createOrganisation(ctx, { actor: admin, input: { name: ORGANISATION_NAMES[key], kind: 'gemeente' } }).id);
  (['zwolle', 'kampen', 'dalfsen', 'raalte'] as const).forEach(gemeente);
  const memberIds = [REGION.centrumgemeente, ...REGION.members].map((name) => {
    const key = (Object.keys(ORGANISATION_NAMES) as OrganisationKey[]).find((k) => ORGANISATION_NAMES[k] === name);
    return ids.get(key as OrganisationKey) as string;
  });
  ids.set('regio', createOrganisation(ctx, { actor: admin, input: { name: REGION.name, kind: 'regio', memberIds } }).id);

  // scrypt runs on the thread pool: hashing the users' passwords side by side.
  await Promise.all(
    USERS.map((user) =>
      createUser(ctx, {
        actor: admin,
        input: {
          email: user.email,
          name: user.name,
          password: DEMO_PASSWORD,
          memberships: user.memberships.map((m) => ({ organisationId: ids.get(m.organisation) as string, role: m.role as Role })),
        },
      }),
    ),
  );
  const actors = new Map(USERS.map((user) => [user.key, actorOf(ctx, user.email)]));

  const regioInkoper = actors.get('regioInkoper') as Actor;
  for (const school of Object.values(SCHOOLS)) createProvider(ctx, { actor: regioInkoper, input: school });

  const steps = [...TENDERS.flatMap((spec) => tenderSteps(ctx, spec, actors, ids)), ...draftProcedureSteps(ctx, actors, ids)];
  // Stable: steps of one tender on one day keep the order they were planned in.
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
  }

  return {
    organisations: Object.fromEntries((Object.keys(ORGANISATION_NAMES) as OrganisationKey[]).map((key) => [key, ids.get(key) as string])) as Record<
      OrganisationKey,
      string
    >,
    users: [
      { email: ADMIN_EMAIL, name: 'Platformbeheerder', what: "platformbeheerder (organisaties, regio's en gebruikers)", start: '/beheer' },
      ...USERS.map(({ email, name, what, start }) => ({ email, name, what, start: startPath(start, ids) })),
    ],
    tenders: TENDERS.map((spec) => {
      const id = ids.get(spec.reference) as string;
      const tender = ctx.queries.tenders.findTender(id);
      return { reference: spec.reference, id, lot: tender?.lot ?? '', opensOn: spec.opensOn, status: tender?.status ?? '' };
    }),
    procedures: [{ reference: DRAFT_PROCEDURE.reference, id: ids.get(DRAFT_PROCEDURE.reference) as string, title: DRAFT_PROCEDURE.title }],
  };
}
