/**
 * @module
 * `GET /aanbestedingen/:id`: the tender at a glance with what to do next, and
 * `GET/POST /aanbestedingen/:id/openen`: opening it after a confirmation that says what
 * becomes fixed (`openTender`, the service behind `POST /api/v1/tenders/:id/open`). When the
 * stored tender's formula invites underbidding (issue 10) the page shows the check's verdict
 * and asks for an explicit confirmation and a motivation, which `openTender` requires and
 * records in the audit trail; its refusals land at those two fields.
 */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { FormulaCheck } from '../../domain/formula-check/check-formula.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { formulaCheckOf } from '../../modules/formula-check/formula-check.service.js';
import { tenderAccessOf, tenderRowOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { resolveProcedureAccess } from '../../modules/procedures/procedure-access.js';
import { getTender, openTender, type TenderView } from '../../modules/tenders/tenders.service.js';
import { OpenTenderBody } from '../../modules/tenders/tenders.contract.js';
import { parseInput } from '../../lib/zod-errors.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { CheckboxField, TextareaField } from '../components/form-field.js';
import { VerdictAlert } from '../components/formula-check-view.js';
import { WeightsTable } from '../components/tender-settings-view.js';
import { summariseWeights } from '../../domain/evaluation/weights.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatInstantDate, formatIsoDate, formatOptionalEuros } from '../format.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { flaggedCount, readBidNames, readBids, readEvaluation } from '../tender-data.js';
import { decidedWinner } from '../../modules/award/decided-winner.js';
import { BidName } from '../components/bid-name.js';
import { DataList } from '../components/data-list.js';
import { PRICE_OPENING_STAGE_NAMES } from '../../domain/vocabulary/index.js';
import { viewerOf, type Viewer } from '../viewer.js';

function Link({ href, children }: { href: string; children?: Child }) {
  return (
    <a class="utrecht-link utrecht-link--html-a" href={href}>
      {children}
    </a>
  );
}

function NextSteps({ access, view }: { access: TenderAccess; view: TenderView }) {
  const inkoper = access.roles.has('inkoper');
  if (view.status === 'draft' && inkoper) {
    return (
      <>
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Volgende stappen</h2>
        <ol class="utrecht-ordered-list">
          <li class="utrecht-ordered-list__item">
            Controleer de <Link href={tenderPath(access, 'instellingen')}>criteria, de gewichten en de formule</Link>.
          </li>
          <li class="utrecht-ordered-list__item">
            Stel het <Link href={tenderPath(access, 'panel')}>beoordelingspanel</Link> samen.
          </li>
          <li class="utrecht-ordered-list__item">
            Voer de <Link href={tenderPath(access, 'inschrijvingen')}>inschrijvingen</Link> in of lees ze in uit een spreadsheet.
          </li>
          <li class="utrecht-ordered-list__item">
            <Link href={tenderPath(access, 'openen')}>Open de aanbesteding</Link>: de inschrijving sluit en de criteria liggen vast.
          </li>
        </ol>
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Per vergissing of dubbel aangemaakt? <Link href={tenderPath(access, 'verwijderen')}>Deze aanbesteding verwijderen</Link>.
        </p>
      </>
    );
  }
  const opening = view.priceOpening;
  if (inkoper && view.status === 'open' && opening !== null && opening.stage !== 'prices-confirmed') {
    return (
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Twee enveloppen: als elke beoordelaar heeft verzegeld en elke consensusscore vaststaat, vergrendelt u de kwaliteitsscores; daarna openen twee inkopers
        de prijsenveloppen. Dat gebeurt op de pagina <Link href={tenderPath(access, 'prijsopening')}>Prijsopening</Link>.
      </p>
    );
  }
  if (access.roles.has('beoordelaar') && !inkoper) {
    return (
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        U bent beoordelaar. Leg eerst op de pagina <Link href={tenderPath(access, 'panel')}>Beoordelingspanel</Link> uw verklaring over belangenverstrengeling
        af; daarna kunt u <Link href={tenderPath(access, 'beoordelen')}>beoordelen</Link>.
      </p>
    );
  }
  return null;
}

/** "Perceel L2 van procedure ZWL-2027-INB: ..." for a lot of a procedure, linked when the caller may see the procedure (every lot). */
export type LotOf = { lotId: string; procedureId: string; reference: string; title: string; visible: boolean };

function lotOf(ctx: AppContext, viewer: Viewer, access: TenderAccess): LotOf | undefined {
  const tender = tenderRowOf(ctx, access);
  if (tender.procedureId === null) return undefined;
  const procedure = ctx.queries.procedures.findProcedure(tender.procedureId);
  if (procedure === undefined) return undefined;
  const visible = resolveProcedureAccess(ctx, viewer.actor, procedure.id) !== undefined;
  return { lotId: tender.lotId ?? '?', procedureId: procedure.id, reference: procedure.reference, title: procedure.title, visible };
}

function LotOfProcedure({ lot }: { lot: LotOf }) {
  const name = `${lot.reference}: ${lot.title}`;
  return (
    <>
      Perceel {lot.lotId} van procedure {lot.visible ? <Link href={`/procedures/${lot.procedureId}`}>{name}</Link> : name}
    </>
  );
}

function Overview({
  viewer,
  access,
  view,
  bids,
  flagged,
  winner,
  decided,
  names,
  opened,
  lot,
}: {
  lot: LotOf | undefined;
  viewer: Viewer;
  access: TenderAccess;
  view: TenderView;
  bids: number | undefined;
  flagged: number | undefined;
  winner: string | null | undefined;
  /** The award decision's winner, named for every reader (`decidedWinner`). */
  decided: { bidId: string; name: string | undefined } | null;
  names: ReadonlyMap<string, string>;
  opened: boolean;
}) {
  const decision = view.awardDecision;
  return (
    <TenderFrame viewer={viewer} access={access} tab="overzicht" title="Overzicht">
      {opened ? <Notice kind="ok">De aanbesteding is geopend: de inschrijving is gesloten en de criteria liggen vast.</Notice> : null}
      <DataList
        rows={[
          ['Aanbestedende dienst', view.tender.buyer],
          ['Perceel', view.tender.lot],
          ...(lot === undefined ? [] : ([['Procedure', <LotOfProcedure lot={lot} />]] as const)),
          ['Raming', formatOptionalEuros(view.tender.estimatedValue)],
          ['Aangemaakt', formatInstantDate(view.createdAt)],
          ['Geopend', formatInstantDate(view.openedAt)],
          ['Inschrijvingen', bids === undefined ? '-' : String(bids)],
          ['Gemarkeerd als mogelijk abnormaal laag', flagged === undefined ? '-' : String(flagged)],
          ...(view.priceOpening === null
            ? []
            : ([
                [
                  'Prijsopening (twee enveloppen)',
                  access.roles.has('inkoper') ? (
                    <Link href={tenderPath(access, 'prijsopening')}>{PRICE_OPENING_STAGE_NAMES[view.priceOpening.stage]}</Link>
                  ) : (
                    PRICE_OPENING_STAGE_NAMES[view.priceOpening.stage]
                  ),
                ],
              ] as const)),
          ['Winnaar volgens de beoordeling', winner === undefined ? '-' : winner === null ? 'nog geen' : <BidName bidId={winner} name={names.get(winner)} />],
          ...(decision === null
            ? []
            : ([
                [
                  'Gunningsbeslissing',
                  <>
                    {formatInstantDate(decision.decidedAt)}, aan <BidName bidId={decided?.bidId ?? decision.winner} name={decided?.name} />
                  </>,
                ],
                ['Einde opschortende termijn', formatIsoDate(decision.standstillEndsOn)],
              ] as const)),
        ]}
      />
      {view.status === 'draft' && !summariseWeights(view.award, view.criteria).addsUpTo100 ? <WeightsTable fields={view} /> : null}
      <NextSteps access={access} view={view} />
    </TenderFrame>
  );
}

/** The fields of the confirmation, named by `openTender`'s problem paths. */
const OPEN_FIELD_LABELS = new Map([
  ['confirmUnderbiddingRisk', 'Bevestiging'],
  ['motivation', 'Motivering'],
]);

/** The stored tender's check, only while it can still be opened (a draft). */
function openingCheck(ctx: AppContext, access: TenderAccess): FormulaCheck | undefined {
  return access.tender.status === 'draft' ? formulaCheckOf(ctx, access.tender.id, { suggestions: false }) : undefined;
}

function UnderbiddingConfirmation({ access, check, values, errors }: { access: TenderAccess; check: FormulaCheck; values: FormValues; errors: FormErrors }) {
  return (
    <section aria-labelledby="formulecontrole-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="formulecontrole-kop">
        Formulecontrole
      </h2>
      <VerdictAlert check={check} />
      {check.underbidderTest === null ? null : (
        <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
          {check.underbidderTest.sentences.map((sentence) => (
            <li class="utrecht-unordered-list__item">{sentence}</li>
          ))}
        </ul>
      )}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        U kunt de <Link href={tenderPath(access, 'instellingen')}>formule aanpassen</Link>; daar staan ook voorstellen die de uitkomst keren. Opent u toch, dan
        bevestigt u dat hieronder uitdrukkelijk en motiveert u waarom. Beide komen in de audittrail.
      </p>
      <CheckboxField
        name="confirmUnderbiddingRisk"
        label="Ik open de aanbesteding met deze formule, hoewel die onderbieden uitlokt"
        errors={errors}
        checked={values.confirmUnderbiddingRisk === 'ja'}
      />
      <TextareaField
        name="motivation"
        label="Motivering"
        description="Waarom deze formule toch passend is, in ten minste één volledige zin."
        value={values.motivation}
        errors={errors}
      />
    </section>
  );
}

function OpenPage({
  viewer,
  access,
  view,
  bids,
  check,
  values = {},
  errors = NO_ERRORS,
}: {
  viewer: Viewer;
  access: TenderAccess;
  view: TenderView;
  bids: number | undefined;
  check: FormulaCheck | undefined;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const confirm = check?.verdict === 'invites-underbidding';
  return (
    <TenderFrame
      viewer={viewer}
      access={access}
      tab="overzicht"
      title="Aanbesteding openen"
      errors={errors.summary.length === 0 ? undefined : { title: 'De aanbesteding is niet geopend', errors }}
    >
      <Notice kind="warning">
        Na het openen kunnen criteria, gewichten, de gunningsmethode, de prijsformule en de regels voor lage inschrijvingen niet meer worden gewijzigd, en
        kunnen geen inschrijvingen meer worden toegevoegd. Dat is zo omdat ze vast moeten liggen voordat de inschrijvingen bekend zijn (gelijke behandeling en
        transparantie).
      </Notice>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn {bids ?? 0} inschrijvingen ingevoerd.</p>
      {summariseWeights(view.award, view.criteria).addsUpTo100 ? null : <WeightsTable fields={view} />}
      <form method="post" action={tenderPath(access, 'openen')} class="utrecht-form">
        {confirm && check !== undefined ? <UnderbiddingConfirmation access={access} check={check} values={values} errors={errors} /> : null}
        <div class="gw-inline">
          <SubmitButton>Ja, open de aanbesteding</SubmitButton>
          <Link href={tenderPath(access)}>Nee, terug naar het overzicht</Link>
        </div>
      </form>
    </TenderFrame>
  );
}

export function tenderOverviewPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/aanbestedingen/:id', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const view = getTender(ctx, { actor: viewer.actor, access });
    const evaluation = readEvaluation(ctx, access);
    const page = (
      <Overview
        viewer={viewer}
        access={access}
        view={view}
        bids={readBids(ctx, viewer.actor, access)?.length}
        flagged={evaluation && flaggedCount(evaluation)}
        winner={evaluation?.winner}
        decided={decidedWinner(ctx, { access })}
        names={readBidNames(ctx, viewer.actor, access)}
        opened={c.req.query('geopend') !== undefined}
        lot={lotOf(ctx, viewer, access)}
      />
    );
    return renderPage(c, page);
  });
  app.get('/aanbestedingen/:id/openen', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const view = getTender(ctx, { actor: viewer.actor, access });
    const page = <OpenPage viewer={viewer} access={access} view={view} bids={readBids(ctx, viewer.actor, access)?.length} check={openingCheck(ctx, access)} />;
    return renderPage(c, page);
  });
  app.post('/aanbestedingen/:id/openen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const confirmation = { confirmUnderbiddingRisk: values.confirmUnderbiddingRisk === 'ja', motivation: values.motivation ?? '' };
    try {
      openTender(ctx, { actor: requireActor(c), access, confirmation: parseInput(OpenTenderBody, confirmation) });
    } catch (error) {
      // Only the confirmation's own refusals come back to this form; the rest (already open) are error pages.
      const atFields = error instanceof AppError && error.errors.length > 0 && error.errors.every((e) => OPEN_FIELD_LABELS.has(e.path));
      if (!atFields) throw error;
      const viewer = viewerOf(ctx, c);
      const page = (
        <OpenPage
          viewer={viewer}
          access={access}
          view={getTender(ctx, { actor: viewer.actor, access })}
          bids={readBids(ctx, viewer.actor, access)?.length}
          check={openingCheck(ctx, access)}
          values={values}
          errors={mapFieldErrors(error.errors, OPEN_FIELD_LABELS)}
        />
      );
      return renderPage(c, page, error.code === 'conflict' ? 409 : 400);
    }
    return redirectAfterPost(c, `${tenderPath(access)}?geopend=1`);
  });
  return app;
}
