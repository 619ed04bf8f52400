/**
 * @module
 * The posts of a procedure's forms while every lot is draft (issue 21): `POST
 * /procedures/:id/percelen` (add a lot, `addLot`), `POST /procedures/:id/instellingen-overnemen`
 * (copy one lot's settings onto others, `copyLotSettings`, after the product's confirmation),
 * and `GET/POST /procedures/:id/verwijderen` (delete the procedure, `deleteProcedure`, after
 * its confirmation). The services behind the API's routes, with the routes' own schemas
 * (`parseInput`); a refusal is shown at its form on the procedure's page.
 */
import { Hono, type Context } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { requireProcedureAccess, requireProcedureRole, type ProcedureAccess } from '../../modules/procedures/procedure-access.js';
import { addLot, copyLotSettings } from '../../modules/procedures/procedure-creation.service.js';
import { deleteProcedure } from '../../modules/procedures/procedure-deletion.service.js';
import { AddLotBody, SettingsCopyBody } from '../../modules/procedures/procedures.contract.js';
import { ErrorSummary, Notice } from '../components/alerts.js';
import { ConfirmStep } from '../components/confirm-step.js';
import { SOURCE_FIELD, targetField, type LotFormState } from '../components/procedure-lot-forms.js';
import { SubmitButton } from '../components/alerts.js';
import { CONFIRMATION_FIELD, CONFIRMATIONS } from '../confirmations.js';
import { requireConfirmation } from '../forms/confirmation.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';
import { renderProcedurePage } from './procedure.js';

const REFUSALS = ['invalid-input', 'conflict', 'tender-locked'];

const ADD_FIELDS = new Map([
  ['id', 'Id van het perceel'],
  ['title', 'Titel'],
  [SOURCE_FIELD, 'Begin bij'],
  ['lot', 'Route'],
  ['estimatedValue', 'Raming'],
]);

/** The API names the source `template` or `copyOf`; the form has one select for both. */
const addPath = (path: string) => (path === 'template' || path === 'copyOf' ? SOURCE_FIELD : path);

function addLotInput(values: FormValues, amounts: ReturnType<typeof createAmountReader>) {
  const [kind, source] = (values[SOURCE_FIELD] ?? '').split(/:(.*)/s);
  return parseInput(AddLotBody, {
    id: values.id?.trim() ?? '',
    title: values.title ?? '',
    lot: optionalText(values.lot),
    estimatedValue: amounts.money('estimatedValue', values.estimatedValue),
    ...(kind === 'perceel' ? { copyOf: source } : { template: source ?? '' }),
  });
}

function copyFields(access: ProcedureAccess): Map<string, string> {
  return new Map([
    ['van', 'Van perceel'],
    ['to', 'Naar de percelen'],
    ...access.lots.map(({ lot }) => [targetField(lot.lotId), `Naar perceel ${lot.lotId}`] as [string, string]),
    [CONFIRMATION_FIELD, 'Bevestiging'],
  ]);
}

function DeletePage({ viewer, access, errors }: { viewer: Viewer; access: ProcedureAccess; errors: FormErrors }) {
  const { procedure, lots } = access;
  const draft = lots.every(({ lot }) => lot.status === 'draft');
  return (
    <Layout title={`Procedure ${procedure.reference} verwijderen`} viewer={viewer} nav="aanbestedingen">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Procedure {procedure.reference} verwijderen</h1>
      {!draft ? (
        <Notice kind="warning">
          Alleen een procedure waarvan elk perceel in voorbereiding is kan worden verwijderd; een geopend perceel blijft bewaard met zijn inschrijvingen en
          beoordeling.
        </Notice>
      ) : (
        <form method="post" action={`/procedures/${procedure.id}/verwijderen`} class="utrecht-form" data-confirm>
          <ErrorSummary errors={errors} title="De procedure is niet verwijderd" />
          <Notice kind="warning">
            U verwijdert procedure {procedure.reference} ({procedure.title}) met {lots.length === 1 ? 'perceel' : 'de percelen'}{' '}
            {lots.map(({ lot }) => lot.lotId).join(', ')}. Een procedure met inschrijvingen blijft bewaard: verwijder die eerst.
          </Notice>
          <ConfirmStep id="procedure-verwijderen" words={CONFIRMATIONS.procedureDelete} errors={errors} />
          <div class="gw-inline">
            <SubmitButton>Procedure verwijderen</SubmitButton>
            <a class="utrecht-link utrecht-link--html-a" href={`/procedures/${procedure.id}`}>
              Nee, terug naar de procedure
            </a>
          </div>
        </form>
      )}
    </Layout>
  );
}

