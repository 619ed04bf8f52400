/**
 * @module
 * `/aanbestedingen/:id/panel`: for the inkoper and auditors the panel (`getPanel`: who
 * declared and sealed, and when) and, for the inkoper, assigning an evaluator chosen by name
 * from the beoordelaars it may seat (`listEvaluatorCandidates`, `assignEvaluator`); for a beoordelaar its own conflict-of-interest declaration
 * (`declareConflictOfInterest`), which comes before it sees any bid, and the seal
 * (`sealScores`).
 */
import { Hono, type Context } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { findOwnMembership, holdsAnyRole, PANEL_READERS } from '../../modules/panel/panel-access.js';
import type { PanelMemberRow } from '../../modules/panel/panel.queries.js';
import {
  assignEvaluator,
  declareConflictOfInterest,
  getPanel,
  listEvaluatorCandidates,
  type EvaluatorCandidate,
  type PanelView,
} from '../../modules/panel/panel.service.js';
import { listIndividualScores, sealScores } from '../../modules/panel/scores.service.js';
import { getDeclarationSubject, type DeclaredSchool } from '../../modules/panel/declaration-subject.js';
import { getTender } from '../../modules/tenders/tenders.service.js';
import { bidLabel } from '../../domain/bid-label.js';
import { DeclarationBody } from '../../modules/panel/panel.routes.js';
import { parseInput } from '../../lib/zod-errors.js';
import { AssignBody } from '../../modules/panel/panel.routes.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { DeclaredSchools } from '../components/declared-schools.js';
import { ConfirmStep, confirmationFieldId } from '../components/confirm-step.js';
import { UnavailableAction } from '../components/unavailable-action.js';
import { CONFIRMATIONS } from '../confirmations.js';
import { requireConfirmation } from '../forms/confirmation.js';
import { readBidNames } from '../tender-data.js';
import { RadioScale, SelectField, TextareaField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath, type PageErrors } from '../components/tender-frame.js';
import { formatInstantDate } from '../format.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const ASSIGN_FIELDS = new Map([['userId', 'Beoordelaar']]);
const DECLARATION_FIELDS = new Map([
  ['noConflict', 'Verklaring'],
  ['remarks', 'Toelichting'],
]);

function declarationText(member: PanelView['members'][number]): string {
  if (member.declaration === null) return 'nog niet afgelegd';
  const when = formatInstantDate(member.declaration.declaredAt);
  return member.declaration.noConflict ? `geen belangenverstrengeling (${when})` : `belangenverstrengeling verklaard (${when}); niet meer in het panel`;
}

