/**
 * @module
 * `/aanbestedingen/:id/inschrijvingen`: the bids with their price-only low-bid flags (shown
 * as soon as the bids are in), a form to add one (`addBid`), and the import of many from an
 * .xlsx or .csv sheet, all or nothing, with every bad row reported by row and column. Each
 * bid links to its edit and delete pages before the opening (`bid-change.tsx`), and to its
 * correction and withdrawal pages after it (`bid-correction.tsx`); corrections are listed
 * with their reasons. `GET /voorbeelden/inschrijvingen.xlsx|.csv`: the example sheet.
 */
import { Hono } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { LowBidFlag } from '../../domain/low-bids/flag.js';
import { LOW_BID_RULE_NAMES, REVIEW_STATE_NAMES } from '../../domain/vocabulary/index.js';
import { addBid, listBids, requireMayAddBids, type BidView } from '../../modules/bids/bids.service.js';
import type { TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { TextField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatInstantDate, formatIsoDate, formatOptionalEuros } from '../format.js';
import { readDocuments, readEvaluation } from '../tender-data.js';
import { fieldId, formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, optionalText, readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { BIDS_SHEET } from '../sheet/bid-sheet-layout.js';
import { exampleSheetCsv, exampleSheetXlsx } from '../sheet/example-sheet.js';
import { importSheetBids } from '../sheet/import-bids.js';
import { readBidSheet, type SheetProblem } from '../sheet/read-bid-sheet.js';
import { SHEET_LIMITS, SheetLimitError } from '../sheet/sheet-limits.js';
import { viewerOf, type Viewer } from '../viewer.js';
import { ProviderFields } from '../components/bid-change-view.js';
import { BidDocumentsSection, type UploadFormState } from '../components/bid-document-upload.js';
import { planReceipt, precheckFormReceipt, receiveBidDocument } from '../../modules/documents/documents.service.js';
import { ReceiptQuery } from '../../modules/documents/documents.routes.js';
import { getTender } from '../../modules/tenders/tenders.service.js';
import { parseInput } from '../../lib/zod-errors.js';
import { streamFormFile } from '../forms/multipart-upload.js';
import { providerFromForm } from '../forms/bid-form.js';
import { PROVIDER_ADDRESS_FIELDS } from '../forms/provider-address-form.js';

const BID_FIELDS = new Map([
  ['id', 'Nummer'],
  ['provider.name', 'Inschrijver'],
  ['provider.kvk', 'KvK-nummer'],
  ['provider.keurmerk', 'Keurmerk Blik op Werk'],
  ...PROVIDER_ADDRESS_FIELDS,
  ['price', 'Prijs'],
]);

type BidsPageProps = {
  viewer: Viewer;
  access: TenderAccess;
  bids: BidView[];
  /** Per bid id, the low-bid flags from the prices alone; undefined when the caller may not see the evaluation. */
  flags: ReadonlyMap<string, LowBidFlag[]> | undefined;
  values: FormValues;
  errors: FormErrors;
  sheetProblems: SheetProblem[];
  notice: string | undefined;
  /** The bids' documents, for a role that sees them. */
  documents: ReturnType<typeof readDocuments>;
  criteria: readonly { id: string; title: string }[];
  twoEnvelopes: boolean;
  upload: UploadFormState | undefined;
};

function SheetProblems({ problems }: { problems: SheetProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert" id="importfouten" tabindex={-1} autofocus>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">
          Niets ingelezen: {problems.length === 1 ? '1 fout' : `${problems.length} fouten`} in het bestand
        </h2>
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

/** Every bid's flags as the evaluation shows them, ranked or still waiting for consensus scores. */
function flagsByBid(evaluation: TenderEvaluation | undefined): Map<string, LowBidFlag[]> | undefined {
  if (evaluation === undefined) return undefined;
  return new Map([...evaluation.bids, ...evaluation.pendingBids].map((bid) => [bid.bidId, bid.lowBidFlags]));
}

const bidPagePath = (access: TenderAccess, bidId: string, page: string) => `${tenderPath(access, 'inschrijvingen')}/${encodeURIComponent(bidId)}/${page}`;

function BidActions({ access, bid }: { access: TenderAccess; bid: BidView }) {
  const link = (page: string, text: string) => (
    <a class="utrecht-link utrecht-link--html-a" href={bidPagePath(access, bid.id, page)}>
      {text}
    </a>
  );
  if (access.tender.status === 'draft') {
    return (
      <span class="gw-inline">
        {link('wijzigen', `${bid.id} wijzigen`)} {link('verwijderen', `${bid.id} verwijderen`)}
      </span>
    );
  }
  if (access.tender.status === 'open' && bid.withdrawal === undefined) {
    return (
      <span class="gw-inline">
        {link('correctie', `${bid.id} corrigeren`)} {link('intrekking', `Intrekking ${bid.id} vastleggen`)}
      </span>
    );
  }
  return <>-</>;
}

function BidSignals({ bid, flags }: { bid: BidView; flags: LowBidFlag[] | undefined }) {
  const signals: string[] = [];
  if (bid.withdrawal !== undefined) signals.push(`ingetrokken (ontvangen op ${formatIsoDate(bid.withdrawal.receivedOn)})`);
  if (bid.corrections !== undefined) signals.push(bid.corrections.length === 1 ? 'prijs gecorrigeerd' : `prijs ${bid.corrections.length} keer gecorrigeerd`);
  const rules = [...new Set((flags ?? []).map((flag) => flag.rule))];
  if (rules.length > 0) signals.push(`mogelijk abnormaal laag: ${rules.map((rule) => LOW_BID_RULE_NAMES[rule]).join(', ')}`);
  return signals.length === 0 ? '-' : signals.join('; ');
}

function BidsTable({ access, bids, flags }: { access: TenderAccess; bids: BidView[]; flags: ReadonlyMap<string, LowBidFlag[]> | undefined }) {
  if (bids.length === 0) return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen inschrijvingen.</p>;
  const mayAct = access.roles.has('inkoper') && (access.tender.status === 'draft' || access.tender.status === 'open');
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
        { label: 'Signalen' },
        ...(mayAct ? [{ label: 'Wijzigen' }] : []),
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
          <Cell>
            <BidSignals bid={bid} flags={flags?.get(bid.id)} />
          </Cell>
          {mayAct ? (
            <Cell>
              <BidActions access={access} bid={bid} />
            </Cell>
          ) : null}
        </Row>
      ))}
    </Table>
  );
}

