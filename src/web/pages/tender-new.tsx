/**
 * @module
 * `GET/POST /nieuwe-aanbesteding`: a draft tender from one of the templates of
 * `GET /api/v1/templates` (the templates service) for the organisation chosen in the header,
 * with `createTender`, the service behind `POST /api/v1/tenders`.
 */
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { listTemplates } from '../../modules/templates/templates.service.js';
import { createTender } from '../../modules/tenders/tenders.service.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { RadioScale, TextField } from '../components/form-field.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const FIELDS = new Map([
  ['template', 'Sjabloon'],
  ['reference', 'Kenmerk'],
  ['title', 'Titel'],
  ['lot', 'Perceel'],
  ['estimatedValue', 'Raming'],
  ['expectedLearners', 'Verwacht aantal inburgeraars'],
]);

function NewTenderPage({ viewer, values, errors }: { viewer: Viewer; values: FormValues; errors: FormErrors }) {
  const templates = listTemplates();
  const organisation = viewer.current;
  return (
    <Layout title="Nieuwe aanbesteding" viewer={viewer} nav="nieuw">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Nieuwe aanbesteding</h1>
      {organisation?.role !== 'inkoper' ? (
        <Notice kind="warning">Alleen een inkoper start een aanbesteding. Kies in de kop een organisatie waar u inkoper bent.</Notice>
      ) : (
        <form method="post" action="/nieuwe-aanbesteding" class="utrecht-form">
          <ErrorSummary errors={errors} title="De aanbesteding is niet aangemaakt" />
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Voor {organisation.name}. Het sjabloon levert de criteria, de gunningsmethode en de regels voor lage inschrijvingen; u past ze daarna aan zolang de
            aanbesteding in voorbereiding is.
          </p>
          <RadioScale
            name="template"
            legend="Sjabloon"
            idPrefix="veld-template"
            errors={errors}
            value={values.template ?? templates[0]?.id}
            options={templates.map((t) => ({ value: t.id, label: `${t.name}: ${t.description.split('. ')[0] ?? ''}.` }))}
          />
          <TextField name="reference" label="Kenmerk" value={values.reference} errors={errors} description="Bijvoorbeeld ZWL-2027-INB-B1" mandatory />
          <TextField name="title" label="Titel" value={values.title} errors={errors} size={60} mandatory />
          <TextField name="lot" label="Perceel (leeg: dat van het sjabloon)" value={values.lot} errors={errors} />
          <TextField name="estimatedValue" label="Raming (EUR)" value={values.estimatedValue} errors={errors} inputMode="decimal" amount="totaal" />
          <TextField name="expectedLearners" label="Verwacht aantal inburgeraars" value={values.expectedLearners} errors={errors} inputMode="numeric" />
          <SubmitButton>Aanbesteding aanmaken</SubmitButton>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Meerdere percelen in één procedure?{' '}
            <a class="utrecht-link utrecht-link--html-a" href="/nieuwe-procedure">
              Start een procedure met percelen
            </a>
            .
          </p>
        </form>
      )}
    </Layout>
  );
}

export function newTenderPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/nieuwe-aanbesteding', (c) => renderPage(c, <NewTenderPage viewer={viewerOf(ctx, c)} values={{}} errors={NO_ERRORS} />));
  app.post('/nieuwe-aanbesteding', async (c) => {
    const viewer = viewerOf(ctx, c);
    const values = await readForm(c);
    if (viewer.current === undefined) throw new AppError('forbidden', { detail: 'u hoort bij geen organisatie' });
    const amounts = createAmountReader();
    try {
      const created = createTender(ctx, {
        actor: viewer.actor,
        organisationId: viewer.current.id,
        input: {
          template: values.template ?? '',
          reference: values.reference ?? '',
          title: values.title ?? '',
          lot: optionalText(values.lot),
          estimatedValue: amounts.money('estimatedValue', values.estimatedValue),
          expectedLearners: amounts.count('expectedLearners', values.expectedLearners),
        },
      });
      return redirectAfterPost(c, `/aanbestedingen/${created.id}/instellingen`);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      return renderPage(c, <NewTenderPage viewer={viewer} values={values} errors={mapFieldErrors(amounts.explain(error.errors), FIELDS)} />, 400);
    }
  });
  return app;
}
