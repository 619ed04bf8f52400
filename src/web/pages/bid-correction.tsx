/**
 * @module
 * After the opening a bid changes only with a written reason, after a confirmation:
 * `GET/POST /aanbestedingen/:id/inschrijvingen/:bidId/correctie`, an obvious clerical error
 * in the price or a price line (`correctBid`, the service behind
 * `POST .../bids/:bidId/correction`), and `GET/POST .../inschrijvingen/:bidId/intrekking`,
 * the bidder's withdrawal (`withdrawBid`, behind `POST .../bids/:bidId/withdrawal`). Each
 * form is checked with the route's own body schema; "Controleren" shows what will be
 * recorded, "Ja" records it. Refusals of state (the award decision taken meanwhile, a bid
 * already withdrawn) are the error pages.
 */
import { Hono, type Context } from 'hono';
import { todayInAmsterdam } from '../../domain/dates.js';
import type { Bid, BidWithdrawal } from '../../domain/evaluation/dossier.js';
import { withdrawalReason } from '../../domain/evaluation/prepare.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { CorrectionBody, WithdrawalBody } from '../../modules/bids/bid-changes.routes.js';
import {
  bidForCorrection,
  correctBid,
  previewBidCorrection,
  previewWithdrawal,
  withdrawBid,
  type PlannedCorrection,
} from '../../modules/bids/bid-corrections.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { BidFigureFields, ChangeTable, ConfirmForm } from '../components/bid-change-view.js';
import { TextareaField, TextField } from '../components/form-field.js';
import { REVIEW_STATE_NAMES } from '../../domain/vocabulary/index.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { bidCorrectionFromForm, bidFieldLabels, bidFormValues } from '../forms/bid-form.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const bidPath = (access: TenderAccess, bidId: string, page: string) => `${tenderPath(access, 'inschrijvingen')}/${encodeURIComponent(bidId)}/${page}`;

const REASON_RULE = 'Minstens één volledige zin (20 tekens, 3 woorden). De beoordelaars en het rapport tonen de reden';

function BackLink({ access }: { access: TenderAccess }) {
  return (
    <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'inschrijvingen')}>
      Terug naar de inschrijvingen
    </a>
  );
}

function CorrectionPage({ viewer, access, bid, values, errors }: { viewer: Viewer; access: TenderAccess; bid: Bid; values: FormValues; errors: FormErrors }) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Inschrijving ${bid.id} corrigeren`}>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Na het openen mag een inschrijving niet meer ongemerkt veranderen. Alleen een kennelijke verschrijving (een rekenfout, verwisselde cijfers, een verkeerd
        geplaatste komma) mag worden gecorrigeerd, met een schriftelijke reden. Het beoordelingspanel ziet de reden (zonder bedragen), het rapport de correctie
        met de bedragen ervoor en erna, en de audittrail alles.
      </p>
      <form method="post" action={bidPath(access, bid.id, 'correctie')} class="utrecht-form">
        <ErrorSummary errors={errors} title="De correctie is niet verwerkt" />
        <BidFigureFields bid={bid} values={values} errors={errors} withProvider={false} />
        <TextareaField
          name="reason"
          label="Reden van de correctie"
          description={`Welke verschrijving, en waaruit blijkt dat ze kennelijk is. ${REASON_RULE}; noem daarom geen bedragen als de beoordelaars geen prijzen zien.`}
          value={values.reason}
          errors={errors}
        />
        <div class="gw-inline">
          <SubmitButton name="actie" value="controleren">
            Correctie controleren
          </SubmitButton>
          <BackLink access={access} />
        </div>
      </form>
    </TenderFrame>
  );
}

function ConfirmCorrectionPage({ viewer, access, planned, values }: { viewer: Viewer; access: TenderAccess; planned: PlannedCorrection; values: FormValues }) {
  const { bid } = planned;
  const review = planned.lowBidReviewState;
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Inschrijving ${bid.id} corrigeren`}>
      <Notice kind="warning">
        Controleer de correctie van inschrijving {bid.id} van {bid.provider.name}. Na "Ja" is ze vastgelegd en niet meer ongedaan te maken; de beoordeling gaat
        verder met de gecorrigeerde prijs.
      </Notice>
      <ChangeTable before={planned.before} after={planned.after} />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Reden: {values.reason}</p>
      {review === null ? null : (
        <Notice>
          Het onderzoek naar een abnormaal lage prijs van deze inschrijving loopt al ({REVIEW_STATE_NAMES[review]}). Het blijft staan zoals het is, met deze
          correctie erbij vermeld; beoordeel of de toelichting ook voor de gecorrigeerde prijs geldt.
        </Notice>
      )}
      <ConfirmForm action={bidPath(access, bid.id, 'correctie')} values={values} confirm="Ja, leg de correctie vast" back="Nee, terug naar het formulier" />
    </TenderFrame>
  );
}