/** The flags with their messages, as soon as the bids are in: the review can start on the results page once the tender is open. */
function FlagsSection({ access, bids, flags }: { access: TenderAccess; bids: BidView[]; flags: ReadonlyMap<string, LowBidFlag[]> | undefined }) {
  const flagged = bids.filter((bid) => (flags?.get(bid.id) ?? []).length > 0);
  if (flags === undefined || flagged.length === 0) return null;
  return (
    <section aria-labelledby="signalen-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="signalen-kop">
        Mogelijk abnormaal lage inschrijvingen (art. 2.116 Aanbestedingswet)
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Deze signalen volgen uit de prijzen alleen en staan er zodra de inschrijvingen binnen zijn, ook als de consensusscores nog ontbreken.{' '}
        {access.tender.status === 'draft' ? (
          'Het onderzoek naar een gemarkeerde inschrijving begint na het openen, op de pagina Uitslag.'
        ) : (
          <>
            Het onderzoek voert u op de pagina{' '}
            <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'uitslag')}>
              Uitslag
            </a>
            .
          </>
        )}
      </p>
      <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
        {flagged.flatMap((bid) =>
          (flags.get(bid.id) ?? []).map((flag) => (
            <li class="utrecht-unordered-list__item">
              {bid.id} {bid.provider.name}: <strong>{LOW_BID_RULE_NAMES[flag.rule]}</strong>: {flag.message}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

/** Every correction after the opening, with the figures before and after and the reason. */
function CorrectionsSection({ bids }: { bids: BidView[] }) {
  const corrections = bids.flatMap((bid) => (bid.corrections ?? []).map((correction) => ({ bid, correction })));
  if (corrections.length === 0) return null;
  return (
    <Table
      caption="Correcties van kennelijke verschrijvingen na het openen"
      columns={[
        { label: 'Inschrijving' },
        { label: 'Gecorrigeerd op' },
        { label: 'Prijs ervoor', numeric: true },
        { label: 'Prijs erna', numeric: true },
        { label: 'Reden' },
      ]}
    >
      {corrections.map(({ bid, correction }) => (
        <Row>
          <Cell header>
            {bid.id} {bid.provider.name}
          </Cell>
          <Cell date>{formatInstantDate(correction.correctedAt)}</Cell>
          <Cell numeric>{formatOptionalEuros(correction.before.price)}</Cell>
          <Cell numeric>{formatOptionalEuros(correction.after.price)}</Cell>
          <Cell>
            {correction.reason}
            {correction.lowBidReviewState === null
              ? ''
              : ` (het onderzoek naar een abnormaal lage prijs liep al: ${REVIEW_STATE_NAMES[correction.lowBidReviewState]}; het blijft staan)`}
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

function BidsPage({ viewer, access, bids, flags, values, errors, sheetProblems, notice, documents, criteria, twoEnvelopes, upload }: BidsPageProps) {
  const mayAdd = access.tender.status === 'draft' && access.roles.has('inkoper');
  const documentsComeIn = access.roles.has('inkoper') && (access.tender.status === 'draft' || access.tender.status === 'open');
  return (
    <TenderFrame
      viewer={viewer}
      access={access}
      tab="inschrijvingen"
      title="Inschrijvingen"
      errors={upload === undefined ? undefined : { title: `Het document voor ${upload.bidId} is niet ontvangen`, errors: upload.errors }}
    >
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      <SheetProblems problems={sheetProblems} />
      <BidsTable access={access} bids={bids} flags={flags} />
      <FlagsSection access={access} bids={bids} flags={flags} />
      <CorrectionsSection bids={bids} />
      {documents === undefined ? null : (
        <BidDocumentsSection
          access={access}
          bidIds={bids.map((bid) => bid.id)}
          documents={documents.documents}
          readable={documents.readable}
          upload={documentsComeIn ? { criteria, twoEnvelopes, state: upload } : undefined}
        />
      )}
      {!mayAdd ? (
        <Notice>
          {access.tender.status === 'draft'
            ? 'Alleen de inkoper voert inschrijvingen in.'
            : 'De inschrijving is gesloten: de aanbesteding is geopend. Een inschrijving verandert nu alleen nog door een correctie van een kennelijke verschrijving of door een intrekking, elk met een reden en tot de gunningsbeslissing.'}
        </Notice>
      ) : (
        <>
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Inschrijvingen inlezen uit een spreadsheet</h2>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            Een .xlsx- of .csv-bestand met per rij een inschrijving: {BIDS_SHEET} met de kolommen Nummer (mag leeg), Inschrijver, KvK-nummer, Keurmerk Blik op
            Werk (ja of nee) en Prijs (EUR); in een .xlsx eventueel een tweede blad Prijsregels. Bevat één rij een fout, dan wordt niets ingelezen. Voorbeeld:{' '}
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
            <ProviderFields values={values} errors={errors} />
            <TextField name="price" label="Prijs (EUR)" value={values.price} errors={errors} inputMode="decimal" amount="totaal" />
            <SubmitButton>Inschrijving toevoegen</SubmitButton>
          </form>
        </>
      )}
    </TenderFrame>
  );
}

/** The inkoper's and auditor's view of the bids (a beoordelaar scores on its own page). */
function fullBids(ctx: AppContext, actor: ReturnType<typeof requireActor>, access: TenderAccess): BidView[] {
  return listBids(ctx, { actor, access }) as BidView[];
}

/** The upload form's fields, named by the receipt's problem paths (`query.` taken off). */
const UPLOAD_FIELDS = new Map([
  ['envelope', 'Envelop'],
  ['criterionId', 'Bij criterium'],
  ['replaces', 'Vervangt'],
  ['reason', 'Reden van de vervanging'],
  ['name', 'Bestand'],
  ['bestand', 'Bestand'],
  ['body', 'Bestand'],
]);

/** The form's fields and boundaries around the file: a reason is the longest of them. */
const FORM_SLACK_BYTES = 64 * 1024;

/** What a redirect back to the page tells, from its query. */
function noticeOf(query: (name: string) => string | undefined): string | undefined {
  const document = query('document');
  if (document !== undefined) return `Document ontvangen: ${document.replace('/', ', ')}.`;
  const count = query('ingelezen');
  if (count !== undefined) return `${count} inschrijvingen ingelezen.`;
  if (query('toegevoegd') !== undefined) return 'De inschrijving is toegevoegd.';
  const messages: [string, (bidId: string) => string][] = [
    ['gewijzigd', (bidId) => `Inschrijving ${bidId} is gewijzigd.`],
    ['verwijderd', (bidId) => `Inschrijving ${bidId} is verwijderd.`],
    ['gecorrigeerd', (bidId) => `De correctie van inschrijving ${bidId} is vastgelegd.`],
    ['ingetrokken', (bidId) => `De intrekking van inschrijving ${bidId} is vastgelegd; ze doet niet meer mee.`],
  ];
  for (const [name, message] of messages) {
    const bidId = query(name);
    if (bidId !== undefined) return message(bidId);
  }
  return undefined;
}

export function bidPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const page = (c: Parameters<typeof renderPage>[0], access: TenderAccess, extra: Partial<BidsPageProps>, status: 200 | 400 | 409 | 413 | 415 = 200) => {
    const viewer = viewerOf(ctx, c as never);
    const view = getTender(ctx, { actor: viewer.actor, access });
    const props: BidsPageProps = {
      viewer,
      access,
      bids: fullBids(ctx, viewer.actor, access),
      flags: flagsByBid(readEvaluation(ctx, access)),
      values: {},
      errors: NO_ERRORS,
      sheetProblems: [],
      notice: undefined,
      documents: readDocuments(ctx, viewer.actor, access),
      criteria: view.criteria.map((c) => ({ id: c.id, title: c.title })),
      twoEnvelopes: view.tender.envelopes === 'two',
      upload: undefined,
      ...extra,
    };
    return renderPage(c, <BidsPage {...props} />, status);
  };

  app.get('/aanbestedingen/:id/inschrijvingen', (c) => page(c, tenderAccessOf(c), { notice: noticeOf((name) => c.req.query(name)) }));

  app.post('/aanbestedingen/:id/inschrijvingen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    const amounts = createAmountReader();
    const input = {
      id: optionalText(values.id),
      provider: providerFromForm(values),
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

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/documenten', async (c) => {
    const access = tenderAccessOf(c);
    const actor = requireActor(c);
    const bidId = c.req.param('bidId');
    try {
      // Before a byte of the body is read: who, which tender state, which bid, and the declared length.
      precheckFormReceipt(ctx, { access, bidId, contentLength: c.req.header('content-length'), slack: FORM_SLACK_BYTES });
      const { result } = await streamFormFile(c, 'bestand', async ({ fields, body, fileName, mimeType }) => {
        const input = parseInput(ReceiptQuery, {
          envelope: fields.envelope,
          name: fileName,
          ...(optionalText(fields.criterionId) === undefined ? {} : { criterionId: optionalText(fields.criterionId) }),
          ...(optionalText(fields.replaces) === undefined ? {} : { replaces: optionalText(fields.replaces) }),
          ...(optionalText(fields.reason) === undefined ? {} : { reason: fields.reason?.trim() }),
        });
        const plan = planReceipt(ctx, { access, bidId, input, contentType: mimeType, contentLength: undefined });
        return receiveBidDocument(ctx, { actor, access, plan, body });
      });
      if (result === undefined) throw new AppError('invalid-input', { detail: 'kies een bestand', errors: [{ path: 'bestand', message: 'kies een bestand' }] });
      return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?document=${encodeURIComponent(`${bidId}/${result.name}`)}`);
    } catch (error) {
      const shown = ['invalid-input', 'conflict', 'payload-too-large', 'unsupported-media-type', 'tender-locked'] as const;
      if (!(error instanceof AppError) || !(shown as readonly string[]).includes(error.code)) throw error;
      const status = ({ 'invalid-input': 400, conflict: 409, 'tender-locked': 409, 'payload-too-large': 413, 'unsupported-media-type': 415 } as const)[
        error.code as (typeof shown)[number]
      ];
      const errors =
        error.errors.length > 0
          ? mapFieldErrors(
              error.errors,
              UPLOAD_FIELDS,
              (path) => path.replace(/^query\./, ''),
              (name) => `document-${bidId}-${fieldId(name)}`,
            )
          : formError(error.detail ?? error.message);
      return page(c, access, { upload: { bidId, errors } }, status);
    }
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
