/**
 * @module
 * `/aanbestedingen/:id/inschrijvingen`: the bids, a form to add one (`addBid`), and the
 * import of many from an .xlsx or .csv sheet, all or nothing, with every bad row reported by
 * row and column. `GET /voorbeelden/inschrijvingen.xlsx|.csv`: the example sheet.
 */
import { Hono } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { addBid, listBids, requireMayAddBids } from '../../modules/bids/bids.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { CheckboxField, TextField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatOptionalEuros } from '../format.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { BIDS_SHEET } from '../sheet/bid-sheet-layout.js';
import { exampleSheetCsv, exampleSheetXlsx } from '../sheet/example-sheet.js';
import { importSheetBids } from '../sheet/import-bids.js';
import { readBidSheet, type SheetProblem } from '../sheet/read-bid-sheet.js';
import { SHEET_LIMITS, SheetLimitError } from '../sheet/sheet-limits.js';
import { viewerOf, type Viewer } from '../viewer.js';

const BID_FIELDS = new Map([
  ['id', 'Nummer'],
  ['provider.name', 'Inschrijver'],
  ['provider.kvk', 'KvK-nummer'],
  ['provider.keurmerk', 'Keurmerk Blik op Werk'],
  ['price', 'Prijs'],
]);

type BidsPageProps = {
  viewer: Viewer;
  access: TenderAccess;
  bids: Bid[];
  values: FormValues;
  errors: FormErrors;
  sheetProblems: SheetProblem[];
  notice: string | undefined;
};

function SheetProblems({ problems }: { problems: SheetProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert" id="importfouten" tabindex={-1} autofocus>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Niets ingelezen: {problems.length === 1 ? '1 fout' : `${problems.length} fouten`} in het bestand</h2>
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Verbeter het bestand en lees het opnieuw in; er is geen enkele inschrijving toegevoegd.</p>
        <Table caption="Fouten per rij en kolom" columns={[{ label: 'Blad' }, { label: 'Rij', numeric: true }, { label: 'Kolom' }, { label: 'Melding' }]}>
          {problems.map((p) => (
            <Row>
              <Cell>{p.sheet}</Cell>
              <Cell numeric>{p.row}</Cell>
              <Cell>{p.column === null ? (p.columnName ?? '-') : `${p.column} (${p.columnName ?? ''})`}</Cell>
              <Cell>{p.message}</Cell>
            </Row>
          ))}
        </Table>
      </div>
    </div>
  );
}

