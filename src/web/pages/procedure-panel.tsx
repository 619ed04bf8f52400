/**
 * @module
 * `/procedures/:id/panel`: one panel for a procedure with several lots (issue 21), the page
 * of `procedure-panel.service.ts`. For the inkoper and auditors who sits on which lot's panel,
 * declared and sealed (`getProcedurePanel`); for the inkoper a form that seats a beoordelaar
 * on every lot at once (`addProcedureEvaluator`, offering `listProcedureEvaluatorCandidates`),
 * a refusal naming the lot. For a beoordelaar on every lot's panel the schools it declares
 * about and its one declaration (`declareForProcedure`), and afterwards per lot what was
 * recorded, with links to each lot's scoring page. Access is the procedure's
 * (`requireProcedureAccess`): a beoordelaar on some lots only gets 404, as on the API. No
 * price and no score of anyone appears here: the services give none.
 */
import { Hono, type Context } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { PANEL_READERS } from '../../modules/panel/panel-access.js';
import type { DeclaredSchool } from '../../modules/panel/declaration-subject.js';
import type { EvaluatorCandidate } from '../../modules/panel/panel.service.js';
import { AssignBody } from '../../modules/panel/panel.routes.js';
import { requireProcedureAccess, type ProcedureAccess } from '../../modules/procedures/procedure-access.js';
import {
  addProcedureEvaluator,
  declareForProcedure,
  getOwnProcedureSeat,
  getProcedureDeclarationSubject,
  getProcedurePanel,
  listProcedureEvaluatorCandidates,
  type LotSeat,
  type ProcedurePanelMember,
} from '../../modules/procedures/procedure-panel.service.js';
import { ProcedureDeclarationBody } from '../../modules/procedures/procedures.contract.js';
import type { LotRow } from '../../modules/procedures/procedures.queries.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { DeclaredSchools } from '../components/declared-schools.js';
import { RadioScale, SelectField, TextareaField } from '../components/form-field.js';
import { StatusBadge } from '../components/status-badge.js';
import { Cell, Row, Table } from '../components/table.js';
import { fieldId, formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { formatInstantDate } from '../format.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const ASSIGN_FIELDS = new Map([['userId', 'Beoordelaar']]);
const DECLARATION_FIELDS = new Map([
  ['noConflict', 'Verklaring'],
  ['conflictWith', 'Inschrijvers waarbij u een belang heeft'],
  ['remarks', 'Toelichting'],
]);
/** A lot's panel takes new members while it is in preparation or open (the tender's own rule, `requireChangeAllowed`). */
const SEATING_STATUSES: ReadonlySet<LotRow['status']> = new Set(['draft', 'open']);

/** The checkbox of one school in the declaration: one name per school, so the form needs no repeated field. */
const schoolField = (kvk: string) => `belang-${kvk}`;

type Forms = { assign?: { values: FormValues; errors: FormErrors }; declaration?: { values: FormValues; errors: FormErrors } };

const paragraph = (text: string) => <p class="utrecht-paragraph utrecht-paragraph--distanced">{text}</p>;

/** One member's place on one lot's panel, as the inkoper and auditor read it. */
function seatText(seat: LotSeat): string {
  if (!seat.assigned) return 'niet in het panel';
  if (seat.declaration === null) return 'toegewezen, nog niet verklaard';
  if (seat.declaration === 'conflict') return `belangenverstrengeling verklaard (${formatInstantDate(seat.declaredAt)}); niet meer in het panel`;
  const sealed = seat.sealedAt === null ? 'nog niet verzegeld' : `verzegeld (${formatInstantDate(seat.sealedAt)})`;
  return `geen belangenverstrengeling (${formatInstantDate(seat.declaredAt)}); ${sealed}`;
}

function LotList({ lots }: { lots: readonly LotRow[] }) {
  return (
    <Table
      caption="De percelen; elk perceel heeft zijn eigen panel, met zijn eigen verzegeling en consensus"
      columns={[{ label: 'Perceel' }, { label: 'Aanbesteding' }, { label: 'Status' }]}
    >
      {lots.map((lot) => (
        <Row>
          <Cell header>{lot.lotId}</Cell>
          <Cell>
            <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${lot.tenderId}/panel`}>
              Panel van {lot.title}
            </a>
          </Cell>
          <Cell>
            <StatusBadge status={lot.status} />
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

function PanelTable({ lots, members }: { lots: readonly LotRow[]; members: readonly ProcedurePanelMember[] }) {
  if (members.length === 0) return paragraph('Er zijn nog geen beoordelaars toegewezen aan een perceel van deze procedure.');
  return (
    <Table
      caption="Leden van de panels: per perceel toegewezen, verklaard en verzegeld"
      columns={[{ label: 'Naam' }, { label: 'E-mailadres' }, ...lots.map((lot) => ({ label: `Perceel ${lot.lotId}` }))]}
    >
      {members.map((member) => (
        <Row>
          <Cell header>{member.name}</Cell>
          <Cell>{member.email}</Cell>
          {member.lots.map((seat) => (
            <Cell>{seatText(seat)}</Cell>
          ))}
        </Row>
      ))}
    </Table>
  );
}

function AssignForm({ access, candidates, forms }: { access: ProcedureAccess; candidates: readonly EvaluatorCandidate[]; forms: Forms }) {
  const closed = access.lots.filter(({ lot }) => !SEATING_STATUSES.has(lot.status)).map(({ lot }) => lot.lotId);
  const errors = forms.assign?.errors ?? NO_ERRORS;
  return (
    <form method="post" action={`/procedures/${access.procedure.id}/panel/beoordelaars`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Beoordelaar toewijzen aan elk perceel</h2>
      {closed.length > 0 ? (
        <Notice>
          Een beoordelaar kan alleen aan elk perceel tegelijk worden toegewezen zolang elk perceel in voorbereiding of open is;{' '}
          {closed.length === 1 ? `perceel ${closed[0]} is` : `de percelen ${closed.join(', ')} zijn`} dat niet meer.
        </Notice>
      ) : candidates.length === 0 ? (
        <Notice>
          Er is geen beoordelaar meer die u aan elk perceel kunt toewijzen. Een beheerder van de organisatie maakt gebruikers met de rol beoordelaar aan; wie al
          in het panel van een perceel zit, wijst u per perceel toe op de panelpagina van dat perceel.
        </Notice>
      ) : (
        <>
          <SelectField
            name="userId"
            label="Beoordelaar"
            value={forms.assign?.values.userId}
            errors={errors}
            options={candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email}, ${c.organisations.join(', ')})` }))}
            description="De beoordelaars van deze organisatie (bij een regio: van haar gemeenten) die nog in het panel van geen enkel perceel zitten. Zij komen in het panel van elk perceel."
          />
          <SubmitButton>Toewijzen aan elk perceel</SubmitButton>
        </>
      )}
    </form>
  );
}

