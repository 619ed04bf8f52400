/**
 * @module
 * `GET/POST /aanbestedingen/:id/verwijderen`: deleting a draft tender, after a confirmation
 * that says what goes and what stays (`deleteDraftTender`, the service behind
 * `DELETE /api/v1/tenders/:id`; its refusals, opened or reported on, are its own error pages).
 */
import { Hono } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { deleteDraftTender } from '../../modules/tenders/tender-deletion.service.js';
import { requireTenderRole, tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { readBids } from '../tender-data.js';
import { viewerOf, type Viewer } from '../viewer.js';

function DeletePage({ viewer, access, bids }: { viewer: Viewer; access: TenderAccess; bids: number }) {
  const draft = access.tender.status === 'draft';
  return (
    <TenderFrame viewer={viewer} access={access} tab="overzicht" title="Aanbesteding verwijderen">
      {!draft ? (
        <Notice kind="warning">
          Alleen een aanbesteding in voorbereiding kan worden verwijderd; een geopende aanbesteding blijft bewaard met haar inschrijvingen en beoordeling.
        </Notice>
      ) : (
        <>
          <Notice kind="warning">
            U verwijdert {access.tender.reference} met de criteria, {bids === 1 ? '1 inschrijving' : `${bids} inschrijvingen`} en het beoordelingspanel. Dat kan
            niet ongedaan worden gemaakt. De audittrail bewaart wat er was en wie het verwijderde.
          </Notice>
          <form method="post" action={tenderPath(access, 'verwijderen')} class="utrecht-form">
            <div class="gw-inline">
              <SubmitButton>Ja, verwijder deze aanbesteding</SubmitButton>
              <a class="utrecht-link utrecht-link--html-a" href={tenderPath(access)}>
                Nee, terug naar het overzicht
              </a>
            </div>
          </form>
        </>
      )}
    </TenderFrame>
  );
}

export function tenderDeletePages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/aanbestedingen/:id/verwijderen', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    requireTenderRole(access, ['inkoper'], 'een aanbesteding verwijderen');
    return renderPage(c, <DeletePage viewer={viewer} access={access} bids={readBids(ctx, viewer.actor, access)?.length ?? 0} />);
  });
  app.post('/aanbestedingen/:id/verwijderen', (c) => {
    const access = tenderAccessOf(c);
    deleteDraftTender(ctx, { actor: requireActor(c), access });
    return redirectAfterPost(c, `/aanbestedingen?verwijderd=${encodeURIComponent(access.tender.reference)}`);
  });
  return app;
}