function BidsTable({ bids }: { bids: Bid[] }) {
  if (bids.length === 0) return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen inschrijvingen.</p>;
  return (
    <Table
      caption={`Inschrijvingen (${bids.length})`}
      columns={[
        { label: 'Nummer' },
        { label: 'Inschrijver' },
        { label: 'KvK-nummer' },
        { label: 'Keurmerk Blik op Werk' },
        { label: 'Prijs', numeric: true },
        { label: 'Prijsregels', numeric: true },
      ]}
    >
      {bids.map((bid) => (
        <Row>
          <Cell header>{bid.id}</Cell>
          <Cell>{bid.provider.name}</Cell>
          <Cell>{bid.provider.kvk}</Cell>
          <Cell>{bid.provider.keurmerk ? 'ja' : 'nee'}</Cell>
          <Cell numeric>{formatOptionalEuros(bid.price)}</Cell>
          <Cell numeric>{bid.priceLines?.length ?? 0}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function BidsPage({ viewer, access, bids, values, errors, sheetProblems, notice }: BidsPageProps) {
  const mayAdd = access.tender.status === 'draft' && access.roles.has('inkoper');
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title="Inschrijvingen">
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      <SheetProblems problems={sheetProblems} />
      <BidsTable bids={bids} />
      {!mayAdd ? (
        <Notice>{access.tender.status === 'draft' ? 'Alleen de inkoper voert inschrijvingen in.' : 'De inschrijving is gesloten: de aanbesteding is geopend.'}</Notice>
      ) : (
        <>
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Inschrijvingen inlezen uit een spreadsheet</h2>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Een .xlsx- of .csv-bestand met per rij een inschrijving: {BIDS_SHEET} met de kolommen Nummer (mag leeg), Inschrijver,
            KvK-nummer, Keurmerk Blik op Werk (ja of nee) en Prijs (EUR); in een .xlsx eventueel een tweede blad Prijsregels. Bevat één
            rij een fout, dan wordt niets ingelezen. Voorbeeld:{' '}
            <a class="utrecht-link utrecht-link--html-a" href="/voorbeelden/inschrijvingen.xlsx" download>
              inschrijvingen.xlsx
            </a>{' '}
            of{' '}
            <a class="utrecht-link utrecht-link--html-a" href="/voorbeelden/inschrijvingen.csv" download>
              inschrijvingen.csv
            </a>
            .
          </p>
          <form method="post" action={`${tenderPath(access, 'inschrijvingen')}/inlezen`} enctype="multipart/form-data" class="utrecht-form">
            <div class="utrecht-form-field utrecht-form-field--text">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="veld-bestand">
                  Bestand (.xlsx of .csv)
                </label>
              </div>
              <div class="utrecht-form-field__input">
                <input id="veld-bestand" name="bestand" type="file" accept=".xlsx,.csv" required class="utrecht-textbox utrecht-textbox--html-input" />
              </div>
            </div>
            <SubmitButton>Inlezen</SubmitButton>
          </form>

          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Eén inschrijving toevoegen</h2>
          <form method="post" action={tenderPath(access, 'inschrijvingen')} class="utrecht-form">
            <ErrorSummary errors={errors} title="De inschrijving is niet toegevoegd" />
            <TextField name="id" label="Nummer (leeg: het volgende vrije, B1, B2, ...)" value={values.id} errors={errors} size={8} />
            <TextField name="provider.name" label="Inschrijver" value={values['provider.name']} errors={errors} size={40} />
            <TextField name="provider.kvk" label="KvK-nummer" value={values['provider.kvk']} errors={errors} inputMode="numeric" size={10} description="Acht cijfers" />
            <CheckboxField name="provider.keurmerk" label="Heeft het keurmerk Blik op Werk" errors={errors} checked={values['provider.keurmerk'] === 'ja'} />
            <TextField name="price" label="Prijs (EUR)" value={values.price} errors={errors} inputMode="decimal" />
            <SubmitButton>Inschrijving toevoegen</SubmitButton>
          </form>
        </>
      )}
    </TenderFrame>
  );
}

/** The inkoper's and auditor's view of the bids (a beoordelaar scores on its own page). */
function fullBids(ctx: AppContext, actor: ReturnType<typeof requireActor>, access: TenderAccess): Bid[] {
  return listBids(ctx, { actor, access }) as Bid[];
}

export function bidPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const page = (c: Parameters<typeof renderPage>[0], access: TenderAccess, extra: Partial<BidsPageProps>, status: 200 | 400 | 409 | 413 = 200) => {
    const viewer = viewerOf(ctx, c as never);
    const props: BidsPageProps = { viewer, access, bids: fullBids(ctx, viewer.actor, access), values: {}, errors: NO_ERRORS, sheetProblems: [], notice: undefined, ...extra };
    return renderPage(c, <BidsPage {...props} />, status);
  };

  app.get('/aanbestedingen/:id/inschrijvingen', (c) => {
    const count = c.req.query('ingelezen');
    return page(c, tenderAccessOf(c), { notice: count === undefined ? (c.req.query('toegevoegd') === undefined ? undefined : 'De inschrijving is toegevoegd.') : `${count} inschrijvingen ingelezen.` });
  });

  app.post('/aanbestedingen/:id/inschrijvingen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const amounts = createAmountReader();
    const input = {
      id: optionalText(values.id),
      provider: { name: values['provider.name'] ?? '', kvk: (values['provider.kvk'] ?? '').trim(), keurmerk: values['provider.keurmerk'] === 'ja' },
      price: amounts.money('price', values.price),
    };
    try {
      addBid(ctx, { actor: requireActor(c), access, input });
      return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?toegevoegd=1`);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const errors = error.errors.length > 0 ? mapFieldErrors(amounts.explain(error.errors), BID_FIELDS) : formError(error.detail ?? error.message);
      return page(c, access, { values, errors }, error.code === 'conflict' ? 409 : 400);
    }
  });

  app.post('/aanbestedingen/:id/inschrijvingen/inlezen', async (c) => {
    const access = tenderAccessOf(c);
    // Role and status before a byte of the upload is read: an auditor's file is never parsed.
    requireMayAddBids(access);
    const tooLarge = (error: SheetLimitError, sheet: string) =>
      page(c, access, { sheetProblems: [{ sheet, row: 0, column: null, columnName: null, message: error.message }] }, 413);
    // The form's few other bytes aside, a body this large holds a file over the limit.
    if (Number(c.req.header('content-length') ?? 0) > SHEET_LIMITS.fileBytes + 64 * 1024) return tooLarge(new SheetLimitError('fileBytes'), '-');
    const body = await c.req.parseBody();
    const file = body.bestand;
    if (!(file instanceof File) || file.size === 0) {
      return page(c, access, { sheetProblems: [{ sheet: '-', row: 0, column: null, columnName: null, message: 'kies een .xlsx- of .csv-bestand' }] }, 400);
    }
    let read: Awaited<ReturnType<typeof readBidSheet>>;
    try {
      read = await readBidSheet({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      if (error instanceof SheetLimitError) return tooLarge(error, file.name);
      throw error;
    }
    const outcome = importSheetBids(ctx, { actor: requireActor(c), access, sheet: BIDS_SHEET, ...read });
    if (!outcome.ok) return page(c, access, { sheetProblems: outcome.problems }, 400);
    return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?ingelezen=${outcome.imported.length}`);
  });

  app.get('/voorbeelden/inschrijvingen.xlsx', async (c) =>
    c.body(await exampleSheetXlsx(), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="inschrijvingen.xlsx"',
    }),
  );
  app.get('/voorbeelden/inschrijvingen.csv', async (c) =>
    c.body(await exampleSheetCsv(), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="inschrijvingen.csv"' }),
  );
  return app;
}

