/**
 * @module
 * `/aanbestedingen/:id/prijsopening`: the two-envelope steps after the scoring (issue 20) on a
 * page, on the services of the API routes (`price-opening.service.ts`): where the opening
 * stands, what still stands in the way of the quality lock (in the lock's own words), the lock
 * (a step that cannot be undone, so it asks first), the first inkoper's entry of the prices per
 * bid and the second inkoper's confirmation. The confirmation is a blind second reading: its
 * form is always empty and no page ever holds the first entry's figures (docs/two-envelopes.md),
 * so the first entry is read by nothing here. The forms are shown to the tender's inkopers; the
 * other readers of the tender see the stage only; for a one-envelope tender the page says so.
 */
import { Hono } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { PRICE_OPENING_STAGE_NAMES, PRICE_OPENING_STAGE_TERMS } from '../../domain/vocabulary/index.js';
import { listBids, type BidView } from '../../modules/bids/bids.service.js';
import { listTenderDocuments, type BidDocumentView } from '../../modules/documents/documents.service.js';
import { PriceEntryBody } from '../../modules/price-opening/price-opening.routes.js';
import {
  confirmPrices,
  enterPrices,
  lockQuality,
  priceOpeningOfficers,
  qualityLockReadiness,
  type PriceOpeningOfficers,
} from '../../modules/price-opening/price-opening.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { getTender, type TenderView } from '../../modules/tenders/tenders.service.js';
import { CONFIRMATION_FIELD, CONFIRMATIONS } from '../confirmations.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { BidName } from '../components/bid-name.js';
import { ConfirmStep, confirmationFieldId } from '../components/confirm-step.js';
import { DataList } from '../components/data-list.js';
import { TextField } from '../components/form-field.js';
import { TenderFrame, tenderPath, type PageErrors } from '../components/tender-frame.js';
import { requireConfirmation } from '../forms/confirmation.js';
import { fieldId, formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { createAmountReader, parseDutchNumber, readForm, type FormValues } from '../forms/form-values.js';
import { formatInstantDateTime } from '../format.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

/** Empty price lines offered per bid: a price sheet with more lines is entered by its total, or through the API. */
export const PRICE_LINE_ROWS = 3;

type PriceForm = 'vergrendelen' | 'invoeren' | 'bevestigen';
type FormState = { form: PriceForm; values: FormValues; errors: FormErrors };

/** The steps' ids: the confirmation checkboxes' ids derive from them. */
const STEP_IDS = { vergrendelen: 'vergrendelen', bevestigen: 'bevestigen' } as const;

const activeBids = (bids: readonly BidView[]) => bids.filter((bid) => bid.withdrawal === undefined);

/** Field name -> label for the bids in the form's order, named by the service's problem paths. */
function priceFieldLabels(bids: readonly BidView[]): Map<string, string> {
  const labels = new Map<string, string>([['prices', 'Prijzen']]);
  activeBids(bids).forEach((bid, i) => {
    labels.set(`prices[${i}].bidId`, bid.id);
    labels.set(`prices[${i}].price`, `Prijs van ${bid.id}`);
    for (let j = 0; j < PRICE_LINE_ROWS; j++) {
      labels.set(`prices[${i}].priceLines[${j}].description`, `${bid.id}, prijsregel ${j + 1}, omschrijving`);
      labels.set(`prices[${i}].priceLines[${j}].quantity`, `${bid.id}, prijsregel ${j + 1}, aantal`);
      labels.set(`prices[${i}].priceLines[${j}].unitPrice`, `${bid.id}, prijsregel ${j + 1}, eenheidsprijs`);
    }
    labels.set(`prices[${i}].priceLines`, `${bid.id}, prijsregels`);
  });
  return labels;
}

/**
 * The form as the entry's body: per bid its price and the price lines filled in (a line left
 * wholly empty is no line). Amounts are read as everywhere (`createAmountReader`); what is no
 * number goes on as text, for the body's schema to refuse at its field.
 */
function entryFromForm(values: FormValues, bids: readonly BidView[], amounts: ReturnType<typeof createAmountReader>): unknown {
  return {
    prices: activeBids(bids).map((bid, i) => {
      const at = `prices[${i}]`;
      const lines = Array.from({ length: PRICE_LINE_ROWS }, (_, j) => `${at}.priceLines[${j}]`)
        .filter((line) => ['description', 'quantity', 'unitPrice'].some((part) => (values[`${line}.${part}`] ?? '').trim() !== ''))
        .map((line, j) => ({
          description: (values[`${line}.description`] ?? '').trim(),
          quantity: parseDutchNumber(values[`${line}.quantity`]),
          unitPrice: amounts.money(`${at}.priceLines[${j}].unitPrice`, values[`${line}.unitPrice`]),
        }));
      const price = amounts.money(`${at}.price`, values[`${at}.price`]);
      return { bidId: bid.id, ...(price === undefined ? {} : { price }), ...(lines.length === 0 ? {} : { priceLines: lines }) };
    }),
  };
}

/** One form's price fields; `form` keeps the ids apart when the page holds two such forms. */
function PriceFields({
  form,
  bids,
  names,
  values,
  errors,
}: {
  form: PriceForm;
  bids: readonly BidView[];
  names: ReadonlyMap<string, string>;
  values: FormValues;
  errors: FormErrors;
}) {
  const id = (name: string) => `${form}-${fieldId(name)}`;
  return (
    <>
      {activeBids(bids).map((bid, i) => (
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            <BidName bidId={bid.id} name={names.get(bid.id)} />
          </legend>
          <input type="hidden" name={`prices[${i}].bidId`} value={bid.id} />
          <TextField
            name={`prices[${i}].price`}
            id={id(`prices[${i}].price`)}
            label={`Prijs van ${bid.id} (EUR)`}
            description="Leeg laten als het prijsblad prijsregels heeft: de prijs is dan hun som."
            value={values[`prices[${i}].price`]}
            errors={errors}
            inputMode="decimal"
            amount="totaal"
          />
          <details class="gw-details">
            <summary>Prijsregels van {bid.id} (als het prijsblad die heeft)</summary>
            {Array.from({ length: PRICE_LINE_ROWS }, (_, j) => {
              const at = `prices[${i}].priceLines[${j}]`;
              return (
                <div class="gw-inline">
                  <TextField
                    name={`${at}.description`}
                    id={id(`${at}.description`)}
                    label={`Regel ${j + 1}, omschrijving`}
                    value={values[`${at}.description`]}
                    errors={errors}
                    size={30}
                  />
                  <TextField
                    name={`${at}.quantity`}
                    id={id(`${at}.quantity`)}
                    label={`Regel ${j + 1}, aantal`}
                    value={values[`${at}.quantity`]}
                    errors={errors}
                    inputMode="decimal"
                    size={8}
                  />
                  <TextField
                    name={`${at}.unitPrice`}
                    id={id(`${at}.unitPrice`)}
                    label={`Regel ${j + 1}, eenheidsprijs (EUR)`}
                    value={values[`${at}.unitPrice`]}
                    errors={errors}
                    inputMode="decimal"
                    size={12}
                    amount="per-eenheid"
                  />
                </div>
              );
            })}
          </details>
        </fieldset>
      ))}
    </>
  );
}

/** The price envelopes: names and SHA-256 for everyone who reads the list; a link only where the bytes are served. */
function PriceEnvelopes({ tenderId, documents, opened }: { tenderId: string; documents: readonly BidDocumentView[]; opened: boolean }) {
  const current = documents.filter((d) => d.envelope === 'price' && d.replacedBy === null);
  if (current.length === 0) return null;
  const url = (d: BidDocumentView) =>
    `/api/v1/tenders/${encodeURIComponent(tenderId)}/bids/${encodeURIComponent(d.bidId)}/documents/${encodeURIComponent(d.id)}`;
  return (
    <section aria-labelledby="prijsenveloppen-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="prijsenveloppen-kop">
        Prijsenveloppen
      </h2>
      <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
        {current.map((d) => (
          <li class="utrecht-unordered-list__item">
            {d.bidId}:{' '}
            {opened ? (
              <a class="utrecht-link utrecht-link--html-a" href={url(d)} target="_blank" rel="noopener">
                {d.name}
              </a>
            ) : (
              d.name
            )}{' '}
            (SHA-256 <code>{d.sha256.slice(0, 12)}</code>)
          </li>
        ))}
      </ul>
    </section>
  );
}

type PageProps = {
  viewer: Viewer;
  access: TenderAccess;
  view: TenderView;
  officers: PriceOpeningOfficers;
  /** Only for an inkoper: the forms and what is missing before the lock. */
  inkoper: { bids: BidView[]; names: ReadonlyMap<string, string>; lockProblems: string[]; documents: BidDocumentView[] } | undefined;
  formState: FormState | undefined;
  notice: string | undefined;
  record: string | undefined;
};

function LockSection({ access, problems, formState }: { access: TenderAccess; problems: string[]; formState: FormState | undefined }) {
  return (
    <section aria-labelledby="vergrendelen-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="vergrendelen-kop">
        Kwaliteitsscores vergrendelen
      </h2>
      {problems.length > 0 ? (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">Vergrendelen kan nog niet:</p>
          <ul class="utrecht-unordered-list utrecht-unordered-list--distanced" data-lock-problems>
            {problems.map((problem) => (
              <li class="utrecht-unordered-list__item">{problem}</li>
            ))}
          </ul>
        </>
      ) : (
        <form method="post" action={tenderPath(access, 'prijsopening/vergrendelen')} class="utrecht-form" data-confirm>
          <ConfirmStep
            id={STEP_IDS.vergrendelen}
            words={CONFIRMATIONS.qualityLock}
            errors={formState?.form === 'vergrendelen' ? formState.errors : NO_ERRORS}
          />
          <SubmitButton>Kwaliteitsscores vergrendelen</SubmitButton>
        </form>
      )}
    </section>
  );
}

function EntrySection({
  access,
  inkoper,
  formState,
  again,
}: {
  access: TenderAccess;
  inkoper: NonNullable<PageProps['inkoper']>;
  formState: FormState | undefined;
  again: boolean;
}) {
  const mine = formState?.form === 'invoeren' ? formState : undefined;
  const form = (
    <form method="post" action={tenderPath(access, 'prijsopening/invoeren')} class="utrecht-form">
      <PriceFields form="invoeren" bids={inkoper.bids} names={inkoper.names} values={mine?.values ?? {}} errors={mine?.errors ?? NO_ERRORS} />
      <SubmitButton>{again ? 'Prijzen opnieuw invoeren' : 'Prijzen invoeren'}</SubmitButton>
    </form>
  );
  return (
    <section aria-labelledby="invoeren-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="invoeren-kop">
        {again ? 'De prijzen opnieuw invoeren' : 'De prijzen invoeren (eerste inkoper)'}
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {again
          ? 'Bleek de eerste invoer fout (de lezingen verschilden), voer dan alle prijzen opnieuw in. De laatste invoer geldt; wie die doet is de eerste inkoper, en een andere inkoper bevestigt.'
          : 'Open de prijsenvelop van elke inschrijving en voer de prijs in, of de prijsregels als het prijsblad die heeft. Niemand ziet de bedragen voordat een tweede inkoper ze zelf opnieuw heeft gelezen en bevestigd.'}
      </p>
      {again ? (
        <details class="gw-details" open={mine !== undefined}>
          <summary>Prijzen opnieuw invoeren</summary>
          {form}
        </details>
      ) : (
        form
      )}
    </section>
  );
}

function ConfirmSection({
  access,
  inkoper,
  formState,
}: {
  access: TenderAccess;
  inkoper: NonNullable<PageProps['inkoper']>;
  formState: FormState | undefined;
}) {
  const mine = formState?.form === 'bevestigen' ? formState : undefined;
  return (
    <section aria-labelledby="bevestigen-kop">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced" id="bevestigen-kop">
        De opening bevestigen (tweede inkoper)
      </h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Lees de prijsenveloppen zelf en voer de prijzen in zoals u ze leest. De eerste invoer wordt niet getoond: de bevestiging slaagt alleen als beide
        lezingen gelijk zijn. Verschillen ze, dan noemt de melding de inschrijvingen, nooit de bedragen.
      </p>
      <form method="post" action={tenderPath(access, 'prijsopening/bevestigen')} class="utrecht-form" data-confirm>
        {/* Never prefilled, not even after a refusal: the form must not carry any figure back. */}
        <PriceFields form="bevestigen" bids={inkoper.bids} names={inkoper.names} values={{}} errors={mine?.errors ?? NO_ERRORS} />
        <ConfirmStep id={STEP_IDS.bevestigen} words={CONFIRMATIONS.priceConfirmation} errors={mine?.errors ?? NO_ERRORS} />
        <SubmitButton>Opening bevestigen</SubmitButton>
      </form>
    </section>
  );
}

function PriceOpeningPage({ viewer, access, view, officers, inkoper, formState, notice, record }: PageProps) {
  const opening = view.priceOpening;
  if (opening === null) {
    return (
      <TenderFrame viewer={viewer} access={access} tab="overzicht" title="Prijsopening">
        <Notice>Deze aanbesteding heeft één envelop: de prijzen zijn bij de inschrijving geregistreerd en er zijn geen prijsenveloppen te openen.</Notice>
      </TenderFrame>
    );
  }
  const errors: PageErrors | undefined =
    formState === undefined || formState.errors.summary.length === 0 ? undefined : { title: 'Dat is niet verwerkt', errors: formState.errors };
  const firstOfficerIsMe = opening.pricesEnteredBy === viewer.actor.userId;
  const stage = opening.stage;
  return (
    <TenderFrame viewer={viewer} access={access} tab="overzicht" title="Prijsopening" errors={errors}>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {record === undefined ? null : (
        <Notice kind="ok">
          De opening is bevestigd en het proces-verbaal van opening van de prijsenveloppen is ondertekend:{' '}
          <a class="utrecht-link utrecht-link--html-a" href={`/api/v1/reports/${encodeURIComponent(record)}`} data-opening-record>
            proces-verbaal openen (PDF)
          </a>
          .
        </Notice>
      )}
      <DataList
        rows={[
          ['Stand', <strong data-stage>{PRICE_OPENING_STAGE_NAMES[stage]}</strong>],
          ['Toelichting', PRICE_OPENING_STAGE_TERMS[stage].explanation],
          ['Kwaliteitsscores vergrendeld', opening.qualityLockedAt === null ? 'nog niet' : formatInstantDateTime(opening.qualityLockedAt)],
          [
            'Prijzen ingevoerd',
            opening.pricesEnteredAt === null ? 'nog niet' : `${formatInstantDateTime(opening.pricesEnteredAt)} door ${officers.firstOfficer ?? '-'}`,
          ],
          [
            'Opening bevestigd',
            opening.pricesConfirmedAt === null ? 'nog niet' : `${formatInstantDateTime(opening.pricesConfirmedAt)} door ${officers.secondOfficer ?? '-'}`,
          ],
        ]}
      />
      {inkoper === undefined ? null : (
        <>
          <PriceEnvelopes tenderId={access.tender.id} documents={inkoper.documents} opened={stage !== 'sealed'} />
          {stage === 'sealed' ? <LockSection access={access} problems={inkoper.lockProblems} formState={formState} /> : null}
          {stage === 'quality-locked' ? <EntrySection access={access} inkoper={inkoper} formState={formState} again={false} /> : null}
          {stage === 'prices-entered' ? (
            <>
              {firstOfficerIsMe ? (
                <Notice>
                  U heeft de prijzen ingevoerd. Volgens het vier-ogenprincipe bevestigt een andere inkoper van de organisatie de opening, na de prijsenveloppen
                  zelf te hebben gelezen.
                </Notice>
              ) : (
                <ConfirmSection access={access} inkoper={inkoper} formState={formState} />
              )}
              <EntrySection access={access} inkoper={inkoper} formState={formState} again />
            </>
          ) : null}
          {stage === 'prices-confirmed' ? (
            <p class="utrecht-paragraph utrecht-paragraph--distanced">
              De prijzen gelden. Het proces-verbaal van opening staat bij de{' '}
              <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'rapporten')}>
                rapporten
              </a>
              ; de beoordeling op prijs staat op de pagina{' '}
              <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'uitslag')}>
                Uitslag
              </a>
              .
            </p>
          ) : null}
        </>
      )}
    </TenderFrame>
  );
}

