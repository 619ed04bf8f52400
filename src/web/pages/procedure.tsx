/**
 * @module
 * `GET /procedures/:id`: a procedure with several lots (issue 21): its lots with links to
 * each lot's tender pages, the award limitation in Dutch, and, for an inkoper or auditor, the
 * allocation of the lots with the reason per lot. The same services as the JSON routes
 * (`requireProcedureAccess`, `getProcedure`, `allocatableFile`, `allocationOf`): whoever may not see every
 * lot gets the page's 404, an evaluator never sees the allocation.
 */
import { Hono, type Context } from 'hono';
import { bidLabel } from '../../domain/bid-label.js';
import type { AwardLimit, Procedure } from '../../domain/procedure/procedure.js';
import { AWARD_LIMIT_RULE_TERMS } from '../../domain/vocabulary/index.js';
import type { Actor, AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { requireProcedureAccess, type ProcedureAccess } from '../../modules/procedures/procedure-access.js';
import {
  allocatableFile,
  allocationOf,
  exportProcedure,
  getProcedure,
  type Preferences,
  type ProcedureAllocation,
  type ProcedureView,
} from '../../modules/procedures/procedures.service.js';
import { requireActor } from '../../http/authenticate.js';
import { parseInput } from '../../lib/zod-errors.js';
import { recordProcedureDraw } from '../../modules/procedures/procedure-draws.service.js';
import { RecordDrawBody } from '../../modules/procedures/procedures.contract.js';
import { SelectField, TextareaField } from '../components/form-field.js';
import { mapFieldErrors, NO_ERRORS } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { decideProcedure } from '../../modules/award/procedure-award.service.js';
import { createProcedureReports, listProcedureReports } from '../../modules/reports/procedure-reports.service.js';
import type { DeclaredSchool } from '../../modules/panel/declaration-subject.js';
import type { ListedReport } from '../../modules/reports/reports.service.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { ConfirmStep } from '../components/confirm-step.js';
import { DraftLotsSection, type LotFormState } from '../components/procedure-lot-forms.js';
import { AwardLimitForm, type AwardLimitFormState } from '../components/procedure-award-limit-form.js';
import { schoolsOfProcedure } from '../../modules/procedures/procedure-panel.service.js';
import { CONFIRMATIONS } from '../confirmations.js';
import { requireConfirmation } from '../forms/confirmation.js';
import { formError, type FormErrors } from '../forms/form-errors.js';
import { readForm } from '../forms/form-values.js';
import { formatInstantDateTime } from '../format.js';
import { BidName } from '../components/bid-name.js';
import { DataList } from '../components/data-list.js';
import { StatusBadge } from '../components/status-badge.js';
import { Cell, Row, Table } from '../components/table.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const lots = (n: number) => (n === 1 ? 'perceel' : 'percelen');

/**
 * The limitation as the tender documents would state it.
 * @example awardLimitSentence({ maxLotsPerBidder: 1, rule: 'lot-order', lotOrder: ['L1', 'L2'] })
 * // 'Ten hoogste 1 perceel per inschrijver, gegund in de volgorde van de percelen: L1, L2.'
 */
export function awardLimitSentence(limit: AwardLimit | null): string {
  if (limit === null) return 'Geen gunningsbeperking: elk perceel gaat naar zijn eigen winnaar.';
  const max = `Ten hoogste ${limit.maxLotsPerBidder} ${lots(limit.maxLotsPerBidder)} per inschrijver`;
  if (limit.rule === 'lot-order') return `${max}, gegund in de ${AWARD_LIMIT_RULE_TERMS['lot-order'].label}: ${(limit.lotOrder ?? []).join(', ')}.`;
  return `${max}, naar de ${AWARD_LIMIT_RULE_TERMS['bidder-preference'].label}.`;
}

/** "KvK 05234567: L2, L1, L3" per school that stated a preference. */
function preferenceLines(preferences: Preferences | null): string[] {
  return Object.entries(preferences ?? {}).map(([kvk, order]) => `KvK ${kvk}: ${order.join(', ')}`);
}

/** The allocation with the schools' names per lot (by bid code) and over all lots (by KvK number). */
type Allocated =
  | {
      allocation: ProcedureAllocation;
      names: Map<string, Map<string, string>>;
      schools: Map<string, string>;
    }
  | { refused: string }
  | undefined;

/** A refused draw form: which lot's form, what was typed, and the errors by field. */
type DrawFormState = { lotId: string; values: FormValues; errors: FormErrors };

const DRAW_FIELDS = new Map([
  ['winner', 'Winnaar van de loting'],
  ['record', 'Verslag van de loting'],
]);

const bidList = (bids: readonly string[], names: ReadonlyMap<string, string> | undefined) => bids.map((id) => bidLabel(id, names?.get(id))).join(' en ');

/** The draw column: awaiting, decided by a recorded draw, or a recorded draw that decided nothing. */
function drawText(lot: ProcedureAllocation['allocation'][number], names: ReadonlyMap<string, string> | undefined): string {
  if (lot.drawOfLots !== undefined) {
    return `Geloot tussen ${bidList(lot.drawOfLots.tiedBids, names)}; gevallen op ${bidLabel(lot.drawOfLots.winner, names?.get(lot.drawOfLots.winner))}. ${lot.drawOfLots.record}`;
  }
  if (lot.tiedBids !== undefined) return `Loting nodig tussen ${bidList(lot.tiedBids, names)}.`;
  if (lot.drawNotUsed !== undefined) return `Vastgelegde loting (${bidLabel(lot.drawNotUsed.winner, names?.get(lot.drawNotUsed.winner))}) niet gebruikt.`;
  return '-';
}

/**
 * For an inkoper: per lot awaiting a draw, a form to record its outcome (`recordProcedureDraw`,
 * as the API). Only under a limitation: without one a lot's draw belongs to its own award decision.
 */
function DrawForms({ view, allocated, drawForm }: { view: ProcedureView; allocated: Allocated; drawForm: DrawFormState | undefined }) {
  if (allocated === undefined || 'refused' in allocated || view.awardLimit === null) return null;
  const awaiting = allocated.allocation.allocation.flatMap((lot) => (lot.tiedBids === undefined ? [] : [[lot.lotId, lot.tiedBids] as const]));
  if (awaiting.length === 0) return null;
  return (
    <section aria-labelledby="loting-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="loting-kop">
        Loting
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Op deze percelen staan inschrijvingen gelijk en beslist de beslisregel niet. Leg de uitslag van de loting vast; de toewijzing van alle percelen houdt er
        daarna rekening mee.
      </p>
      {awaiting.map(([lotId, tied]) => {
        const names = allocated.names.get(lotId);
        const mine = drawForm?.lotId === lotId ? drawForm : undefined;
        const errors = mine?.errors ?? NO_ERRORS;
        const id = (name: string) => `loting-${lotId}-${name}`;
        return (
          <form method="post" action={`/procedures/${view.id}/loting`} class="utrecht-form" aria-label={`Loting voor perceel ${lotId}`}>
            <h3 class="utrecht-heading-3">Perceel {lotId}</h3>
            {mine === undefined ? null : <Notice kind="error">{mine.errors.summary.map((e) => `${e.label}: ${e.message}`).join(' ')}</Notice>}
            <p class="utrecht-paragraph">Gelijk geëindigd: {bidList(tied, names)}.</p>
            <input type="hidden" name="lotId" value={lotId} />
            <SelectField
              name="winner"
              id={id('winner')}
              label="Winnaar van de loting"
              errors={errors}
              value={mine?.values['winner']}
              options={[{ value: '', label: 'Kies' }, ...tied.map((bid) => ({ value: bid, label: bidLabel(bid, names?.get(bid)) }))]}
            />
            <TextareaField name="record" id={id('record')} label="Verslag van de loting (wie, wanneer, hoe)" errors={errors} value={mine?.values['record']} />
            <SubmitButton>Loting vastleggen</SubmitButton>
          </form>
        );
      })}
    </section>
  );
}

/** The names of a procedure's schools, per lot by bid code and by KvK number, from its file. */
function schoolNames(file: Procedure): { names: Map<string, Map<string, string>>; schools: Map<string, string> } {
  const names = new Map(file.lots.map((lot) => [lot.id, new Map(lot.dossier.bids.map((bid) => [bid.id, bid.provider.name]))]));
  const schools = new Map(file.lots.flatMap((lot) => lot.dossier.bids.map((bid) => [bid.provider.kvk, bid.provider.name] as const)));
  return { names, schools };
}

function AllocationSection({ allocated }: { allocated: Allocated }) {
  if (allocated === undefined) return null;
  return (
    <section aria-labelledby="toewijzing-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="toewijzing-kop">
        Toewijzing van de percelen
      </h2>
      {'refused' in allocated ? (
        <Notice>{allocated.refused}</Notice>
      ) : (
        <Table
          caption="Per perceel: aan wie het gaat, wie het zonder gunningsbeperking zou krijgen, en waarom"
          columns={[{ label: 'Perceel' }, { label: 'Gegund aan' }, { label: 'Zonder gunningsbeperking' }, { label: 'Reden' }, { label: 'Loting' }]}
        >
          {allocated.allocation.allocation.map((lot) => {
            const names = allocated.names.get(lot.lotId);
            return (
              <Row>
                <Cell header>{lot.lotId}</Cell>
                <Cell>{lot.winner === null ? 'niemand (nog)' : <BidName bidId={lot.winner} name={names?.get(lot.winner)} />}</Cell>
                <Cell>
                  {lot.winnerWithoutLimit === null ? 'niemand' : <BidName bidId={lot.winnerWithoutLimit} name={names?.get(lot.winnerWithoutLimit)} />}
                </Cell>
                <Cell>{lot.reason}</Cell>
                <Cell>{drawText(lot, names)}</Cell>
              </Row>
            );
          })}
        </Table>
      )}
    </section>
  );
}

/** The procedure's one panel (procedure-panel.tsx), for whoever its page serves: the inkoper, an auditor, a beoordelaar on every lot. */
function PanelLink({ view, roles }: { view: ProcedureView; roles: ProcedureAccess['roles'] }) {
  const evaluator = roles.has('beoordelaar');
  if (!evaluator && !roles.has('inkoper') && !roles.has('auditor')) return null;
  return (
    <p class="utrecht-paragraph utrecht-paragraph--distanced">
      <a class="utrecht-link utrecht-link--html-a" href={`/procedures/${view.id}/panel`}>
        {evaluator ? 'Uw verklaring over belangenverstrengeling, voor alle percelen, en het beoordelen per perceel' : 'Het beoordelingspanel van alle percelen'}
      </a>
    </p>
  );
}

const REPORT_KIND_NAMES: Record<string, string> = {
  'procedure-evaluation': 'Beoordelingsrapport van de procedure',
  'procedure-award-letter': 'Gunningsbrief',
};

/** The award decision for every lot still open, with the product's confirmation (docs/procedures.md). */
function DecisionSection({ view, errors }: { view: ProcedureView; errors: FormErrors | undefined }) {
  const open = view.lots.filter((lot) => lot.status === 'open').map((lot) => lot.lotId);
  return (
    <section aria-labelledby="beslissing-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="beslissing-kop">
        Gunningsbeslissing
      </h2>
      {errors === undefined ? null : <Notice kind="error">{errors.summary.map((s) => s.message).join(' ')}</Notice>}
      {open.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Geen perceel is open: er is nu niets te beslissen.</p>
      ) : (
        <form method="post" action={`/procedures/${view.id}/gunningsbeslissing`} class="utrecht-form" data-confirm>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            De gunningsbeslissing voor {open.length === 1 ? 'perceel' : 'de percelen'} {open.join(', ')}, elk voor de inschrijving uit de toewijzing hierboven.
            Per perceel beslissen kan ook, op de uitslag van dat perceel.
          </p>
          <ConfirmStep id="procedure-beslissing" words={CONFIRMATIONS.procedureAwardDecision} errors={errors ?? { byField: new Map(), summary: [] }} />
          <SubmitButton>Gunningsbeslissing nemen</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** "Taalschool IJsselland (KvK 05234567)", or the KvK number alone for a reader who does not get the file. */
const addressee = (kvk: string, schools: ReadonlyMap<string, string> | undefined): string => {
  const name = schools?.get(kvk);
  return name === undefined ? `KvK ${kvk}` : `${name} (KvK ${kvk})`;
};

/** For an inkoper once a lot is decided: the signed documents of record are made on request (docs/procedures.md). */
function MakeReports({ view }: { view: ProcedureView }) {
  const decided = view.lots.some((lot) => lot.status === 'award-proposed' || lot.status === 'awarded');
  if (!decided) return <p class="utrecht-paragraph utrecht-paragraph--distanced">Na de gunningsbeslissing kunt u hier de rapporten maken.</p>;
  return (
    <form method="post" action={`/procedures/${view.id}/rapporten`} class="utrecht-form">
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Ondertekend en vastgelegd in de audittrail: het beoordelingsrapport van de procedure (een deel per perceel), of één gunningsbrief per inschrijver over
        alle percelen van één beslissing waarop hij inschreef.
      </p>
      <div class="gw-inline">
        <SubmitButton name="soort" value="evaluation">
          Beoordelingsrapport maken
        </SubmitButton>
        <SubmitButton name="soort" value="award-letters" kind="secondary-action">
          Gunningsbrieven maken
        </SubmitButton>
      </div>
    </form>
  );
}

function ReportsSection({
  view,
  reports,
  schools,
  mayMake,
  refused,
}: {
  view: ProcedureView;
  reports: ListedReport[] | undefined;
  schools: ReadonlyMap<string, string> | undefined;
  mayMake: boolean;
  refused: string | undefined;
}) {
  if (reports === undefined) return null;
  return (
    <section aria-labelledby="rapporten-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="rapporten-kop">
        Rapporten van de procedure
      </h2>
      {reports.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen rapporten van de procedure gemaakt.</p>
      ) : (
        <Table
          caption="Ondertekende rapporten en gunningsbrieven, oudste eerst"
          columns={[{ label: 'Soort' }, { label: 'Aan' }, { label: 'Gemaakt' }, { label: 'Bestand' }]}
        >
          {reports.map((r) => (
            <Row>
              <Cell header>{REPORT_KIND_NAMES[r.kind] ?? 'Rapport'}</Cell>
              <Cell>{r.addresseeKvk === null ? '-' : addressee(r.addresseeKvk, schools)}</Cell>
              <Cell date>{formatInstantDateTime(r.createdAt)}</Cell>
              <Cell>
                <a class="utrecht-link utrecht-link--html-a" href={r.url} download>
                  {`${REPORT_KIND_NAMES[r.kind] ?? 'Rapport'}${r.addresseeKvk === null ? '' : ` aan ${addressee(r.addresseeKvk, schools)}`} downloaden (PDF)`}
                </a>
              </Cell>
            </Row>
          ))}
        </Table>
      )}
      {refused === undefined ? null : <Notice kind="error">{refused}</Notice>}
      {mayMake ? <MakeReports view={view} /> : null}
    </section>
  );
}

type PageProps = {
  viewer: Viewer;
  view: ProcedureView;
  /** The caller's roles on every lot (procedure-access.ts). */
  roles: ProcedureAccess['roles'];
  allocated: Allocated;
  mayDecide: boolean;
  reports: ListedReport[] | undefined;
  notice?: string | undefined;
  errors?: FormErrors | undefined;
  /** Why the reports could not be made (the refusal of `POST .../rapporten`). */
  reportRefused?: string | undefined;
  /** A refused post of a form to add a lot or copy settings (procedure-lots.tsx). */
  lotForm?: LotFormState | undefined;
  drawForm?: DrawFormState | undefined;
  /** A refused post of the form "Gunningsbeperking" (procedure-award-limit.tsx). */
  limitForm?: AwardLimitFormState | undefined;
  /** The schools that bid, each once by KvK number, for the preferences of the form "Gunningsbeperking". */
  schools?: DeclaredSchool[] | undefined;
};

function ProcedurePage({
  viewer,
  view,
  roles,
  allocated,
  mayDecide,
  reports,
  notice,
  errors,
  reportRefused,
  drawForm,
  lotForm,
  limitForm,
  schools,
}: PageProps) {
  const preferences = preferenceLines(view.preferences);
  const opened = view.lots.filter((lot) => lot.status !== 'draft').map((lot) => lot.lotId);
  return (
    <Layout title={`Procedure ${view.procedure.reference}`} viewer={viewer} nav="aanbestedingen">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">
        Procedure {view.procedure.reference}: {view.procedure.title}
      </h1>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      <DataList
        rows={[
          ['Aanbestedende dienst', view.procedure.buyer],
          ['Percelen', String(view.lots.length)],
          ['Gunningsbeperking', awardLimitSentence(view.awardLimit)],
          ...(preferences.length === 0 ? [] : ([['Voorkeuren van de inschrijvers', preferences.join('; ')]] as const)),
        ]}
      />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {opened.length === 0
          ? 'De gunningsbeperking ligt vast zodra een perceel is geopend, zoals de formule: zij hoort bij de gepubliceerde aanbestedingsstukken.'
          : `De gunningsbeperking ligt vast sinds de opening (${opened.length === 1 ? 'perceel' : 'percelen'} ${opened.join(', ')} geopend): zij hoort, zoals de formule, bij de gepubliceerde aanbestedingsstukken.`}
      </p>
      <Table
        caption="De percelen, elk een aanbesteding met eigen criteria, inschrijvingen en beoordeling"
        columns={[{ label: 'Perceel' }, { label: 'Aanbesteding' }, { label: 'Status' }]}
      >
        {view.lots.map((lot) => (
          <Row>
            <Cell header>{lot.lotId}</Cell>
            <Cell>
              <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${lot.tenderId}`}>
                {lot.title}
              </a>
            </Cell>
            <Cell>
              <StatusBadge status={lot.status} />
            </Cell>
          </Row>
        ))}
      </Table>
      <PanelLink view={view} roles={roles} />
      {mayDecide ? <AwardLimitForm view={view} schools={schools ?? []} state={limitForm} /> : null}
      {mayDecide ? <DraftLotsSection view={view} state={lotForm} /> : null}
      <AllocationSection allocated={allocated} />
      {mayDecide ? <DrawForms view={view} allocated={allocated} drawForm={drawForm} /> : null}
      {mayDecide ? <DecisionSection view={view} errors={errors} /> : null}
      <ReportsSection
        view={view}
        reports={reports}
        schools={allocated !== undefined && 'schools' in allocated ? allocated.schools : undefined}
        mayMake={mayDecide}
        refused={reportRefused}
      />
    </Layout>
  );
}

/** The allocation for an inkoper or auditor; its refusal (a lot not yet complete, prices still sealed) as a notice; nothing for anyone else. */
function allocationFor(ctx: AppContext, actor: Actor, access: ProcedureAccess): Allocated {
  if (!access.roles.has('inkoper') && !access.roles.has('auditor')) return undefined;
  try {
    // One file for the allocation and the schools' names: each lot's dossier read once.
    const file = allocatableFile(ctx, { actor, access });
    return { allocation: allocationOf(access, file), ...schoolNames(file) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
    return { refused: `De toewijzing kan nog niet worden berekend. ${error.detail ?? ''}`.trim() };
  }
}

/** The procedure's page for the caller, with a notice or a refused form's errors; the page's 404 for whoever may not see every lot. */
export function renderProcedurePage(
  ctx: AppContext,
  c: Context<AppEnv>,
  extra: {
    notice?: string | undefined;
    errors?: FormErrors | undefined;
    reportRefused?: string | undefined;
    drawForm?: DrawFormState | undefined;
    lotForm?: LotFormState | undefined;
    limitForm?: AwardLimitFormState | undefined;
  },
  status: 200 | 400 | 409 | 503 = 200,
) {
  const viewer = viewerOf(ctx, c);
  const access = requireProcedureAccess(ctx, viewer.actor, c.req.param('id') ?? '');
  const readsReports = ['inkoper', 'admin', 'auditor'].some((role) => access.roles.has(role as 'inkoper'));
  return renderPage(
    c,
    <ProcedurePage
      viewer={viewer}
      view={getProcedure(ctx, { access })}
      roles={access.roles}
      allocated={allocationFor(ctx, viewer.actor, access)}
      mayDecide={access.roles.has('inkoper')}
      reports={readsReports ? listProcedureReports(ctx, { access }) : undefined}
      schools={access.roles.has('inkoper') && access.lots.every(({ lot }) => lot.status === 'draft') ? schoolsOfProcedure(ctx, access) : undefined}
      {...extra}
    />,
    status,
  );
}

export function procedurePages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, extra: Parameters<typeof renderProcedurePage>[2], status: 200 | 400 | 409 | 503 = 200) =>
    renderProcedurePage(ctx, c, extra, status);
  app.get('/procedures/:id', (c) => render(c, { notice: c.req.query('melding') }));
  app.post('/procedures/:id/gunningsbeslissing', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    const values = await readForm(c);
    try {
      requireConfirmation(values, CONFIRMATIONS.procedureAwardDecision);
      const open = access.lots.filter((l) => l.lot.status === 'open').map((l) => l.lot.lotId);
      if (open.length === 0) throw new AppError('conflict', { detail: 'Geen perceel is open: er is niets te beslissen.' });
      const decided = decideProcedure(ctx, { actor, access, input: { lots: open } });
      const { names } = schoolNames(exportProcedure(ctx, { actor, access }));
      const notice = `De gunningsbeslissing is genomen: ${decided.lots.map((lot) => `perceel ${lot.lotId} aan ${bidLabel(lot.winner, names.get(lot.lotId)?.get(lot.winner))}`).join(', ')}.`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      return render(c, { errors: formError(error.detail ?? error.message) }, error.status as 400);
    }
  });
  app.post('/procedures/:id/loting', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    const values = await readForm(c);
    const lotId = values['lotId'] ?? '';
    try {
      const input = parseInput(RecordDrawBody, { lotId, winner: values['winner'] ?? '', record: values['record'] ?? '' });
      recordProcedureDraw(ctx, { actor, access, input });
      const notice = `De loting voor perceel ${lotId} is vastgelegd; de toewijzing houdt er rekening mee.`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict'].includes(error.code)) throw error;
      const idOf = (name: string) => `loting-${lotId}-${name}`;
      const fieldErrors = error.errors.filter((e) => DRAW_FIELDS.has(e.path));
      const errors = fieldErrors.length > 0 ? mapFieldErrors(fieldErrors, DRAW_FIELDS, undefined, idOf) : formError(error.detail ?? error.message);
      return render(c, { drawForm: { lotId, values, errors } }, error.status as 400);
    }
  });
  app.post('/procedures/:id/rapporten', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    const kind = (await readForm(c)).soort;
    try {
      if (kind !== 'evaluation' && kind !== 'award-letters') {
        throw new AppError('invalid-input', { detail: 'Kies het beoordelingsrapport of de gunningsbrieven.' });
      }
      const made = await createProcedureReports(ctx, { actor, access, input: { kind } });
      const notice =
        kind === 'evaluation'
          ? 'Het beoordelingsrapport van de procedure is gemaakt en ondertekend.'
          : `${made.length} ${made.length === 1 ? 'gunningsbrief is' : 'gunningsbrieven zijn'} gemaakt en ondertekend, één per inschrijver.`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked', 'unavailable'].includes(error.code)) throw error;
      return render(c, { reportRefused: error.detail ?? error.message }, error.status as 400);
    }
  });
  return app;
}
