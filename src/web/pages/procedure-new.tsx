/**
 * @module
 * `GET/POST /nieuwe-procedure`: a procedure with several lots (issue 21) for the organisation
 * chosen in the header, each lot from a template, with `createProcedure`, the service behind
 * `POST /api/v1/procedures`; the form is checked with that route's own schema (`parseInput`),
 * so its errors are the API's, at their fields. Three lot rows to start (the three routes of
 * the Wet inburgering 2021); `?percelen=N` shows N rows, and a row left blank is no lot.
 */
import { Hono } from 'hono';
import { MAX_LOTS } from '../../domain/procedure/procedure.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { createProcedure } from '../../modules/procedures/procedure-creation.service.js';
import { CreateProcedureBody } from '../../modules/procedures/procedures.contract.js';
import { listTemplates } from '../../modules/templates/templates.service.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextField } from '../components/form-field.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

/** The three routes of the Wet inburgering 2021, one lot each, as most regions buy them. */
const DEFAULT_ROWS = [
  { id: 'L1', template: 'b1-route' },
  { id: 'L2', template: 'onderwijsroute' },
  { id: 'L3', template: 'z-route' },
];

const LOT_FIELDS = [
  ['id', 'id'],
  ['title', 'titel'],
  ['lot', 'route'],
  ['template', 'sjabloon'],
  ['estimatedValue', 'raming'],
  ['expectedLearners', 'verwacht aantal inburgeraars'],
] as const;

/** Field name -> label, in the order of the form; the lot rows by their place on the form. */
function fieldsOf(rows: number): Map<string, string> {
  const fields = new Map<string, string>([
    ['reference', 'Kenmerk'],
    ['title', 'Titel'],
    ['buyer', 'Aanbestedende dienst'],
    ['lots', 'Percelen'],
  ]);
  for (let i = 0; i < rows; i++) for (const [key, label] of LOT_FIELDS) fields.set(`lots[${i}].${key}`, `Perceel ${i + 1}: ${label}`);
  return fields;
}

const rowCount = (values: FormValues, asked: string | undefined): number => {
  const fromForm = Number(values.percelen ?? asked ?? DEFAULT_ROWS.length);
  return Number.isSafeInteger(fromForm) && fromForm >= 1 ? Math.min(fromForm, MAX_LOTS) : DEFAULT_ROWS.length;
};

function LotRow({ index, values, errors }: { index: number; values: FormValues; errors: FormErrors }) {
  const templates = listTemplates();
  const name = (key: string) => `lots[${index}].${key}`;
  const preset = DEFAULT_ROWS[index];
  const value = (key: string, fallback?: string) => values[name(key)] ?? fallback;
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Perceel {index + 1}</legend>
      <TextField name={name('id')} label="Id van het perceel" value={value('id', preset?.id)} errors={errors} description="Bijvoorbeeld L1" size={12} />
      <TextField name={name('title')} label="Titel" value={value('title')} errors={errors} size={60} />
      <SelectField
        name={name('template')}
        label="Sjabloon"
        value={value('template', preset?.template)}
        errors={errors}
        options={templates.map((t) => ({ value: t.id, label: t.name }))}
      />
      <TextField name={name('lot')} label="Route (leeg: die van het sjabloon)" value={value('lot')} errors={errors} />
      <TextField name={name('estimatedValue')} label="Raming (EUR)" value={value('estimatedValue')} errors={errors} inputMode="decimal" amount="totaal" />
      <TextField name={name('expectedLearners')} label="Verwacht aantal inburgeraars" value={value('expectedLearners')} errors={errors} inputMode="numeric" />
    </fieldset>
  );
}

