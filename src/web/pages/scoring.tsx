/**
 * @module
 * The evaluator's blind scoring. `GET /aanbestedingen/:id/beoordelen`: the bids with how
 * many criteria the evaluator has scored; `GET .../beoordelen/:bidId`: one form per
 * criterion with the scale as radio buttons (each with its meaning) and the motivation;
 * `POST .../beoordelen/:bidId/:criterionId`: `setIndividualScore`. Every form saves on its
 * own button; with JavaScript it saves as soon as a score is chosen or the motivation is
 * left (enhance.js asks for JSON then).
 */
import { Hono, type Context } from 'hono';
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { listBids, type EvaluatorBidView } from '../../modules/bids/bids.service.js';
import { listIndividualScores, setIndividualScore, type IndividualScoreView } from '../../modules/panel/scores.service.js';
import { IndividualScoreBody } from '../../modules/panel/panel.routes.js';
import { parseInput } from '../../lib/zod-errors.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { getTender } from '../../modules/tenders/tenders.service.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { BidNoticesForPanel } from '../components/bid-notices.js';
import { BidName } from '../components/bid-name.js';
import { BidDocuments, ScoredWith } from '../components/bid-documents.js';
import { listTenderDocuments, type BidDocumentView } from '../../modules/documents/documents.service.js';
import { bidLabel } from '../../domain/bid-label.js';
import { RadioScale, TextareaField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatOptionalEuros } from '../format.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { parseDutchNumber, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const SCORE_FIELDS = new Map([
  ['score', 'Score'],
  ['motivation', 'Motivering'],
]);

const scoreFieldId = (criterionId: string, name: string) => `score-${criterionId}-${name}`;

function scaleOptions(criterion: Criterion) {
  const meanings = new Map((criterion.levels ?? []).map((level) => [level.score, level.meaning]));
  return criterion.scale.map((value) => {
    const meaning = meanings.get(value);
    return { value: String(value), label: meaning === undefined ? formatDutchTrimmed(value) : `${formatDutchTrimmed(value)}: ${meaning}` };
  });
}

type CriterionForm = { criterionId: string; values: FormValues; errors: FormErrors };

function ScoreForm({
  access,
  bidId,
  criterion,
  own,
  form,
  sealed,
}: {
  access: TenderAccess;
  bidId: string;
  criterion: Criterion;
  own: IndividualScoreView | undefined;
  form: CriterionForm | undefined;
  sealed: boolean;
}) {
  const errors = form?.errors ?? NO_ERRORS;
  const score = form?.values.score ?? (own === undefined ? undefined : String(own.score));
  const motivation = form?.values.motivation ?? own?.motivation;
  return (
    <form
      method="post"
      action={`${tenderPath(access, 'beoordelen')}/${encodeURIComponent(bidId)}/${encodeURIComponent(criterion.id)}`}
      class="utrecht-form"
      data-autosave
      id={`criterium-${criterion.id}`}
    >
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">
        {criterion.id} {criterion.title} (gewicht {formatDutchTrimmed(criterion.weight)})
      </h2>
      {criterion.description === undefined ? null : <p class="utrecht-paragraph utrecht-paragraph--distanced">{criterion.description}</p>}
      {criterion.minimum === undefined ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Minimumscore: {formatDutchTrimmed(criterion.minimum)}; daaronder wordt de inschrijving uitgesloten.
        </p>
      )}
      <RadioScale
        name="score"
        legend={`Score op ${criterion.id}`}
        idPrefix={scoreFieldId(criterion.id, 'score')}
        errors={errors}
        value={score}
        options={scaleOptions(criterion)}
      />
      <TextareaField
        name="motivation"
        id={scoreFieldId(criterion.id, 'motivation')}
        label={`Motivering bij ${criterion.id}`}
        value={motivation}
        errors={errors}
        description="Minstens één volledige zin: waarom deze score en niet een hogere of lagere."
      />
      {sealed ? null : <SubmitButton kind="secondary-action">Score opslaan</SubmitButton>}
      {own === undefined ? null : <ScoredWith documents={own.documents} />}
      <p class="utrecht-paragraph utrecht-paragraph--distanced" role="status" aria-live="polite">
        {form !== undefined ? 'Niet opgeslagen: zie de melding bovenaan de pagina.' : own === undefined ? 'Nog niet gescoord.' : 'Opgeslagen.'}
      </p>
    </form>
  );
}

