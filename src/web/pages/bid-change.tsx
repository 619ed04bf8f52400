/**
 * @module
 * Before the opening a typing error in a bid is simply put right, after a confirmation:
 * `GET/POST /aanbestedingen/:id/inschrijvingen/:bidId/wijzigen` (the form; "Controleren"
 * shows the change before and after; "Ja" records it with `updateDraftBid`, the service
 * behind `PATCH .../bids/:bidId`) and `GET/POST .../inschrijvingen/:bidId/verwijderen`
 * (`deleteDraftBid`, behind `DELETE .../bids/:bidId`). The forms are checked with the
 * route's own body schema; refusals of state (opened meanwhile) are the error pages.
 */
import { Hono, type Context } from 'hono';
import type { Bid } from '../../domain/evaluation/dossier.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { BidPatchBody } from '../../modules/bids/bid-changes.routes.js';
import { bidForDraftChange, deleteDraftBid, previewDraftBidChange, updateDraftBid, type DraftBidChange } from '../../modules/bids/bid-changes.service.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { BidFigureFields, ChangeTable, ConfirmForm } from '../components/bid-change-view.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatOptionalEuros } from '../format.js';
import { bidEditFromForm, bidFieldLabels, bidFormValues } from '../forms/bid-form.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const bidPath = (access: TenderAccess, bidId: string, page: string) => `${tenderPath(access, 'inschrijvingen')}/${encodeURIComponent(bidId)}/${page}`;

function BackLink({ access }: { access: TenderAccess }) {
  return (
    <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access, 'inschrijvingen')}>
      Terug naar de inschrijvingen
    </a>
  );
}

function EditPage({
  viewer,
  access,
  bid,
  values,
  errors,
  notice,
}: {
  viewer: Viewer;
  access: TenderAccess;
  bid: Bid;
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Inschrijving ${bid.id} wijzigen`}>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Zolang de aanbesteding in voorbereiding is, kunt u een inschrijving verbeteren. U ziet de wijziging eerst ter controle; de audittrail bewaart de
        inschrijving zoals ze was en zoals ze wordt.
      </p>
      {notice === undefined ? null : <Notice>{notice}</Notice>}
      <form method="post" action={bidPath(access, bid.id, 'wijzigen')} class="utrecht-form">
        <ErrorSummary errors={errors} title="De wijziging is niet verwerkt" />
        <BidFigureFields bid={bid} values={values} errors={errors} withProvider />
        <div class="gw-inline">
          <SubmitButton name="actie" value="controleren">
            Wijziging controleren
          </SubmitButton>
          <BackLink access={access} />
        </div>
      </form>
    </TenderFrame>
  );
}

function ConfirmEditPage({
  viewer,
  access,
  bidId,
  change,
  values,
}: {
  viewer: Viewer;
  access: TenderAccess;
  bidId: string;
  change: DraftBidChange;
  values: FormValues;
}) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Inschrijving ${bidId} wijzigen`}>
      <Notice kind="warning">Controleer de wijziging. Pas na "Ja" wordt ze vastgelegd, met de inschrijving zoals ze was in de audittrail.</Notice>
      <ChangeTable before={change.before} after={change.after} />
      <ConfirmForm
        action={bidPath(access, bidId, 'wijzigen')}
        values={values}
        confirm={`Ja, wijzig inschrijving ${bidId}`}
        back="Nee, terug naar het formulier"
      />
    </TenderFrame>
  );
}

function DeletePage({ viewer, access, bid }: { viewer: Viewer; access: TenderAccess; bid: Bid }) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="inschrijvingen" title={`Inschrijving ${bid.id} verwijderen`}>
      <Notice kind="warning">
        U verwijdert inschrijving {bid.id} van {bid.provider.name} ({formatOptionalEuros(bid.price)}
        {bid.priceLines === undefined ? '' : `, ${bid.priceLines.length} prijsregels`}). De audittrail bewaart de inschrijving zoals ze was.
      </Notice>
      <form method="post" action={bidPath(access, bid.id, 'verwijderen')} class="utrecht-form">
        <div class="gw-inline">
          <SubmitButton>Ja, verwijder inschrijving {bid.id}</SubmitButton>
          <BackLink access={access} />
        </div>
      </form>
    </TenderFrame>
  );
}

export function bidChangePages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const bidOf = (c: Context<AppEnv>) => bidForDraftChange(ctx, { access: tenderAccessOf(c), bidId: c.req.param('bidId') ?? '' });

  app.get('/aanbestedingen/:id/inschrijvingen/:bidId/wijzigen', (c) => {
    const bid = bidOf(c);
    return renderPage(
      c,
      <EditPage viewer={viewerOf(ctx, c)} access={tenderAccessOf(c)} bid={bid} values={bidFormValues(bid, { withProvider: true })} errors={NO_ERRORS} />,
    );
  });

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/wijzigen', async (c) => {
    const access = tenderAccessOf(c);
    const viewer = viewerOf(ctx, c);
    const bid = bidOf(c);
    const values = await readForm(c);
    const form = (errors: FormErrors, status: 200 | 400, notice?: string) =>
      renderPage(c, <EditPage viewer={viewer} access={access} bid={bid} values={values} errors={errors} notice={notice} />, status);
    if (values.actie === 'terug') return form(NO_ERRORS, 200);
    try {
      const change = parseInput(BidPatchBody, bidEditFromForm(values, bid));
      if (values.actie !== 'bevestigen') {
        const planned = previewDraftBidChange(ctx, { access, bidId: bid.id, change });
        if (!planned.changed) return form(NO_ERRORS, 200, 'Er verandert niets: de inschrijving is al zo.');
        return renderPage(c, <ConfirmEditPage viewer={viewer} access={access} bidId={bid.id} change={planned} values={values} />);
      }
      updateDraftBid(ctx, { actor: requireActor(c), access, bidId: bid.id, change });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      return form(mapFieldErrors(error.errors, bidFieldLabels(bid, { withProvider: true })), 400);
    }
    return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?gewijzigd=${encodeURIComponent(bid.id)}`);
  });

  app.get('/aanbestedingen/:id/inschrijvingen/:bidId/verwijderen', (c) =>
    renderPage(c, <DeletePage viewer={viewerOf(ctx, c)} access={tenderAccessOf(c)} bid={bidOf(c)} />),
  );

  app.post('/aanbestedingen/:id/inschrijvingen/:bidId/verwijderen', (c) => {
    const access = tenderAccessOf(c);
    const bidId = c.req.param('bidId');
    deleteDraftBid(ctx, { actor: requireActor(c), access, bidId });
    return redirectAfterPost(c, `${tenderPath(access, 'inschrijvingen')}?verwijderd=${encodeURIComponent(bidId)}`);
  });
  return app;
}
