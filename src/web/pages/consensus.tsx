/**
 * @module
 * `GET /aanbestedingen/:id/consensus`: the consensus on one screen (issue 15), once every
 * member has sealed (`getConsensusOverview`): the matrix of bids and criteria, and the
 * agreed scores to adopt at once (`POST .../consensus/eensgezind`, `adoptAgreedConsensus`,
 * the service behind `POST /api/v1/tenders/:id/consensus/adopt-agreed`).
 * `GET/POST /aanbestedingen/:id/consensus/:bidId/:criterionId`: one cell with every
 * member's motivation and its form (`setConsensusScore`, the service behind
 * `PUT .../bids/:bidId/consensus/:criterionId`). A refused post answers with its messages at
 * the top of the page.
 */
import { Hono, type Context } from 'hono';
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { ConsensusBody } from '../../modules/bids/bids.routes.js';
import { setConsensusScore } from '../../modules/bids/bids.service.js';
import { adoptAgreedConsensus, type AgreedCell } from '../../modules/panel/consensus-adoption.service.js';
import { getConsensusOverview, type ConsensusItem } from '../../modules/panel/consensus.service.js';
import { AdoptAgreedBody, MAX_ADOPTED_CELLS } from '../../modules/panel/panel.routes.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { getTender } from '../../modules/tenders/tenders.service.js';
import { bidLabel } from '../../domain/bid-label.js';
import { AgreedScoresForm, agreedField, agreedFieldId } from '../components/agreed-scores-form.js';
import { Notice } from '../components/alerts.js';
import { cellAnchor, ConsensusMatrix } from '../components/consensus-matrix.js';
import { TenderFrame, tenderPath, type PageErrors } from '../components/tender-frame.js';
import { formError, mapFieldErrors, NO_ERRORS } from '../forms/form-errors.js';
import { optionalText, parseDutchNumber, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { readBidNames } from '../tender-data.js';
import { viewerOf, type Viewer } from '../viewer.js';
import { cellFieldId, ConsensusCellPage, type CellForm } from './consensus-cell.js';

const CELL_FIELDS = new Map([
  ['score', 'Consensusscore'],
  ['motivation', 'Motivering'],
  ['deviationReason', 'Reden voor afwijken'],
]);

type AdoptForm = { values: FormValues; errors: PageErrors };

function Counts({ items }: { items: readonly ConsensusItem[] }) {
  const set = items.filter((i) => i.consensus !== null).length;
  const agreed = items.filter((i) => i.consensus === null && i.agreedScore !== null).length;
  const apart = items.filter((i) => i.moreThanOneStep).length;
  return (
    <p class="utrecht-paragraph utrecht-paragraph--distanced">
      {items.length} cellen: {set} met een consensusscore, {agreed} eensgezind zonder consensusscore, {apart} met scores die meer dan één stap van de schaal uit
      elkaar liggen.
    </p>
  );
}

function ConsensusPage({
  viewer,
  access,
  items,
  criteria,
  names,
  members,
  refusal,
  notice,
  adoptForm,
}: {
  viewer: Viewer;
  access: TenderAccess;
  items: ConsensusItem[];
  criteria: Criterion[];
  names: Map<string, string>;
  members: string[];
  refusal: string | undefined;
  notice: string | undefined;
  adoptForm: AdoptForm | undefined;
}) {
  const canSet = access.roles.has('inkoper') && access.tender.status === 'open';
  const agreed = items.filter((i) => i.consensus === null && i.agreedScore !== null);
  const base = tenderPath(access, 'consensus');
  return (
    <TenderFrame viewer={viewer} access={access} tab="consensus" title="Consensus" errors={adoptForm?.errors}>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {refusal === undefined ? null : <Notice kind="warning">{refusal}</Notice>}
      {access.tender.status === 'draft' ? <Notice>De consensus volgt als de aanbesteding is geopend en de beoordelaars hebben verzegeld.</Notice> : null}
      {items.length === 0 ? null : (
        <>
          <Counts items={items} />
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            {members.length === 0
              ? 'Er is geen beoordelingspanel: de inkoper stelt de consensus per cel vast.'
              : `Elke cel toont de scores van de beoordelaars in deze volgorde: ${members.join(', ')}. Een cel met ▲ en een kader heeft scores die meer dan één stap van de schaal uit elkaar liggen: bespreek die eerst.`}
          </p>
          {canSet && agreed.length > 0 ? (
            <AgreedScoresForm
              action={`${base}/eensgezind`}
              items={agreed}
              criteria={criteria}
              names={names}
              values={adoptForm?.values}
              errors={adoptForm?.errors.errors ?? NO_ERRORS}
            />
          ) : null}
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Alle scores</h2>
          <ConsensusMatrix
            items={items}
            criteria={criteria}
            names={names}
            canSet={canSet}
            cellPath={(bidId, criterionId) => `${base}/${encodeURIComponent(bidId)}/${encodeURIComponent(criterionId)}`}
          />
        </>
      )}
    </TenderFrame>
  );
}

/** The overview, or the reason it is not there yet (before every member has sealed: who has not). */
function readOverview(ctx: AppContext, access: TenderAccess): { items: ConsensusItem[]; refusal: string | undefined } {
  try {
    return { items: getConsensusOverview(ctx, { access }).items, refusal: undefined };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
    return { items: [], refusal: error.detail };
  }
}

/** The agreed cells the form sent: the ticked ones, or the one whose own button was pressed; each with its row. */
function postedCells(values: FormValues): { row: number; cell: AgreedCell }[] {
  const rows: { row: number; cell: AgreedCell; adopt: boolean }[] = [];
  for (let row = 0; row < MAX_ADOPTED_CELLS && values[agreedField(row, 'bidId')] !== undefined; row += 1) {
    rows.push({
      row,
      adopt: values[agreedField(row, 'adopt')] === 'ja',
      cell: {
        bidId: values[agreedField(row, 'bidId')] ?? '',
        criterionId: values[agreedField(row, 'criterionId')] ?? '',
        motivation: values[agreedField(row, 'motivation')] ?? '',
      },
    });
  }
  const only = values.alleen === undefined ? undefined : Number(values.alleen);
  return rows.filter((r) => (only === undefined ? r.adopt : r.row === only)).map(({ row, cell }) => ({ row, cell }));
}

/** `cells[2].motivation` of the request onto the form's own row: `cells[5].motivation`; a whole cell onto its checkbox. */
function toFormPaths(errors: readonly FieldError[], rows: readonly number[]): FieldError[] {
  return errors.map((error) => {
    const match = /^cells\[(\d+)\](.*)$/.exec(error.path);
    if (match === null) return error;
    const row = rows[Number(match[1])] ?? Number(match[1]);
    return { ...error, path: match[2] === '' ? agreedField(row, 'adopt') : `cells[${row}]${match[2]}` };
  });
}

export function consensusPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const load = (c: Context<AppEnv>) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    return { viewer, access, criteria: getTender(ctx, { actor: viewer.actor, access }).criteria, names: readBidNames(ctx, viewer.actor, access) };
  };
  const render = (c: Context<AppEnv>, adoptForm: AdoptForm | undefined, status: 200 | 400 | 409 = 200) => {
    const { viewer, access, criteria, names } = load(c);
    const { items, refusal } = readOverview(ctx, access);
    const members = [...new Set(items.flatMap((i) => i.scores.map((s) => s.name)))];
    const page = (
      <ConsensusPage
        viewer={viewer}
        access={access}
        items={items}
        criteria={criteria}
        names={names}
        members={members}
        refusal={refusal}
        notice={c.req.query('melding')}
        adoptForm={adoptForm}
      />
    );
    return renderPage(c, page, status);
  };
  const renderCell = (c: Context<AppEnv>, bidId: string, criterionId: string, form: CellForm | undefined, status: 200 | 400 | 409 = 200) => {
    const { viewer, access, criteria, names } = load(c);
    const { items, refusal } = readOverview(ctx, access);
    if (refusal !== undefined) {
      // As the matrix: before every member has sealed, the page says who has not, and shows nothing of the scores.
      const waiting = (
        <TenderFrame viewer={viewer} access={access} tab="consensus" title="Consensus">
          <Notice kind="warning">{refusal}</Notice>
        </TenderFrame>
      );
      return renderPage(c, waiting, status);
    }
    const item = items.find((i) => i.bidId === bidId && i.criterionId === criterionId);
    const criterion = criteria.find((cr) => cr.id === criterionId);
    if (item === undefined || criterion === undefined)
      throw new AppError('not-found', { detail: `Inschrijving ${bidId} of criterium ${criterionId} bestaat niet.` });
    const canSet = access.roles.has('inkoper') && access.tender.status === 'open';
    const page = <ConsensusCellPage viewer={viewer} access={access} item={item} criterion={criterion} bidName={names.get(bidId)} canSet={canSet} form={form} />;
    return renderPage(c, page, status);
  };

  app.get('/aanbestedingen/:id/consensus', (c) => render(c, undefined));

  app.post('/aanbestedingen/:id/consensus/eensgezind', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const selected = postedCells(values);
    const title = 'De eensgezinde scores zijn niet overgenomen';
    try {
      if (selected.length === 0) throw new AppError('invalid-input', { detail: 'Vink ten minste één cel aan om over te nemen.' });
      const cells = parseInput(AdoptAgreedBody, { cells: selected.map((s) => s.cell) }).cells;
      const { adopted } = adoptAgreedConsensus(ctx, { actor: requireActor(c), access, cells });
      const names = readBidNames(ctx, requireActor(c), access);
      const notice =
        adopted.length === 1 && adopted[0] !== undefined
          ? `De eensgezinde score van ${bidLabel(adopted[0].bidId, names.get(adopted[0].bidId))} op ${adopted[0].criterionId} is overgenomen.`
          : `${adopted.length} eensgezinde scores zijn overgenomen als consensusscore.`;
      const anchor = adopted.length === 1 && adopted[0] !== undefined ? `#${cellAnchor(adopted[0].bidId, adopted[0].criterionId)}` : '';
      return redirectAfterPost(c, `${tenderPath(access, 'consensus')}?melding=${encodeURIComponent(notice)}${anchor}`);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      const errors = toFormPaths(
        error.errors,
        selected.map((s) => s.row),
      );
      const { names } = load(c);
      const labelOf = (row: number) =>
        `${bidLabel(values[agreedField(row, 'bidId')] ?? '', names.get(values[agreedField(row, 'bidId')] ?? ''))} op ${values[agreedField(row, 'criterionId')] ?? ''}`;
      const fields = new Map(
        selected.flatMap(({ row }) => [
          [agreedField(row, 'adopt'), labelOf(row)],
          [agreedField(row, 'motivation'), `Motivering bij ${labelOf(row)}`],
        ]),
      );
      const mapped = errors.length > 0 ? mapFieldErrors(errors, fields, undefined, agreedFieldId) : formError(error.detail ?? error.message);
      if (errors.length > 0 && error.detail !== undefined) mapped.summary.unshift({ fieldId: undefined, label: 'Let op', message: error.detail });
      return render(c, { values, errors: { title, errors: mapped } }, error.status as 400);
    }
  });

  app.get('/aanbestedingen/:id/consensus/:bidId/:criterionId', (c) => renderCell(c, c.req.param('bidId'), c.req.param('criterionId'), undefined));

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
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'tender-locked'].includes(error.code)) throw error;
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, CELL_FIELDS, undefined, cellFieldId) : formError(error.detail ?? error.message);
      return renderCell(c, bidId, criterionId, { values, errors: { title: 'De consensusscore is niet vastgelegd', errors } }, error.status as 400);
    }
    const names = readBidNames(ctx, requireActor(c), access);
    const notice = `De consensusscore van ${bidLabel(bidId, names.get(bidId))} op ${criterionId} is vastgelegd.`;
    return redirectAfterPost(c, `${tenderPath(access, 'consensus')}?melding=${encodeURIComponent(notice)}#${cellAnchor(bidId, criterionId)}`);
  });

  return app;
}