/** The schools to tick with a conflict: the declaration then takes the member off only the lots where one of them bid. */
function ConflictSchools({ schools, values, errors }: { schools: readonly DeclaredSchool[]; values: FormValues | undefined; errors: FormErrors }) {
  if (schools.length === 0) return null;
  const id = fieldId('conflictWith');
  const messages = errors.byField.get('conflictWith') ?? [];
  return (
    <fieldset
      id={id}
      class={`utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset${messages.length > 0 ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={`${id}-uitleg${messages.length > 0 ? ` ${id}-fout` : ''}`}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Bij een belang: bij welke inschrijvers?</legend>
      <div class="utrecht-form-field-description" id={`${id}-uitleg`}>
        U verlaat het panel van elk perceel waarop een van de gekozen inschrijvers inschreef; op de andere percelen blijft u beoordelaar. Kiest u er geen, dan
        verlaat u het panel van elk perceel.
      </div>
      {messages.length > 0 ? (
        <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {messages.join(' ')}
        </div>
      ) : null}
      {schools.map((school) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId(schoolField(school.kvk))}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input"
                type="checkbox"
                id={fieldId(schoolField(school.kvk))}
                name={schoolField(school.kvk)}
                value="ja"
                checked={values?.[schoolField(school.kvk)] === 'ja'}
              />{' '}
              {school.name} (KvK {school.kvk})
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function DeclarationForm({ access, schools, forms }: { access: ProcedureAccess; schools: readonly DeclaredSchool[]; forms: Forms }) {
  const errors = forms.declaration?.errors ?? NO_ERRORS;
  return (
    <form method="post" action={`/procedures/${access.procedure.id}/verklaring`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Verklaring over belangenverstrengeling, voor alle percelen</h2>
      {paragraph(
        'Voordat u de inschrijvingen ziet, verklaart u of u een persoonlijk of zakelijk belang heeft bij een van de inschrijvers. U verklaart één keer voor de hele procedure; uw verklaring wordt op elk perceel vastgelegd. Met een belang neemt u niet deel aan de beoordeling van de percelen waarop die inschrijver inschreef.',
      )}
      <DeclaredSchools scope=", op alle percelen samen" schools={schools} />
      <RadioScale
        name="noConflict"
        legend="Mijn verklaring"
        idPrefix={fieldId('noConflict')}
        errors={errors}
        value={forms.declaration?.values.noConflict}
        options={[
          { value: 'ja', label: 'Ik heb geen belang bij een van deze inschrijvers' },
          { value: 'nee', label: 'Ik heb wel een belang bij een of meer van deze inschrijvers en trek mij terug waar zij inschreven' },
        ]}
      />
      <ConflictSchools schools={schools} values={forms.declaration?.values} errors={errors} />
      <TextareaField name="remarks" label="Toelichting (niet verplicht)" value={forms.declaration?.values.remarks} errors={errors} />
      <SubmitButton>Verklaring afleggen voor alle percelen</SubmitButton>
    </form>
  );
}

/** What was recorded on one lot for the evaluator, and where it goes next. */
function OwnSeat({ seat }: { seat: LotSeat }) {
  if (seat.declaration === null)
    return (
      <>
        nog niet verklaard;{' '}
        <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${seat.tenderId}/panel`}>
          verklaren op het panel van perceel {seat.lotId}
        </a>
      </>
    );
  if (seat.declaration === 'conflict')
    return <>belangenverstrengeling verklaard ({formatInstantDate(seat.declaredAt)}); u maakt geen deel meer uit van het panel van dit perceel</>;
  return (
    <>
      geen belangenverstrengeling ({formatInstantDate(seat.declaredAt)});{' '}
      {seat.sealedAt === null ? (
        <>
          <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${seat.tenderId}/beoordelen`}>
            naar het beoordelen van perceel {seat.lotId}
          </a>
          ; verzegelen op{' '}
          <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${seat.tenderId}/panel`}>
            het panel van perceel {seat.lotId}
          </a>
        </>
      ) : (
        `scores verzegeld (${formatInstantDate(seat.sealedAt)})`
      )}
    </>
  );
}

