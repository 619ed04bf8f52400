/**
 * @module
 * `GET /aanbestedingen/:id/audit`: the tender's audit events (`listTenderAuditEvents`, the
 * service behind the API's `GET .../audit-events`, with its roles and its blind-scoring
 * redaction), to be filtered by action and by date, and the check of the whole hash chain
 * (`verifyAuditTrail`, the service behind `GET /api/v1/audit/verify`).
 */
import { Hono } from 'hono';
import { todayInAmsterdam } from '../../domain/dates.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { assertMayVerifyAuditTrail, verifyAuditTrail } from '../../modules/audit/audit.service.js';
import { listTenderAuditEvents, type AuditEventView } from '../../modules/audit/tender-audit-events.js';
import type { ChainVerification } from '../../modules/audit/audit-chain.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatInstantDateTime } from '../format.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import { renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

type Filter = { action: string; from: string; to: string };

function applyFilter(events: AuditEventView[], filter: Filter): AuditEventView[] {
  return events.filter((event) => {
    const day = todayInAmsterdam(Date.parse(event.at));
    return (
      (filter.action === '' || event.action === filter.action) && (filter.from === '' || day >= filter.from) && (filter.to === '' || day <= filter.to)
    );
  });
}

function actorName(event: AuditEventView, names: Map<string, string>): string {
  if (event.redacted) return 'verborgen tot alle beoordelaars hebben verzegeld';
  return event.actorUserId === null ? 'systeem' : (names.get(event.actorUserId) ?? event.actorUserId);
}

function ChainResult({ check }: { check: ChainVerification }) {
  return check.valid ? (
    <Notice kind="ok">
      De auditketen is intact: {check.events} gebeurtenissen, elke hash klopt met zijn inhoud en zijn voorganger. Laatste hash: <code class="utrecht-code">{check.head}</code>
    </Notice>
  ) : (
    <Notice kind="error">
      De auditketen is verbroken bij gebeurtenis {check.firstBroken}: een gebeurtenis is gewijzigd, verwijderd of verplaatst. Laatste intacte hash:{' '}
      <code class="utrecht-code">{check.head}</code>
    </Notice>
  );
}

function AuditPage({ viewer, access, events, shown, filter, names, check }: {
  viewer: Viewer;
  access: TenderAccess;
  events: AuditEventView[];
  shown: AuditEventView[];
  filter: Filter;
  names: Map<string, string>;
  check: ChainVerification | undefined;
}) {
  const actions = [...new Set(events.map((e) => e.action))].sort();
  return (
    <TenderFrame viewer={viewer} access={access} tab="audit" title="Audit">
      <form method="get" action={tenderPath(access, 'audit')} class="gw-inline">
        <SelectField name="actie" label="Handeling" errors={NO_ERRORS} value={filter.action} options={[{ value: '', label: 'Alle handelingen' }, ...actions.map((a) => ({ value: a, label: a }))]} />
        <TextField name="van" label="Vanaf" type="date" value={filter.from} errors={NO_ERRORS} />
        <TextField name="tot" label="Tot en met" type="date" value={filter.to} errors={NO_ERRORS} />
        <SubmitButton kind="secondary-action">Filteren</SubmitButton>
      </form>
      <form method="get" action={tenderPath(access, 'audit')}>
        <input type="hidden" name="controle" value="1" />
        <SubmitButton kind="secondary-action">Controleer de hele auditketen</SubmitButton>
      </form>
      {check === undefined ? null : <ChainResult check={check} />}
      <Table
        caption={`Gebeurtenissen (${shown.length} van ${events.length}), oudste eerst`}
        columns={[{ label: 'Nr.', numeric: true }, { label: 'Tijdstip' }, { label: 'Door' }, { label: 'Handeling' }, { label: 'Onderwerp' }, { label: 'Wijziging' }, { label: 'Hash' }]}
      >
        {shown.map((event) => (
          <Row>
            <Cell numeric>{event.seq}</Cell>
            <Cell>{formatInstantDateTime(event.at)}</Cell>
            <Cell>{actorName(event, names)}</Cell>
            <Cell>{event.action}</Cell>
            <Cell>
              {event.entityType} {event.entityId.split('/').slice(1).join('/')}
            </Cell>
            <Cell>
              <details>
                <summary>Toon</summary>
                <pre class="utrecht-code-block">{JSON.stringify(event.change, null, 2)}</pre>
              </details>
            </Cell>
            <Cell>
              <code class="utrecht-code">{event.hash.slice(0, 12)}</code>
            </Cell>
          </Row>
        ))}
      </Table>
    </TenderFrame>
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function auditPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/aanbestedingen/:id/audit', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const date = (value: string | undefined) => (value !== undefined && ISO_DATE.test(value) ? value : '');
    const filter: Filter = { action: c.req.query('actie') ?? '', from: date(c.req.query('van')), to: date(c.req.query('tot')) };
    const events = listTenderAuditEvents(ctx, { access });
    let check: ChainVerification | undefined;
    if (c.req.query('controle') !== undefined) {
      assertMayVerifyAuditTrail(viewer.actor);
      check = verifyAuditTrail(ctx);
    }
    // Display names of the people in the log; the log itself holds only their ids.
    const names = new Map<string, string>();
    for (const id of new Set(events.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))) {
      const user = ctx.queries.auth.findUserById(id);
      if (user !== undefined) names.set(id, user.name);
    }
    return renderPage(c, <AuditPage viewer={viewer} access={access} events={events} shown={applyFilter(events, filter)} filter={filter} names={names} check={check} />);
  });
  return app;
}
