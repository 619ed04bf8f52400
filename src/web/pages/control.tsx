/**
 * @module
 * `GET /aanbestedingen/:id/controle` (inkoper, auditor): the auditor's view of a tender. The
 * re-computation of the evaluation from the exported dossier (`recomputeEvaluation`, the
 * service behind `GET /api/v1/tenders/:id/recompute`) in plain Dutch, the dossier's SHA-256
 * with a link to the dossier it was computed from, and the tender's timeline (`timelineOf`,
 * behind `GET .../timeline`): who did what, when, with before and after.
 */
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { recomputeEvaluation, type Recomputation } from '../../modules/auditor/recompute.service.js';
import { timelineOf, type TimelineEntry } from '../../modules/auditor/timeline.service.js';
import { requireTenderRole, tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice } from '../components/alerts.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame } from '../components/tender-frame.js';
import { RawEventLink } from '../components/raw-event-link.js';
import { formatDifferenceValue, formatInstantDateTime } from '../format.js';
import { renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

/** The recomputation, or why there is none yet (an incomplete dossier: 409 from the service). */
type RecomputeOutcome = { kind: 'done'; result: Recomputation } | { kind: 'refused'; error: AppError };

const SOURCE_NAMES: Record<Recomputation['stored'], string> = {
  'award-decision': 'de beoordeling vastgelegd in de gunningsbeslissing',
  'current-evaluation': 'de huidige beoordeling van de server',
};

function RecomputeSection({ access, outcome }: { access: TenderAccess; outcome: RecomputeOutcome }) {
  const dossierUrl = `/api/v1/tenders/${access.tender.id}/dossier`;
  if (outcome.kind === 'refused') {
    return (
      <section aria-labelledby="herberekening">
        <h2 id="herberekening" class="utrecht-heading-2 utrecht-heading-2--distanced">
          Herberekening
        </h2>
        <Notice kind="warning">{outcome.error.detail ?? 'De herberekening kan nu niet.'}</Notice>
        {outcome.error.errors.length === 0 ? null : (
          <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
            {outcome.error.errors.map((e) => (
              <li class="utrecht-unordered-list__item">
                {e.path}: {e.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  const { result } = outcome;
  return (
    <section aria-labelledby="herberekening">
      <h2 id="herberekening" class="utrecht-heading-2 utrecht-heading-2--distanced">
        Herberekening
      </h2>
      {result.matches ? (
        <Notice kind="ok">
          De herberekening uit het dossier komt overeen met de vastgelegde beoordeling ({SOURCE_NAMES[result.stored]}, vastgelegd op{' '}
          {formatInstantDateTime(result.storedAt)}).
        </Notice>
      ) : (
        <>
          <Notice kind="error">
            De herberekening uit het dossier wijkt op {result.differences.length} {result.differences.length === 1 ? 'punt' : 'punten'} af van{' '}
            {SOURCE_NAMES[result.stored]} (vastgelegd op {formatInstantDateTime(result.storedAt)}).
          </Notice>
          <Table
            caption="Verschillen tussen de vastgelegde en de herberekende beoordeling"
            columns={[{ label: 'Veld' }, { label: 'Vastgelegd' }, { label: 'Herberekend' }]}
          >
            {result.differences.map((d) => (
              <Row>
                <Cell header>
                  <code class="utrecht-code">{d.path}</code>
                </Cell>
                <Cell>{formatDifferenceValue('stored' in d ? d.stored : undefined)}</Cell>
                <Cell>{formatDifferenceValue('recomputed' in d ? d.recomputed : undefined)}</Cell>
              </Row>
            ))}
          </Table>
        </>
      )}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Herberekend uit het dossier met SHA-256 <code class="utrecht-code">{result.dossierSha256}</code>.{' '}
        <a class="utrecht-link utrecht-link--html-a" href={dossierUrl} download={`dossier-${access.tender.reference}.json`}>
          Download het dossier
        </a>{' '}
        en controleer de hash, bijvoorbeeld met <code class="utrecht-code">sha256sum</code>.
      </p>
    </section>
  );
}

function TimelineSection({ access, timeline }: { access: TenderAccess; timeline: TimelineEntry[] }) {
  return (
    <section aria-labelledby="tijdlijn">
      <h2 id="tijdlijn" class="utrecht-heading-2 utrecht-heading-2--distanced">
        Tijdlijn
      </h2>
      {timeline.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen gebeurtenissen vastgelegd.</p>
      ) : (
        <Table
          caption={`Wat er met deze aanbesteding gebeurde (${timeline.length} gebeurtenissen), oudste eerst`}
          columns={[{ label: 'Nr.', numeric: true }, { label: 'Wanneer' }, { label: 'Wie' }, { label: 'Wat' }, { label: 'Vastgelegde gegevens' }]}
        >
          {timeline.map((entry) => (
            <Row>
              <Cell numeric>{entry.seq}</Cell>
              <Cell date>{formatInstantDateTime(entry.at)}</Cell>
              <Cell>{entry.who === null ? 'systeem' : entry.who.name}</Cell>
              <Cell>{entry.description}</Cell>
              <Cell>{entry.redacted ? 'Verborgen tot alle beoordelaars hun scores hebben verzegeld.' : <RawEventLink access={access} seq={entry.seq} />}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </section>
  );
}

function ControlPage({ viewer, access, outcome, timeline }: { viewer: Viewer; access: TenderAccess; outcome: RecomputeOutcome; timeline: TimelineEntry[] }) {
  return (
    <TenderFrame viewer={viewer} access={access} tab="controle" title="Controle">
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Hier controleert u zonder iets te wijzigen of de vastgelegde beoordeling volgt uit het dossier, en wie wat wanneer heeft gedaan.
      </p>
      <RecomputeSection access={access} outcome={outcome} />
      <TimelineSection access={access} timeline={timeline} />
    </TenderFrame>
  );
}

export function controlPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/aanbestedingen/:id/controle', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    requireTenderRole(access, ['inkoper', 'auditor'], 'de aanbesteding beoordelen');
    let outcome: RecomputeOutcome;
    try {
      outcome = { kind: 'done', result: recomputeEvaluation(ctx, { actor: viewer.actor, access }) };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      outcome = { kind: 'refused', error };
    }
    return renderPage(c, <ControlPage viewer={viewer} access={access} outcome={outcome} timeline={timelineOf(ctx, { access })} />);
  });
  return app;
}