function OwnSeats({ lots, seat }: { lots: readonly LotRow[]; seat: ProcedurePanelMember }) {
  const titles = new Map(lots.map((lot) => [lot.lotId, lot.title]));
  const left = seat.lots.filter((s) => s.declaration === 'conflict').map((s) => s.lotId);
  return (
    <>
      {left.length > 0 ? (
        <Notice>
          U heeft belangenverstrengeling verklaard en maakt geen deel meer uit van het panel van{' '}
          {left.length === 1 ? `perceel ${left[0]}` : `de percelen ${left.join(', ')}`}.
        </Notice>
      ) : seat.lots.every((s) => s.declaration === 'no-conflict') ? (
        <Notice kind="ok">U heeft verklaard geen belang te hebben bij de inschrijvers; u beoordeelt elk perceel.</Notice>
      ) : (
        <Notice>U heeft per perceel verklaard en nog niet op elk perceel; verklaar op het panel van het perceel dat nog openstaat.</Notice>
      )}
      <Table caption="Uw verklaring per perceel" columns={[{ label: 'Perceel' }, { label: 'Aanbesteding' }, { label: 'Vastgelegd' }]}>
        {seat.lots.map((s) => (
          <Row>
            <Cell header>{s.lotId}</Cell>
            <Cell>{titles.get(s.lotId) ?? ''}</Cell>
            <Cell>
              <OwnSeat seat={s} />
            </Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}

type View =
  | { kind: 'officer'; members: ProcedurePanelMember[]; candidates: EvaluatorCandidate[] | undefined }
  | { kind: 'evaluator'; seat: ProcedurePanelMember; schools: DeclaredSchool[] };

function ProcedurePanelPage({ viewer, access, view, forms }: { viewer: Viewer; access: ProcedureAccess; view: View; forms: Forms }) {
  const lots = access.lots.map(({ lot }) => lot);
  const refused = forms.assign ?? forms.declaration;
  const title = `Beoordelingspanel van procedure ${access.procedure.reference}`;
  return (
    <Layout title={`${refused === undefined ? '' : 'Fout: '}${title}`} viewer={viewer} nav="aanbestedingen">
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={`/procedures/${access.procedure.id}`}>
          Terug naar procedure {access.procedure.reference}
        </a>
      </p>
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">
        {title}: {access.procedure.title}
      </h1>
      {refused === undefined ? null : (
        <ErrorSummary
          errors={refused.errors}
          title={forms.assign === undefined ? 'De verklaring is niet vastgelegd' : 'De beoordelaar is aan geen enkel perceel toegewezen'}
        />
      )}
      {view.kind === 'officer' ? (
        <>
          <LotList lots={lots} />
          <PanelTable lots={lots} members={view.members} />
          {view.candidates === undefined ? null : <AssignForm access={access} candidates={view.candidates} forms={forms} />}
        </>
      ) : view.seat.lots.every((s) => s.declaration === null) ? (
        <DeclarationForm access={access} schools={view.schools} forms={forms} />
      ) : (
        <OwnSeats lots={lots} seat={view.seat} />
      )}
    </Layout>
  );
}

/** The form's refusal: a lot's refusal names the lot in its detail ("Perceel L2: ..."), which the field then shows. */
function assignErrors(error: AppError): FormErrors {
  if (error.detail?.startsWith('Perceel ') === true) return mapFieldErrors([{ path: 'userId', message: error.detail }], ASSIGN_FIELDS);
  if (error.errors.length > 0) return mapFieldErrors(error.errors, ASSIGN_FIELDS);
  return formError(error.detail ?? error.message);
}

export function procedurePanelPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, forms: Forms, status: 200 | 400 | 403 | 409 = 200) => {
    const viewer = viewerOf(ctx, c);
    const access = requireProcedureAccess(ctx, viewer.actor, c.req.param('id') ?? '');
    const officer = PANEL_READERS.some((role) => access.roles.has(role));
    let view: View;
    if (officer) {
      view = {
        kind: 'officer',
        members: getProcedurePanel(ctx, { access }),
        candidates: access.roles.has('inkoper') ? listProcedureEvaluatorCandidates(ctx, { access }) : undefined,
      };
    } else {
      // 403 for anyone else (an admin of the organisation): the service decides.
      const seat = getOwnProcedureSeat(ctx, { actor: viewer.actor, access });
      const undeclared = seat.lots.every((s) => s.declaration === null);
      view = { kind: 'evaluator', seat, schools: undeclared ? getProcedureDeclarationSubject(ctx, { actor: viewer.actor, access }).schools : [] };
    }
    return renderPage(c, <ProcedurePanelPage viewer={viewer} access={access} view={view} forms={forms} />, status);
  };
  const refusal = (error: unknown): AppError => {
    if (error instanceof AppError && (error.code === 'invalid-input' || error.code === 'conflict' || error.code === 'tender-locked')) return error;
    throw error;
  };

  app.get('/procedures/:id/panel', (c) => render(c, {}));

  app.post('/procedures/:id/panel/beoordelaars', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    const values = await readForm(c);
    try {
      const { userId } = parseInput(AssignBody, { userId: values.userId ?? '' });
      addProcedureEvaluator(ctx, { actor, access, userId });
      return redirectAfterPost(c, `/procedures/${access.procedure.id}/panel`);
    } catch (error) {
      const e = refusal(error);
      return render(c, { assign: { values, errors: assignErrors(e) } }, e.status as 400);
    }
  });

  app.post('/procedures/:id/verklaring', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    const values = await readForm(c);
    const fail = (errors: FormErrors, status: 400 | 409) => render(c, { declaration: { values, errors } }, status);
    if (values.noConflict !== 'ja' && values.noConflict !== 'nee') {
      return fail(mapFieldErrors([{ path: 'noConflict', message: 'kies een van beide' }], DECLARATION_FIELDS), 400);
    }
    const ticked = Object.entries(values).flatMap(([name, value]) => (name.startsWith('belang-') && value === 'ja' ? [name.slice('belang-'.length)] : []));
    if (values.noConflict === 'ja' && ticked.length > 0) {
      return fail(mapFieldErrors([{ path: 'conflictWith', message: 'kies geen inschrijvers als u verklaart geen belang te hebben' }], DECLARATION_FIELDS), 400);
    }
    try {
      const input = parseInput(ProcedureDeclarationBody, {
        noConflict: values.noConflict === 'ja',
        conflictWith: ticked.length === 0 ? undefined : ticked,
        remarks: optionalText(values.remarks),
      });
      declareForProcedure(ctx, { actor, access, input });
      return redirectAfterPost(c, `/procedures/${access.procedure.id}/panel`);
    } catch (error) {
      const e = refusal(error);
      return fail(e.errors.length > 0 ? mapFieldErrors(e.errors, DECLARATION_FIELDS) : formError(e.detail ?? e.message), e.status as 400);
    }
  });

  return app;
}
