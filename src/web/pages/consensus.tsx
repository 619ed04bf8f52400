/**
 * @module
 * `GET /aanbestedingen/:id/consensus`: per bid and criterion the members' scores with their
 * motivations, the spread and a mark where they disagree (`getConsensusOverview`, once every
 * member has sealed), and the consensus form (`setConsensusScore`, the service behind
 * `PUT .../consensus/:criterionId`). A consensus outside the members' scores needs a reason.
 */
import { Hono, type Context } from 'hono';
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { listBids } from '../../modules/bids/bids.service.js';
import { setConsensusScore } from '../../modules/bids/bids.service.js';
import { ConsensusBody } from '../../modules/bids/bids.routes.js';
import { parseInput } from '../../lib/zod-errors.js';
import { getConsensusOverview, type ConsensusItem } from '../../modules/panel/consensus.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { getTender } from '../../modules/tenders/tenders.service.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextareaField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatDutchNumber } from '../format.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { optionalText, parseDutchNumber, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const FIELDS = new Map([
  ['score', 'Consensusscore'],
  ['motivation', 'Motivering'],
  ['deviationReason', 'Reden voor afwijken'],
]);

const itemId = (bidId: string, criterionId: string, name: string) => `consensus-${bidId}-${criterionId}-${name}`;

type ItemForm = { bidId: string; criterionId: string; values: FormValues; errors: FormErrors };