export function procedureLotPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const accessOf = (c: Context<AppEnv>) => requireProcedureAccess(ctx, requireActor(c), c.req.param('id') ?? '');
  const refused = (c: Context<AppEnv>, error: unknown, lotForm: (errors: FormErrors) => LotFormState) => {
    if (!(error instanceof AppError) || !REFUSALS.includes(error.code)) throw error;
    const errors = error.errors === undefined || error.errors.length === 0 ? formError(error.detail ?? error.message) : undefined;
    return renderProcedurePage(ctx, c, { lotForm: lotForm(errors ?? NO_ERRORS) }, error.status as 400);
  };

  app.post('/procedures/:id/percelen', async (c) => {
    const access = accessOf(c);
    const values = await readForm(c);
    const amounts = createAmountReader();
    try {
      const view = addLot(ctx, { actor: requireActor(c), access, input: addLotInput(values, amounts) });
      const added = view.lots.at(-1);
      const notice = `Perceel ${added?.lotId ?? ''} is toegevoegd; het is een aanbesteding in voorbereiding.`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      return refused(c, error, (general) => ({
        form: 'add',
        values,
        errors:
          error instanceof AppError && error.errors !== undefined && error.errors.length > 0
            ? mapFieldErrors(amounts.explain(error.errors), ADD_FIELDS, addPath)
            : general,
      }));
    }
  });

  app.post('/procedures/:id/instellingen-overnemen', async (c) => {
    const access = accessOf(c);
    const values = await readForm(c);
    const to = access.lots.map(({ lot }) => lot.lotId).filter((lotId) => values[targetField(lotId)] === 'ja');
    try {
      requireConfirmation(values, CONFIRMATIONS.lotSettingsCopy);
      if (to.length === 0) throw new AppError('invalid-input', { errors: [{ path: 'to', message: 'kies ten minste één perceel om naar over te nemen' }] });
      const input = parseInput(SettingsCopyBody, { to });
      copyLotSettings(ctx, { actor: requireActor(c), access, lotId: values.van ?? '', to: input.to });
      const notice = `De instellingen van perceel ${values.van ?? ''} zijn overgenomen op ${to.length === 1 ? 'perceel' : 'de percelen'} ${to.join(', ')}.`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      // `to[1]` is the second lot ticked: its own checkbox.
      const rename = (path: string) => path.replace(/^to\[(\d+)\]$/, (_, n: string) => targetField(to[Number(n)] ?? ''));
      return refused(c, error, (general) => ({
        form: 'copy',
        values,
        errors:
          error instanceof AppError && error.errors !== undefined && error.errors.length > 0
            ? mapFieldErrors(error.errors, copyFields(access), rename)
            : general,
      }));
    }
  });

  app.get('/procedures/:id/verwijderen', (c) => {
    const access = accessOf(c);
    requireProcedureRole(access, ['inkoper'], 'een procedure verwijderen');
    return renderPage(c, <DeletePage viewer={viewerOf(ctx, c)} access={access} errors={NO_ERRORS} />);
  });
  app.post('/procedures/:id/verwijderen', async (c) => {
    const access = accessOf(c);
    const values = await readForm(c);
    try {
      requireConfirmation(values, CONFIRMATIONS.procedureDelete);
      deleteProcedure(ctx, { actor: requireActor(c), access });
      return redirectAfterPost(c, `/aanbestedingen?procedure-verwijderd=${encodeURIComponent(access.procedure.reference)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !REFUSALS.includes(error.code)) throw error;
      const errors =
        error.errors !== undefined && error.errors.length > 0
          ? mapFieldErrors(error.errors, new Map([[CONFIRMATION_FIELD, 'Bevestiging']]))
          : formError(error.detail ?? error.message);
      return renderPage(c, <DeletePage viewer={viewerOf(ctx, c)} access={access} errors={errors} />, error.status as 400);
    }
  });
  return app;
}