function BidScoringPage({
  viewer,
  access,
  criteria,
  bids,
  bid,
  scores,
  sealed,
  form,
  documents,
}: {
  viewer: Viewer;
  documents: BidDocumentView[];
  access: TenderAccess;
  criteria: Criterion[];
  bids: EvaluatorBidView[];
  bid: EvaluatorBidView;
  scores: IndividualScoreView[];
  sealed: boolean;
  form: CriterionForm | undefined;
}) {
  const index = bids.findIndex((b) => b.id === bid.id);
  const next = bids[index + 1];
  const refused = form === undefined ? undefined : { title: `De score op ${form.criterionId} is niet opgeslagen`, errors: form.errors };
  return (
    <TenderFrame viewer={viewer} access={access} tab="beoordelen" title={`Beoordelen ${bidLabel(bid.id, bid.provider.name)}`} errors={refused}>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Inschrijving van {bid.provider.name} ({bid.id}){bid.price === undefined ? '' : `, prijs ${formatOptionalEuros(bid.price)}`}. Uw scores blijven verborgen
        voor de anderen tot iedereen heeft verzegeld.
      </p>
      <BidNoticesForPanel bid={bid} />
      <BidDocuments tenderId={access.tender.id} documents={documents.filter((d) => d.bidId === bid.id)} />
      {sealed ? <Notice>U heeft uw scores verzegeld; ze kunnen niet meer worden gewijzigd.</Notice> : null}
      {criteria.map((criterion) => (
        <ScoreForm
          access={access}
          bidId={bid.id}
          criterion={criterion}
          own={scores.find((s) => s.bidId === bid.id && s.criterionId === criterion.id)}
          form={form?.criterionId === criterion.id ? form : undefined}
          sealed={sealed}
        />
      ))}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {next === undefined ? (
          <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'panel')}>
            Alle inschrijvingen gehad? Naar verzegelen
          </a>
        ) : (
          <a class="utrecht-link utrecht-link--html-a" href={`${tenderPath(access, 'beoordelen')}/${encodeURIComponent(next.id)}`}>
            Volgende inschrijving: {bidLabel(next.id, next.provider.name)}
          </a>
        )}
      </p>
    </TenderFrame>
  );
}

function BidListPage({
  viewer,
  access,
  criteria,
  bids,
  scores,
}: {
  viewer: Viewer;
  access: TenderAccess;
  criteria: Criterion[];
  bids: EvaluatorBidView[];
  scores: IndividualScoreView[];
}) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="beoordelen" title="Beoordelen">
      <Table caption="Inschrijvingen en uw voortgang" columns={[{ label: 'Inschrijving' }, { label: 'Gescoord', numeric: true }]}>
        {bids.map((bid) => (
          <Row>
            <Cell header>
              <a class="utrecht-link utrecht-link--html-a" href={`${tenderPath(access, 'beoordelen')}/${encodeURIComponent(bid.id)}`}>
                <BidName bidId={bid.id} name={bid.provider.name} />
              </a>
            </Cell>
            <Cell numeric>
              {scores.filter((s) => s.bidId === bid.id).length} van {criteria.length}
            </Cell>
          </Row>
        ))}
      </Table>
    </TenderFrame>
  );
}

export function scoringPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const load = (c: Context<AppEnv>) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const bids = listBids(ctx, { actor: viewer.actor, access }) as EvaluatorBidView[];
    const own = listIndividualScores(ctx, { actor: viewer.actor, access });
    const sealed = own.sealed.some((s) => s.userId === viewer.actor.userId);
    const documents = listTenderDocuments(ctx, { actor: viewer.actor, access });
    return { viewer, access, bids, scores: own.scores, sealed, documents, criteria: getTender(ctx, { actor: viewer.actor, access }).criteria };
  };
  const renderBid = (c: Context<AppEnv>, bidId: string, form: CriterionForm | undefined, status: 200 | 400 | 409 = 200) => {
    const data = load(c);
    const bid = data.bids.find((b) => b.id === bidId);
    if (bid === undefined) throw new AppError('not-found', { detail: `Inschrijving ${bidId} bestaat niet.` });
    return renderPage(c, <BidScoringPage {...data} bid={bid} form={form} />, status);
  };

  app.get('/aanbestedingen/:id/beoordelen', (c) => {
    const { documents: _documents, ...data } = load(c);
    return renderPage(c, <BidListPage {...data} />);
  });
  app.get('/aanbestedingen/:id/beoordelen/:bidId', (c) => renderBid(c, c.req.param('bidId'), undefined));

  app.post('/aanbestedingen/:id/beoordelen/:bidId/:criterionId', async (c) => {
    const access = tenderAccessOf(c);
    const { bidId, criterionId } = c.req.param();
    const values = await readForm(c);
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const score = parseDutchNumber(values.score);
    try {
      if (typeof score !== 'number') {
        throw new AppError('invalid-input', { errors: [{ path: 'score', message: 'kies een score' }] });
      }
      setIndividualScore(ctx, {
        actor: requireActor(c),
        access,
        bidId,
        criterionId,
        input: parseInput(IndividualScoreBody, { score, motivation: values.motivation ?? '' }),
      });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const message = error.errors.map((e) => e.message).join('; ') || (error.detail ?? error.message);
      if (wantsJson) return c.json({ message }, error.status as 400);
      const idOf = (name: string) => scoreFieldId(criterionId, name);
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, SCORE_FIELDS, undefined, idOf) : formError(message);
      return renderBid(c, bidId, { criterionId, values, errors }, error.status as 400);
    }
    if (wantsJson) return c.json({ saved: true });
    return redirectAfterPost(c, `${tenderPath(access, 'beoordelen')}/${encodeURIComponent(bidId)}#criterium-${criterionId}`);
  });

  return app;
}
