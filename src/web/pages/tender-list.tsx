/**
 * @module
 * `GET /aanbestedingen`: the tenders of the chosen organisation (and, for a member gemeente,
 * its regio's; for a beoordelaar, those on whose panel it sits), as `listTenders` decides,
 * with the number of bids and of flagged bids where the caller's role may see them.
 */
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/types.js';
import { resolveTenderAccess } from '../../modules/tenders/tender-access.js';
import { listTenders, type TenderView } from '../../modules/tenders/tenders.service.js';
import { listProcedures, type ProcedureView } from '../../modules/procedures/procedures.service.js';
import { Notice } from '../components/alerts.js';
import { StatusBadge } from '../components/status-badge.js';
import { Cell, Row, Table } from '../components/table.js';
import { formatInstantDate, formatIsoDate } from '../format.js';
import { Layout } from '../layout.js';
import { renderPage } from '../render.js';
import { flaggedCount, readBids, readEvaluation } from '../tender-data.js';
import { actorFor, isAdministrator, viewerOf, type Viewer } from '../viewer.js';

/** `owner`: the name of the organisation that runs the tender when it is not the viewer's own (a member gemeente sees its regio's). */
type ListedTender = { view: TenderView; bids: number | undefined; flagged: number | undefined; owner: string | undefined };

/**
 * Running tenders first (concept, open, in the standstill: the ones that ask for work), then
 * the awarded ones; newest first within each (issue 16). The service answers them oldest
 * first, as the API documents; the order is the page's.
 */
export function runningFirst(tenders: readonly ListedTender[]): ListedTender[] {
  const rank = (t: ListedTender) => (t.view.status === 'awarded' ? 1 : 0);
  return [...tenders].sort((a, b) => rank(a) - rank(b) || b.view.createdAt.localeCompare(a.view.createdAt));
}

/** The procedures with several lots (issue 21): each lot is also listed below as a tender of its own. */
function ProcedureList({ procedures }: { procedures: ProcedureView[] }) {
  if (procedures.length === 0) return null;
  return (
    <Table
      caption="Procedures met meerdere percelen; elk perceel staat ook als aanbesteding in de lijst hieronder"
      columns={[{ label: 'Procedure' }, { label: 'Percelen' }]}
    >
      {procedures.map((procedure) => (
        <Row>
          <Cell header>
            <a class="utrecht-link utrecht-link--html-a" href={`/procedures/${procedure.id}`}>
              {procedure.procedure.reference}: {procedure.procedure.title}
            </a>
          </Cell>
          <Cell>{procedure.lots.map((lot) => lot.lotId).join(', ')}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function TenderListPage({
  viewer,
  tenders,
  procedures,
  deleted,
  deletedProcedure,
}: {
  viewer: Viewer;
  tenders: ListedTender[];
  procedures: ProcedureView[];
  deleted: string | undefined;
  deletedProcedure: string | undefined;
}) {
  const organisation = viewer.current?.name;
  return (
    <Layout title="Aanbestedingen" viewer={viewer} nav="aanbestedingen">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Aanbestedingen{organisation === undefined ? '' : ` van ${organisation}`}</h1>
      {deleted === undefined ? null : (
        <Notice kind="ok">De aanbesteding {deleted} is verwijderd, met haar inschrijvingen; de audittrail bewaart wat er was.</Notice>
      )}
      {deletedProcedure === undefined ? null : (
        <Notice kind="ok">De procedure {deletedProcedure} is verwijderd, met al haar percelen; de audittrail bewaart wat er was.</Notice>
      )}
      {viewer.current?.role === 'inkoper' ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Koopt u in met meerdere percelen (per route, module of deelregio)?{' '}
          <a class="utrecht-link utrecht-link--html-a" href="/nieuwe-procedure">
            Start een procedure met percelen
          </a>
          .
        </p>
      ) : null}
      <ProcedureList procedures={procedures} />
      {tenders.length === 0 ? (
        <Notice>
          Er zijn nog geen aanbestedingen.
          {viewer.current?.role === 'inkoper' ? (
            <>
              {' '}
              <a class="utrecht-link utrecht-link--html-a" href="/nieuwe-aanbesteding">
                Start een nieuwe aanbesteding
              </a>
              .
            </>
          ) : null}
          {isAdministrator(viewer) ? (
            <>
              {' '}
              Gebruikers en organisaties beheert u bij{' '}
              <a class="utrecht-link utrecht-link--html-a" href="/beheer">
                Beheer
              </a>
              .
            </>
          ) : null}
        </Notice>
      ) : (
        <Table
          caption="Aanbestedingen: lopende eerst, daarna gegunde; nieuwste eerst"
          columns={[
            { label: 'Aanbesteding' },
            { label: 'Perceel' },
            { label: 'Status' },
            { label: 'Aangemaakt' },
            { label: 'Geopend' },
            { label: 'Einde opschortende termijn' },
            { label: 'Inschrijvingen', numeric: true },
            { label: 'Gemarkeerd als mogelijk te laag', numeric: true },
          ]}
        >
          {runningFirst(tenders).map(({ view, bids, flagged, owner }) => (
            <Row>
              <Cell header>
                <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${view.id}`}>
                  {view.tender.reference}: {view.tender.title}
                </a>
                {owner === undefined ? null : <span class="gw-owner">Aanbesteding van {owner}</span>}
              </Cell>
              <Cell>{view.tender.lot}</Cell>
              <Cell>
                <StatusBadge status={view.status} />
              </Cell>
              <Cell date>{formatInstantDate(view.createdAt)}</Cell>
              <Cell date>{formatInstantDate(view.openedAt)}</Cell>
              <Cell date>{formatIsoDate(view.awardDecision?.standstillEndsOn)}</Cell>
              <Cell numeric>{bids ?? '-'}</Cell>
              <Cell numeric>{flagged ?? '-'}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </Layout>
  );
}

export function tenderListPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/aanbestedingen', (c) => {
    const viewer = viewerOf(ctx, c);
    const views = listTenders(ctx, { actor: actorFor(viewer) });
    // Names only, of organisations whose tenders the caller may already list.
    const others = [...new Set(views.map((view) => view.organisationId).filter((id) => id !== viewer.current?.id))];
    const names = new Map(ctx.queries.organisations.findOrganisations(others).map((o) => [o.id, o.name]));
    const tenders = views.map((view): ListedTender => {
      const owner = view.organisationId === viewer.current?.id ? undefined : names.get(view.organisationId);
      // The same resolution as `/aanbestedingen/:id` itself: a panel member sees no counts an evaluator may not see.
      const access = resolveTenderAccess(ctx, viewer.actor, view.id);
      if (access === undefined) return { view, bids: undefined, flagged: undefined, owner };
      const evaluation = readEvaluation(ctx, access);
      return { view, bids: readBids(ctx, viewer.actor, access)?.length, flagged: evaluation && flaggedCount(evaluation), owner };
    });
    return renderPage(
      c,
      <TenderListPage
        viewer={viewer}
        tenders={tenders}
        procedures={listProcedures(ctx, { actor: actorFor(viewer) })}
        deleted={c.req.query('verwijderd')}
        deletedProcedure={c.req.query('procedure-verwijderd')}
      />,
    );
  });
  return app;
}