export function priceOpeningPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = async (
    c: Parameters<typeof renderPage>[0],
    extra: { formState?: FormState; notice?: string | undefined; record?: string | undefined } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const viewer = viewerOf(ctx, c as never);
    const access = tenderAccessOf(c as never);
    const view = getTender(ctx, { actor: viewer.actor, access });
    const bids = access.roles.has('inkoper') ? (listBids(ctx, { actor: viewer.actor, access }) as BidView[]) : [];
    const inkoper = access.roles.has('inkoper')
      ? {
          bids,
          names: new Map(bids.map((bid) => [bid.id, bid.provider.name])),
          lockProblems: view.priceOpening?.stage === 'sealed' ? qualityLockReadiness(ctx, { access }) : [],
          documents: listTenderDocuments(ctx, { actor: viewer.actor, access }),
        }
      : undefined;
    const page = (
      <PriceOpeningPage
        viewer={viewer}
        access={access}
        view={view}
        officers={priceOpeningOfficers(ctx, { access })}
        inkoper={inkoper}
        formState={extra.formState}
        notice={extra.notice}
        record={extra.record}
      />
    );
    return renderPage(c, page, status);
  };

  /** A refusal of the form's own step comes back to the page, at its fields or at the top; the rest are error pages. */
  const refused = (c: Parameters<typeof renderPage>[0], form: PriceForm, values: FormValues, error: unknown, labels: ReadonlyMap<string, string>) => {
    if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
    const errors =
      error.errors.length > 0 && error.code === 'invalid-input'
        ? mapFieldErrors(error.errors, labels, undefined, (name) =>
            name === CONFIRMATION_FIELD ? confirmationFieldId(STEP_IDS.bevestigen) : `${form}-${fieldId(name)}`,
          )
        : formError(error.detail ?? error.message);
    return render(c, { formState: { form, values, errors } }, error.code === 'conflict' ? 409 : 400);
  };

  app.get('/aanbestedingen/:id/prijsopening', (c) => {
    const entered = c.req.query('ingevoerd') !== undefined ? 'De prijzen zijn ingevoerd. Een andere inkoper bevestigt ze nu na een eigen lezing.' : undefined;
    const locked = c.req.query('vergrendeld') !== undefined ? 'De kwaliteitsscores zijn vergrendeld; de prijsenveloppen mogen nu open.' : undefined;
    return render(c, { notice: entered ?? locked, record: c.req.query('proces-verbaal') });
  });

  app.post('/aanbestedingen/:id/prijsopening/vergrendelen', async (c) => {
    const access = tenderAccessOf(c);
    const values = await readForm(c);
    try {
      requireConfirmation(values, CONFIRMATIONS.qualityLock);
      lockQuality(ctx, { actor: requireActor(c), access });
    } catch (error) {
      const labels = new Map([[CONFIRMATION_FIELD, 'Bevestiging']]);
      if (error instanceof AppError && error.code === 'invalid-input') {
        const errors = mapFieldErrors(error.errors, labels, undefined, () => confirmationFieldId(STEP_IDS.vergrendelen));
        return render(c, { formState: { form: 'vergrendelen', values, errors } }, 400);
      }
      return refused(c, 'vergrendelen', values, error, labels);
    }
    return redirectAfterPost(c, `${tenderPath(access, 'prijsopening')}?vergrendeld=1`);
  });

  app.post('/aanbestedingen/:id/prijsopening/invoeren', async (c) => {
    const access = tenderAccessOf(c);
    const actor = requireActor(c);
    const values = await readForm(c);
    const bids = listBids(ctx, { actor, access }) as BidView[];
    const amounts = createAmountReader();
    try {
      enterPrices(ctx, { actor, access, input: parseInput(PriceEntryBody, entryFromForm(values, bids, amounts)) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid-input') error.errors.splice(0, error.errors.length, ...amounts.explain(error.errors));
      return refused(c, 'invoeren', values, error, priceFieldLabels(bids));
    }
    return redirectAfterPost(c, `${tenderPath(access, 'prijsopening')}?ingevoerd=1`);
  });

  app.post('/aanbestedingen/:id/prijsopening/bevestigen', async (c) => {
    const access = tenderAccessOf(c);
    const actor = requireActor(c);
    const values = await readForm(c);
    const bids = listBids(ctx, { actor, access }) as BidView[];
    const amounts = createAmountReader();
    let record: { id: string };
    try {
      requireConfirmation(values, CONFIRMATIONS.priceConfirmation);
      record = await confirmPrices(ctx, { actor, access, input: parseInput(PriceEntryBody, entryFromForm(values, bids, amounts)) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid-input') error.errors.splice(0, error.errors.length, ...amounts.explain(error.errors));
      // The typed figures are not shown again (`ConfirmSection`): the values stay out of the state.
      return refused(c, 'bevestigen', {}, error, new Map([...priceFieldLabels(bids), [CONFIRMATION_FIELD, 'Bevestiging']]));
    }
    return redirectAfterPost(c, `${tenderPath(access, 'prijsopening')}?proces-verbaal=${encodeURIComponent(record.id)}`);
  });
  return app;
}