function ConsensusItemView({ access, item, criterion, canSet, form }: { access: TenderAccess; item: ConsensusItem; criterion: Criterion; canSet: boolean; form: ItemForm | undefined }) {
  const errors = form?.errors ?? NO_ERRORS;
  const id = (name: string) => itemId(item.bidId, item.criterionId, name);
  const spread = item.min === null ? 'geen individuele scores' : `${formatDutchTrimmed(item.min)} tot ${formatDutchTrimmed(item.max ?? item.min)}, spreiding ${formatDutchTrimmed(item.spread ?? 0)}, gemiddeld ${formatDutchNumber(item.mean ?? 0, 2)}`;
  return (
    <section aria-labelledby={id('kop')}>
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced" id={id('kop')}>
        {item.bidId} op {criterion.id} {criterion.title}
        {item.disagreement ? ' (verschil van inzicht)' : ''}
      </h3>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Individuele scores: {spread}.</p>
      {item.disagreement ? <Notice kind="warning">De scores liggen meer dan een derde van de schaal uit elkaar: bespreek dit criterium.</Notice> : null}
      {item.scores.length === 0 ? null : (
        <Table caption={`Scores van de beoordelaars voor ${item.bidId} op ${criterion.id}`} columns={[{ label: 'Beoordelaar' }, { label: 'Score', numeric: true }, { label: 'Motivering' }]}>
          {item.scores.map((s) => (
            <Row>
              <Cell header>{s.name}</Cell>
              <Cell numeric>{formatDutchTrimmed(s.score)}</Cell>
              <Cell>{s.motivation}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {item.consensus === null ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Nog geen consensusscore.</p>
      ) : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Consensusscore: <strong>{formatDutchTrimmed(item.consensus.score)}</strong>. {item.consensus.motivation ?? ''}
          {item.consensus.deviationReason === null ? '' : ` Reden voor afwijken: ${item.consensus.deviationReason}`}
        </p>
      )}
      {canSet ? (
        <form method="post" action={`${tenderPath(access, 'consensus')}/${encodeURIComponent(item.bidId)}/${encodeURIComponent(item.criterionId)}`} class="utrecht-form">
          <ErrorSummary errors={errors} title="De consensusscore is niet vastgelegd" />
          <div class="gw-inline">
            <SelectField
              name="score"
              id={id('score')}
              label="Consensusscore"
              errors={errors}
              value={form?.values.score ?? (item.consensus === null ? '' : String(item.consensus.score))}
              options={[{ value: '', label: 'Kies' }, ...criterion.scale.map((v) => ({ value: String(v), label: formatDutchTrimmed(v) }))]}
            />
          </div>
          <TextareaField name="motivation" id={id('motivation')} label="Motivering" rows={3} errors={errors} value={form?.values.motivation ?? item.consensus?.motivation ?? undefined} />
          <TextareaField
            name="deviationReason"
            id={id('deviationReason')}
            label="Reden voor afwijken (alleen als de consensus buiten de individuele scores ligt)"
            rows={2}
            errors={errors}
            value={form?.values.deviationReason ?? item.consensus?.deviationReason ?? undefined}
          />
          <SubmitButton kind="secondary-action">Consensus vastleggen</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

function ConsensusPage({ viewer, access, items, criteria, providers, refusal, form }: {
  viewer: Viewer;
  access: TenderAccess;
  items: ConsensusItem[];
  criteria: Criterion[];
  providers: Map<string, string>;
  refusal: string | undefined;
  form: ItemForm | undefined;
}) {
  const canSet = access.roles.has('inkoper') && access.tender.status === 'open';
  const byBid = new Map<string, ConsensusItem[]>();
  for (const item of items) byBid.set(item.bidId, [...(byBid.get(item.bidId) ?? []), item]);
  return (
    <TenderFrame viewer={viewer} access={access} tab="consensus" title="Consensus">
      {refusal === undefined ? null : <Notice kind="warning">{refusal}</Notice>}
      {access.tender.status === 'draft' ? <Notice>De consensus volgt als de aanbesteding is geopend en de beoordelaars hebben verzegeld.</Notice> : null}
      {[...byBid].map(([bidId, list]) => (
        <section aria-labelledby={`consensus-${bidId}`}>
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id={`consensus-${bidId}`}>
            {bidId} {providers.get(bidId) ?? ''}
          </h2>
          {list.map((item) => {
            const criterion = criteria.find((c) => c.id === item.criterionId);
            const mine = form?.bidId === item.bidId && form.criterionId === item.criterionId ? form : undefined;
            return criterion === undefined ? null : <ConsensusItemView access={access} item={item} criterion={criterion} canSet={canSet} form={mine} />;
          })}
        </section>
      ))}
    </TenderFrame>
  );
}

export function consensusPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, form: ItemForm | undefined, status: 200 | 400 | 409 = 200) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    let items: ConsensusItem[] = [];
    let refusal: string | undefined;
    try {
      items = getConsensusOverview(ctx, { access }).items;
    } catch (error) {
      // Before every member has sealed the overview is refused with who is still missing: say so.
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      refusal = error.detail;
    }
    const criteria = getTender(ctx, { actor: viewer.actor, access }).criteria;
    const providers = new Map(listBids(ctx, { actor: viewer.actor, access }).map((b) => [b.id, b.provider.name]));
    return renderPage(c, <ConsensusPage viewer={viewer} access={access} items={items} criteria={criteria} providers={providers} refusal={refusal} form={form} />, status);
  };

  app.get('/aanbestedingen/:id/consensus', (c) => render(c, undefined));

  app.post('/aanbestedingen/:id/consensus/:bidId/:criterionId', async (c) => {
    const access = tenderAccessOf(c);
    const { bidId, criterionId } = c.req.param();
    const values = await readForm(c);
    const score = parseDutchNumber(values.score);
    try {
      if (typeof score !== 'number') throw new AppError('invalid-input', { errors: [{ path: 'score', message: 'kies een score' }] });
      setConsensusScore(ctx, {
        actor: requireActor(c),
        access,
        bidId,
        criterionId,
        input: parseInput(ConsensusBody, { score, motivation: values.motivation ?? '', deviationReason: optionalText(values.deviationReason) }),
      });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const idOf = (name: string) => itemId(bidId, criterionId, name);
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, FIELDS, undefined, idOf) : formError(error.detail ?? error.message);
      return render(c, { bidId, criterionId, values, errors }, error.status as 400);
    }
    return redirectAfterPost(c, `${tenderPath(access, 'consensus')}#${itemId(bidId, criterionId, 'kop')}`);
  });

  return app;
}