function PanelTable({ panel }: { panel: PanelView }) {
  if (panel.members.length === 0)
    return (
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen beoordelaars toegewezen; dan stelt de inkoper de consensusscores zelf vast.</p>
    );
  return (
    <Table
      caption="Leden van het beoordelingspanel"
      columns={[{ label: 'Naam' }, { label: 'E-mailadres' }, { label: 'Toegewezen' }, { label: 'Verklaring' }, { label: 'Scores verzegeld' }]}
    >
      {panel.members.map((m) => (
        <Row>
          <Cell header>{m.name}</Cell>
          <Cell>{m.email}</Cell>
          <Cell date>{formatInstantDate(m.assignedAt)}</Cell>
          <Cell>{declarationText(m)}</Cell>
          <Cell>{m.sealedAt === null ? 'nog niet' : formatInstantDate(m.sealedAt)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

type Forms = { assign?: { values: FormValues; errors: FormErrors }; declaration?: { values: FormValues; errors: FormErrors }; seal?: FormErrors };

/** The refused form's messages for the top of the page. */
function pageErrorsOf(forms: Forms): PageErrors | undefined {
  if (forms.assign !== undefined) return { title: 'De beoordelaar is niet toegewezen', errors: forms.assign.errors };
  if (forms.declaration !== undefined) return { title: 'De verklaring is niet vastgelegd', errors: forms.declaration.errors };
  if (forms.seal !== undefined) return { title: 'Nog niet verzegeld', errors: forms.seal };
  return undefined;
}

const SEAL_FIELDS = new Map([['bevestiging', 'Bevestiging']]);

/** What the evaluator sees of its own progress: the cells it has not scored yet, by school and criterion. */
export type SealProgress = { missing: string[] };

function AssignForm({ access, candidates, forms }: { access: TenderAccess; candidates: EvaluatorCandidate[]; forms: Forms }) {
  const errors = forms.assign?.errors ?? NO_ERRORS;
  return (
    <form method="post" action={`${tenderPath(access, 'panel')}/beoordelaars`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Beoordelaar toewijzen</h2>
      {candidates.length === 0 ? (
        <Notice>
          Er is geen beoordelaar meer die u kunt toewijzen. Een beheerder van de organisatie maakt gebruikers met de rol beoordelaar aan; wie bij deze
          aanbesteding inkoper of auditor is, kan niet in het panel.
        </Notice>
      ) : (
        <>
          <SelectField
            name="userId"
            label="Beoordelaar"
            value={forms.assign?.values.userId}
            errors={errors}
            options={candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email}, ${c.organisations.join(', ')})` }))}
            description="De beoordelaars van deze organisatie (bij een regio: van haar gemeenten) die nog niet in het panel zitten."
          />
          <SubmitButton>Toewijzen</SubmitButton>
        </>
      )}
    </form>
  );
}

function OfficerView({ access, panel, candidates, forms }: { access: TenderAccess; panel: PanelView; candidates: EvaluatorCandidate[]; forms: Forms }) {
  const mayAssign = access.roles.has('inkoper') && (access.tender.status === 'draft' || access.tender.status === 'open');
  return (
    <>
      <PanelTable panel={panel} />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {panel.allSealed
          ? 'Alle leden hebben hun scores verzegeld (of er is geen panel).'
          : `Nog niet verzegeld: ${panel.pending.map((p) => p.name).join(', ')}.`}
      </p>
      {mayAssign ? <AssignForm access={access} candidates={candidates} forms={forms} /> : null}
    </>
  );
}

function EvaluatorView({
  access,
  member,
  schools,
  progress,
  forms,
}: {
  access: TenderAccess;
  member: PanelMemberRow | undefined;
  schools: readonly DeclaredSchool[];
  progress: SealProgress | undefined;
  forms: Forms;
}) {
  if (member === undefined) return <Notice>U neemt niet (meer) deel aan het beoordelingspanel van deze aanbesteding.</Notice>;
  if (member.declaration === null) {
    const errors = forms.declaration?.errors ?? NO_ERRORS;
    return (
      <form method="post" action={`${tenderPath(access)}/verklaring`} class="utrecht-form">
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Verklaring over belangenverstrengeling</h2>
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Voordat u de inschrijvingen ziet, verklaart u of u een persoonlijk of zakelijk belang heeft bij een van de inschrijvers. Met een belang neemt u niet
          deel aan de beoordeling.
        </p>
        <DeclaredSchools schools={schools} />
        <RadioScale
          name="noConflict"
          legend="Mijn verklaring"
          idPrefix="veld-noConflict"
          errors={errors}
          value={forms.declaration?.values.noConflict}
          options={[
            { value: 'ja', label: 'Ik heb geen belang bij een van deze inschrijvers' },
            { value: 'nee', label: 'Ik heb wel een belang bij een van deze inschrijvers en trek mij terug uit het panel' },
          ]}
        />
        <TextareaField name="remarks" label="Toelichting (niet verplicht)" value={forms.declaration?.values.remarks} errors={errors} />
        <SubmitButton>Verklaring afleggen</SubmitButton>
      </form>
    );
  }
  const sealErrors = forms.seal ?? NO_ERRORS;
  return (
    <>
      <Notice kind="ok">U heeft op {formatInstantDate(member.declaredAt)} verklaard geen belang te hebben.</Notice>
      {member.sealedAt !== null ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">U heeft uw scores op {formatInstantDate(member.sealedAt)} verzegeld.</p>
      ) : (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'beoordelen')}>
              Naar het beoordelen
            </a>
          </p>
          <section aria-labelledby="verzegelen-kop">
            <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="verzegelen-kop">
              Scores verzegelen
            </h2>
            <p class="utrecht-paragraph utrecht-paragraph--distanced">De andere scores ziet u niet, ook niet na het verzegelen.</p>
            {progress !== undefined && progress.missing.length > 0 ? (
              <UnavailableAction
                id="verzegelen"
                label="Mijn scores verzegelen"
                reasons={[
                  `u heeft nog niet alles gescoord; er ontbreekt nog: ${progress.missing.slice(0, 10).join(', ')}` +
                    (progress.missing.length > 10 ? ` en ${progress.missing.length - 10} meer.` : '.'),
                ]}
              />
            ) : (
              <form method="post" action={`${tenderPath(access)}/verzegelen`} class="utrecht-form" data-confirm>
                <ConfirmStep id="verzegelen" words={CONFIRMATIONS.seal} errors={sealErrors} />
                <SubmitButton>Mijn scores verzegelen</SubmitButton>
              </form>
            )}
          </section>
        </>
      )}
    </>
  );
}

function PanelPage({
  viewer,
  access,
  panel,
  candidates,
  member,
  schools,
  progress,
  forms,
}: {
  viewer: Viewer;
  access: TenderAccess;
  panel: PanelView | undefined;
  candidates: EvaluatorCandidate[];
  member: PanelMemberRow | undefined;
  schools: readonly DeclaredSchool[];
  progress: SealProgress | undefined;
  forms: Forms;
}) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="panel" title="Beoordelingspanel" errors={pageErrorsOf(forms)}>
      {panel === undefined ? (
        <EvaluatorView access={access} member={member} schools={schools} progress={progress} forms={forms} />
      ) : (
        <OfficerView access={access} panel={panel} candidates={candidates} forms={forms} />
      )}
    </TenderFrame>
  );
}

/** The bid x criterion cells the evaluator has not scored yet, named by school. */
function sealProgress(ctx: AppContext, viewer: Viewer, access: TenderAccess): SealProgress {
  const names = readBidNames(ctx, viewer.actor, access);
  const own = new Set(listIndividualScores(ctx, { actor: viewer.actor, access }).scores.map((s) => `${s.bidId}\u0000${s.criterionId}`));
  const criteria = getTender(ctx, { actor: viewer.actor, access }).criteria;
  const missing = [...names.keys()].flatMap((bidId) =>
    criteria.filter((c) => !own.has(`${bidId}\u0000${c.id}`)).map((c) => `${bidLabel(bidId, names.get(bidId))} op ${c.id}`),
  );
  return { missing };
}

export function panelPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, forms: Forms, status: 200 | 400 | 409 = 200) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const officer = holdsAnyRole(access, PANEL_READERS);
    const member = officer ? undefined : findOwnMembership(ctx, access, viewer.actor);
    const page = (
      <PanelPage
        viewer={viewer}
        access={access}
        panel={officer ? getPanel(ctx, { access }) : undefined}
        candidates={access.roles.has('inkoper') ? listEvaluatorCandidates(ctx, { access }) : []}
        member={member}
        schools={member === undefined ? [] : getDeclarationSubject(ctx, { actor: viewer.actor, access }).schools}
        progress={member?.declaration === 'no-conflict' && member.sealedAt === null ? sealProgress(ctx, viewer, access) : undefined}
        forms={forms}
      />
    );
    return renderPage(c, page, status);
  };
  const refusal = (error: unknown): AppError => {
    if (error instanceof AppError && (error.code === 'invalid-input' || error.code === 'conflict')) return error;
    throw error;
  };

  app.get('/aanbestedingen/:id/panel', (c) => render(c, {}));

  app.post('/aanbestedingen/:id/panel/beoordelaars', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    try {
      const { userId } = parseInput(AssignBody, { userId: values.userId ?? '' });
      assignEvaluator(ctx, { actor: requireActor(c), access, userId });
      return redirectAfterPost(c, tenderPath(access, 'panel'));
    } catch (error) {
      const e = refusal(error);
      const errors =
        e.errors.length > 0
          ? mapFieldErrors(
              e.errors.map((x) => ({ ...x, path: 'userId' })),
              ASSIGN_FIELDS,
            )
          : formError(e.detail ?? e.message);
      return render(c, { assign: { values, errors } }, e.status as 400);
    }
  });

  app.post('/aanbestedingen/:id/verklaring', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    if (values.noConflict !== 'ja' && values.noConflict !== 'nee') {
      return render(c, { declaration: { values, errors: mapFieldErrors([{ path: 'noConflict', message: 'kies een van beide' }], DECLARATION_FIELDS) } }, 400);
    }
    try {
      const input = parseInput(DeclarationBody, { noConflict: values.noConflict === 'ja', remarks: optionalText(values.remarks) });
      declareConflictOfInterest(ctx, { actor: requireActor(c), access, input });
      return redirectAfterPost(c, tenderPath(access, 'panel'));
    } catch (error) {
      const e = refusal(error);
      return render(
        c,
        { declaration: { values, errors: e.errors.length > 0 ? mapFieldErrors(e.errors, DECLARATION_FIELDS) : formError(e.detail ?? e.message) } },
        e.status as 400,
      );
    }
  });

  app.post('/aanbestedingen/:id/verzegelen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    try {
      requireConfirmation(values, CONFIRMATIONS.seal);
      sealScores(ctx, { actor: requireActor(c), access });
      return redirectAfterPost(c, tenderPath(access, 'panel'));
    } catch (error) {
      const e = refusal(error);
      const atConfirmation = e.errors.length > 0 && e.errors.every((x) => x.path === 'bevestiging');
      const errors = atConfirmation
        ? mapFieldErrors(e.errors, SEAL_FIELDS, undefined, () => confirmationFieldId('verzegelen'))
        : formError(e.detail ?? e.message);
      return render(c, { seal: errors }, e.status as 409);
    }
  });

  return app;
}