function WithdrawalPage({ viewer, access, bid, values, errors }: { viewer: Viewer; access: TenderAccess; bid: Bid; values: FormValues; errors: FormErrors }) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Intrekking van inschrijving ${bid.id}`}>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Heeft {bid.provider.name} de inschrijving ingetrokken? Leg vast wanneer de intrekking binnenkwam en met welke reden. De inschrijving doet daarna niet
        meer mee in de rangschikking; de uitslag, het rapport en het dossier noemen de intrekking als reden.
      </p>
      <form method="post" action={bidPath(access, bid.id, 'intrekking')} class="utrecht-form">
        <ErrorSummary errors={errors} title="De intrekking is niet verwerkt" />
        <TextField
          name="receivedOn"
          label="Ontvangen op"
          type="date"
          value={values.receivedOn}
          errors={errors}
          description="De dag waarop de intrekking binnenkwam; niet na vandaag."
        />
        <TextareaField
          name="reason"
          label="Reden van de intrekking"
          description={`De reden die de inschrijver opgaf. ${REASON_RULE}.`}
          value={values.reason}
          errors={errors}
        />
        <div class="gw-inline">
          <SubmitButton name="actie" value="controleren">
            Intrekking controleren
          </SubmitButton>
          <BackLink access={access} />
        </div>
      </form>
    </TenderFrame>
  );
}

function ConfirmWithdrawalPage({
  viewer,
  access,
  bid,
  withdrawal,
  values,
}: {
  viewer: Viewer;
  access: TenderAccess;
  bid: Bid;
  withdrawal: BidWithdrawal;
  values: FormValues;
}) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Intrekking van inschrijving ${bid.id}`}>
      <Notice kind="warning">
        Inschrijving {bid.id} van {bid.provider.name} gaat uit de rangschikking, met als reden: {withdrawalReason(withdrawal)}. Dat is niet meer ongedaan te
        maken.
      </Notice>
      <ConfirmForm action={bidPath(access, bid.id, 'intrekking')} values={values} confirm="Ja, leg de intrekking vast" back="Nee, terug naar het formulier" />
    </TenderFrame>
  );
}

const WITHDRAWAL_FIELDS = new Map([
  ['receivedOn', 'Ontvangen op'],
  ['reason', 'Reden van de intrekking'],
]);

export function bidCorrectionPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const bidOf = (c: Context<AppEnv>) => bidForCorrection(ctx, { access: tenderAccessOf(c), bidId: c.req.param('bidId') ?? '' });

  app.get('/aanbestedingen/:id/inschrijvingen/:bidId/correctie', (c) => {
    const bid = bidOf(c);
    return renderPage(
      c,
      <CorrectionPage viewer={viewerOf(ctx, c)} access={tenderAccessOf(c)} bid={bid} values={bidFormValues(bid, { withProvider: false })} errors={NO_ERRORS} />,
    );
  });

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/correctie', async (c) => {
    const access = tenderAccessOf(c);
    const viewer = viewerOf(ctx, c);
    const bid = bidOf(c);
    const values = await readForm(c);
    const labels = new Map([...bidFieldLabels(bid, { withProvider: false }), ['reason', 'Reden van de correctie']]);
    const form = (errors: FormErrors, status: 200 | 400) =>
      renderPage(c, <CorrectionPage viewer={viewer} access={access} bid={bid} values={values} errors={errors} />, status);
    if (values.actie === 'terug') return form(NO_ERRORS, 200);
    try {
      const input = parseInput(CorrectionBody, { ...bidCorrectionFromForm(values, bid), reason: values.reason ?? '' });
      if (values.actie !== 'bevestigen') {
        const planned = previewBidCorrection(ctx, { access, bidId: bid.id, input });
        return renderPage(c, <ConfirmCorrectionPage viewer={viewer} access={access} planned={planned} values={values} />);
      }
      correctBid(ctx, { actor: requireActor(c), access, bidId: bid.id, input });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      return form(mapFieldErrors(error.errors, labels), 400);
    }
    return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?gecorrigeerd=${encodeURIComponent(bid.id)}`);
  });

  app.get('/aanbestedingen/:id/inschrijvingen/:bidId/intrekking', (c) => {
    const bid = bidOf(c);
    const values = { receivedOn: todayInAmsterdam(ctx.clock()) };
    return renderPage(c, <WithdrawalPage viewer={viewerOf(ctx, c)} access={tenderAccessOf(c)} bid={bid} values={values} errors={NO_ERRORS} />);
  });

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/intrekking', async (c) => {
    const access = tenderAccessOf(c);
    const viewer = viewerOf(ctx, c);
    const bid = bidOf(c);
    const values = await readForm(c);
    const form = (errors: FormErrors, status: 200 | 400) =>
      renderPage(c, <WithdrawalPage viewer={viewer} access={access} bid={bid} values={values} errors={errors} />, status);
    if (values.actie === 'terug') return form(NO_ERRORS, 200);
    try {
      const input = parseInput(WithdrawalBody, { reason: values.reason ?? '', receivedOn: (values.receivedOn ?? '').trim() });
      if (values.actie !== 'bevestigen') {
        const { withdrawal } = previewWithdrawal(ctx, { access, bidId: bid.id, input });
        return renderPage(c, <ConfirmWithdrawalPage viewer={viewer} access={access} bid={bid} withdrawal={withdrawal} values={values} />);
      }
      withdrawBid(ctx, { actor: requireActor(c), access, bidId: bid.id, input });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      return form(mapFieldErrors(error.errors, WITHDRAWAL_FIELDS), 400);
    }
    return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?ingetrokken=${encodeURIComponent(bid.id)}`);
  });
  return app;
}
