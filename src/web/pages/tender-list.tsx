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
import { Notice } from '../components/alerts.js';
import { StatusBadge } from '../components/status-badge.js';
import { Cell, Row, Table } from '../components/table.js';
import { formatInstantDate, formatIsoDate } from '../format.js';
import { Layout } from '../layout.js';
import { renderPage } from '../render.js';
import { flaggedCount, readBids, readEvaluation } from '../tender-data.js';
import { actorFor, isAdministrator, viewerOf, type Viewer } from '../viewer.js';

type ListedTender = { view: TenderView; bids: number | undefined; flagged: number | undefined };

function TenderListPage({ viewer, tenders, deleted }: { viewer: Viewer; tenders: ListedTender[]; deleted: string | undefined }) {
  const organisation = viewer.current?.name;
  return (
    <Layout title="Aanbestedingen" viewer={viewer} nav="aanbestedingen">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Aanbestedingen{organisation === undefined ? '' : ` van ${organisation}`}</h1>
      {deleted === undefined ? null : (
        <Notice kind="ok">De aanbesteding {deleted} is verwijderd, met haar inschrijvingen; de audittrail bewaart wat er was.</Notice>
      )}
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
          caption="Aanbestedingen, oudste eerst"
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
          {tenders.map(({ view, bids, flagged }) => (
            <Row>
              <Cell header>
                <a class="utrecht-link utrecht-link--html-a" href={`/aanbestedingen/${view.id}`}>
                  {view.tender.reference}: {view.tender.title}
                </a>
              </Cell>
              <Cell>{view.tender.lot}</Cell>
              <Cell>
                <StatusBadge status={view.status} />
              </Cell>
              <Cell>{formatInstantDate(view.createdAt)}</Cell>
              <Cell>{formatInstantDate(view.openedAt)}</Cell>
              <Cell>{formatIsoDate(view.awardDecision?.standstillEndsOn)}</Cell>
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
    const tenders = listTenders(ctx, { actor: actorFor(viewer) }).map((view): ListedTender => {
      // The same resolution as `/aanbestedingen/:id` itself: a panel member sees no counts an evaluator may not see.
      const access = resolveTenderAccess(ctx, viewer.actor, view.id);
      if (access === undefined) return { view, bids: undefined, flagged: undefined };
      const evaluation = readEvaluation(ctx, access);
      return { view, bids: readBids(ctx, viewer.actor, access)?.length, flagged: evaluation && flaggedCount(evaluation) };
    });
    return renderPage(c, <TenderListPage viewer={viewer} tenders={tenders} deleted={c.req.query('verwijderd')} />);
  });
  return app;
}