function NewProcedurePage({ viewer, values, errors, rows }: { viewer: Viewer; values: FormValues; errors: FormErrors; rows: number }) {
  const organisation = viewer.current;
  return (
    <Layout title="Nieuwe procedure met percelen" viewer={viewer} nav="nieuw">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Nieuwe procedure met percelen</h1>
      {organisation?.role !== 'inkoper' ? (
        <Notice kind="warning">Alleen een inkoper start een procedure. Kies in de kop een organisatie waar u inkoper bent.</Notice>
      ) : (
        <form method="post" action="/nieuwe-procedure" class="utrecht-form">
          <ErrorSummary errors={errors} title="De procedure is niet aangemaakt" />
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Voor {organisation.name}. Elk perceel wordt een aanbesteding in voorbereiding met de criteria, de gunningsmethode en de regels voor lage
            inschrijvingen van zijn sjabloon; u past ze daarna per perceel aan, of neemt op de pagina van de procedure de instellingen van het ene perceel over
            op andere. Een perceel zonder id en titel laat u leeg.
          </p>
          <TextField
            name="reference"
            label="Kenmerk"
            value={values.reference}
            errors={errors}
            description="Bijvoorbeeld ZWL-2027-INB; perceel L1 krijgt ZWL-2027-INB-L1"
            mandatory
          />
          <TextField name="title" label="Titel" value={values.title} errors={errors} size={60} mandatory />
          <TextField name="buyer" label="Aanbestedende dienst (leeg: de naam van de organisatie)" value={values.buyer} errors={errors} size={60} />
          <input type="hidden" name="percelen" value={String(rows)} />
          {Array.from({ length: rows }, (_, index) => (
            <LotRow index={index} values={values} errors={errors} />
          ))}
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            {rows < MAX_LOTS ? (
              <a class="utrecht-link utrecht-link--html-a" href={`/nieuwe-procedure?percelen=${rows + 1}`}>
                Nog een perceel (het formulier begint dan opnieuw)
              </a>
            ) : null}
          </p>
          <SubmitButton>Procedure aanmaken</SubmitButton>
        </form>
      )}
    </Layout>
  );
}

/** A lot row the reader left blank (no id, title, route, estimate or learners) is no lot. */
const isBlankRow = (values: FormValues, index: number): boolean =>
  ['id', 'title', 'lot', 'estimatedValue', 'expectedLearners'].every((key) => optionalText(values[`lots[${index}].${key}`]) === undefined);

export function newProcedurePages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/nieuwe-procedure', (c) => {
    const rows = rowCount({}, c.req.query('percelen'));
    return renderPage(c, <NewProcedurePage viewer={viewerOf(ctx, c)} values={{}} errors={NO_ERRORS} rows={rows} />);
  });
  app.post('/nieuwe-procedure', async (c) => {
    const viewer = viewerOf(ctx, c);
    const values = await readForm(c);
    if (viewer.current === undefined) throw new AppError('forbidden', { detail: 'u hoort bij geen organisatie' });
    const rows = rowCount(values, undefined);
    const used = Array.from({ length: rows }, (_, i) => i).filter((i) => !isBlankRow(values, i));
    const amounts = createAmountReader();
    // A problem of the n-th lot sent is one of the row it came from.
    const rename = (path: string) => path.replace(/^lots\[(\d+)\]/, (_, n: string) => `lots[${used[Number(n)] ?? n}]`);
    try {
      const input = parseInput(CreateProcedureBody, {
        reference: values.reference ?? '',
        title: values.title ?? '',
        buyer: optionalText(values.buyer),
        lots: used.map((row, i) => ({
          id: values[`lots[${row}].id`]?.trim() ?? '',
          title: values[`lots[${row}].title`] ?? '',
          lot: optionalText(values[`lots[${row}].lot`]),
          template: values[`lots[${row}].template`] ?? '',
          estimatedValue: amounts.money(`lots[${i}].estimatedValue`, values[`lots[${row}].estimatedValue`]),
          expectedLearners: amounts.count(`lots[${i}].expectedLearners`, values[`lots[${row}].expectedLearners`]),
        })),
      });
      const created = createProcedure(ctx, { actor: viewer.actor, organisationId: viewer.current.id, input });
      const notice = `Procedure ${created.procedure.reference} is aangemaakt met ${created.lots.length === 1 ? 'perceel' : 'de percelen'} ${created.lots.map((l) => l.lotId).join(', ')}.`;
      return redirectAfterPost(c, `/procedures/${created.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      const errors: FieldError[] = amounts.explain(error.errors ?? []);
      return renderPage(c, <NewProcedurePage viewer={viewer} values={values} errors={mapFieldErrors(errors, fieldsOf(rows), rename)} rows={rows} />, 400);
    }
  });
  return app;
}
