/**
 * @module
 * `GET /aanbestedingen/:id/audit`: the tender's audit events (`listTenderAuditEvents`, the
 * service behind the API's `GET .../audit-events`, with its roles and its blind-scoring
 * redaction), to be filtered by action and by date, and the check of the whole trail
 * (`verifyAuditTrail`, the service behind `GET /api/v1/audit/verify`): the hash chain, the
 * chain against the heads the server signed, and the data against the chain.
 */
import { Hono } from 'hono';
import { todayInAmsterdam } from '../../domain/dates.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { assertMayVerifyAuditTrail, describeVerification, verifyAuditTrail, type DescribedVerification } from '../../modules/audit/audit.service.js';
import { listTenderAuditEvents, type AuditEventView } from '../../modules/audit/tender-audit-events.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { formatInstantDateTime } from '../format.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import { doNotCachePage } from '../page-cache.js';
import { renderPage } from '../render.js';
import { readBidNames } from '../tender-data.js';
import { BidName } from '../components/bid-name.js';
import { RawEventLink } from '../components/raw-event-link.js';
import { bidLabeller } from '../../domain/bid-label.js';
import { auditActionLabel, auditSubjectLabel } from '../../domain/vocabulary/index.js';
import { AppError } from '../../lib/app-error.js';
import { describeAuditEvent } from '../../modules/auditor/describe-audit-event.js';
import { viewerOf, type Viewer } from '../viewer.js';

type Filter = { action: string; from: string; to: string };

function applyFilter(events: AuditEventView[], filter: Filter): AuditEventView[] {
  return events.filter((event) => {
    const day = todayInAmsterdam(Date.parse(event.at));
    return (filter.action === '' || event.action === filter.action) && (filter.from === '' || day >= filter.from) && (filter.to === '' || day <= filter.to);
  });
}

function actorName(event: AuditEventView, names: Map<string, string>): string {
  if (event.redacted) return 'verborgen tot alle beoordelaars hebben verzegeld';
  return event.actorUserId === null ? 'systeem' : (names.get(event.actorUserId) ?? event.actorUserId);
}

/** Entities whose id names a bid second: `tender/B3`, `tender/B1/K1`, `tender/B1/K1/evaluator`. */
const BID_ENTITIES = new Set(['bid', 'consensus-score', 'individual-score']);

/**
 * What an event is about in the vocabulary's words, a bid named by its school (issue 15):
 * "inschrijving Taalhuis (B3)", "consensusscore Taalhuis (B3) op K1". Other subjects are
 * named by their noun only: their ids are database keys that say nothing to a reader (the
 * raw event behind the link keeps them); the evaluator is in "Door", not here.
 */
function Subject({ event, names }: { event: AuditEventView; names: ReadonlyMap<string, string> }) {
  const [, bidId, criterionId] = event.entityId.split('/');
  const noun = auditSubjectLabel(event.entityType);
  if (!BID_ENTITIES.has(event.entityType) || bidId === undefined) return <>{noun}</>;
  return (
    <>
      {noun} <BidName bidId={bidId} name={names.get(bidId)} />
      {criterionId === undefined ? '' : ` op ${criterionId}`}
    </>
  );
}

/** A fingerprint is long; its first pairs identify it to a reader who has the certificate at hand. */
const shortFingerprint = (fingerprint: string) => `${fingerprint.split(':').slice(0, 6).join(':')}…`;

function ChainResult({ check }: { check: DescribedVerification }) {
  return check.firstBroken === null ? (
    <Notice kind="ok">
      De auditketen is intact: {check.events} gebeurtenissen, elke hash klopt met zijn inhoud en zijn voorganger. Laatste hash:{' '}
      <code class="utrecht-code">{check.head}</code>
    </Notice>
  ) : (
    <Notice kind="error">
      De auditketen is verbroken bij gebeurtenis {check.firstBroken}: een gebeurtenis is gewijzigd, verwijderd of verplaatst. Laatste intacte hash:{' '}
      <code class="utrecht-code">{check.head}</code>
    </Notice>
  );
}

function AnchorResult({ anchor }: { anchor: DescribedVerification['anchor'] }) {
  if (anchor.status === 'not-checked') return null;
  const pending =
    anchor.unanchoredEvents === 0 || anchor.unanchoredSince === null
      ? null
      : ` ${anchor.unanchoredEvents} nieuwere ${anchor.unanchoredEvents === 1 ? 'gebeurtenis is' : 'gebeurtenissen zijn'} (sinds ${formatInstantDateTime(anchor.unanchoredSince)}) nog niet ondertekend; de server ondertekent de stand elk uur, bij elk rapport en bij het stoppen.`;
  const unverifiable =
    anchor.unverifiable === 0 ? null : (
      <Notice kind="warning">
        {anchor.unverifiable} ondertekende {anchor.unverifiable === 1 ? 'stand is' : 'standen zijn'} gezet met een certificaat waarmee de server niet is
        ingesteld ({anchor.unverifiableCertificates.map(shortFingerprint).join(', ')}); die tellen niet mee. Zet oude certificaten in
        SIGNING_PREVIOUS_CERTIFICATES (zie de beheerdocumentatie, certificaatwissel).
      </Notice>
    );
  if (anchor.status === 'broken' && anchor.problem !== null) {
    return (
      <>
        <Notice kind="error">De auditketen klopt niet met wat de server eerder ondertekende. {anchor.problem.description}</Notice>
        {unverifiable}
      </>
    );
  }
  if (anchor.newest === null) {
    return (
      <>
        <Notice kind="warning">
          Er is nog geen door deze server ondertekende stand van de auditketen. Zonder ondertekende stand is niet aan te tonen dat de nieuwste gebeurtenissen
          niet zijn verwijderd of dat de keten niet in zijn geheel is herschreven.
        </Notice>
        {unverifiable}
      </>
    );
  }
  return (
    <>
      <Notice kind="ok">
        De auditketen klopt met elke ondertekende stand ({anchor.verified}). De laatste: gebeurtenis {anchor.newest.seq}, ondertekend op{' '}
        {formatInstantDateTime(anchor.newest.at)} met het certificaat <code class="utrecht-code">{shortFingerprint(anchor.newest.certificateFingerprint)}</code>
        .{pending}
      </Notice>
      {unverifiable}
    </>
  );
}

function StateResult({ check }: { check: DescribedVerification }) {
  if (check.state === null) return null;
  if (check.stateMismatch !== null) {
    return (
      <Notice kind="error">
        De gegevens wijken af van de auditketen: {check.stateMismatch.description} De rij is buiten de toepassing om gewijzigd, toegevoegd of verwijderd.
      </Notice>
    );
  }
  const { rows, unchecked, unknownActions } = check.state;
  return (
    <Notice kind={unchecked === 0 ? 'ok' : 'warning'}>
      De gegevens kloppen met de auditketen: {rows} rijen (inschrijvingen, prijzen, scores, besluiten en meer) zijn wat hun nieuwste gebeurtenis zegt.
      {unchecked === 0
        ? null
        : ` ${unchecked} rijen konden niet worden vergeleken${unknownActions.length === 0 ? ' (gebeurtenissen van een oudere versie vertellen te weinig)' : `: onbekende handelingen ${unknownActions.join(', ')}`}.`}
    </Notice>
  );
}

function VerificationResult({ check }: { check: DescribedVerification }) {
  return (
    <section aria-label="Uitkomst van de controle">
      <ChainResult check={check} />
      <AnchorResult anchor={check.anchor} />
      <StateResult check={check} />
    </section>
  );
}

function AuditPage({
  viewer,
  access,
  events,
  shown,
  filter,
  names,
  bidNames,
  check,
}: {
  bidNames: ReadonlyMap<string, string>;
  viewer: Viewer;
  access: TenderAccess;
  events: AuditEventView[];
  shown: AuditEventView[];
  filter: Filter;
  names: Map<string, string>;
  check: DescribedVerification | undefined;
}) {
  const actions = [...new Set(events.map((e) => e.action))]
    .map((a) => ({ value: a, label: auditActionLabel(a) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const bidLabel = bidLabeller(bidNames);
  return (
    <TenderFrame viewer={viewer} access={access} tab="audit" title="Audit">
      <form method="get" action={tenderPath(access, 'audit')} class="gw-inline">
        <SelectField name="actie" label="Handeling" errors={NO_ERRORS} value={filter.action} options={[{ value: '', label: 'Alle handelingen' }, ...actions]} />
        <TextField name="van" label="Vanaf" type="date" value={filter.from} errors={NO_ERRORS} />
        <TextField name="tot" label="Tot en met" type="date" value={filter.to} errors={NO_ERRORS} />
        <SubmitButton kind="secondary-action">Filteren</SubmitButton>
      </form>
      <form method="get" action={tenderPath(access, 'audit')}>
        <input type="hidden" name="controle" value="1" />
        <SubmitButton kind="secondary-action">Controleer de hele auditketen</SubmitButton>
      </form>
      {check === undefined ? null : <VerificationResult check={check} />}
      <Table
        caption={`Gebeurtenissen (${shown.length} van ${events.length}), oudste eerst`}
        columns={[
          { label: 'Nr.', numeric: true },
          { label: 'Tijdstip' },
          { label: 'Door' },
          { label: 'Handeling' },
          { label: 'Onderwerp' },
          { label: 'Wijziging' },
          { label: 'Hash' },
        ]}
      >
        {shown.map((event) => (
          <Row>
            <Cell numeric>{event.seq}</Cell>
            <Cell date>{formatInstantDateTime(event.at)}</Cell>
            <Cell>{actorName(event, names)}</Cell>
            <Cell>{auditActionLabel(event.action)}</Cell>
            <Cell>
              <Subject event={event} names={bidNames} />
            </Cell>
            <Cell>
              {describeAuditEvent({ action: event.action, entityId: event.entityId, change: event.change, redacted: event.redacted }, bidLabel)}{' '}
              <RawEventLink access={access} seq={event.seq} />
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
    let check: DescribedVerification | undefined;
    if (c.req.query('controle') !== undefined) {
      assertMayVerifyAuditTrail(viewer.actor);
      // The check reads the whole trail, the signed heads and every table: always run it afresh.
      doNotCachePage(c);
      check = describeVerification(verifyAuditTrail(ctx));
    }
    // Display names of the people in the log; the log itself holds only their ids.
    const names = new Map<string, string>();
    for (const id of new Set(events.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))) {
      const user = ctx.queries.auth.findUserById(id);
      if (user !== undefined) names.set(id, user.name);
    }
    return renderPage(
      c,
      <AuditPage
        viewer={viewer}
        access={access}
        events={events}
        shown={applyFilter(events, filter)}
        filter={filter}
        names={names}
        bidNames={readBidNames(ctx, viewer.actor, access)}
        check={check}
      />,
    );
  });
  // The stored event, with the same roles and the same blind-scoring redaction as the table.
  app.get('/aanbestedingen/:id/audit/:seq', (c) => {
    const access = tenderAccessOf(c);
    // `laatste`: the tender's newest event, a stable address for "what happened last".
    const events = listTenderAuditEvents(ctx, { access });
    const event = c.req.param('seq') === 'laatste' ? events.at(-1) : events.find((e) => e.seq === Number(c.req.param('seq')));
    if (event === undefined) throw new AppError('not-found', { detail: `Deze aanbesteding heeft geen gebeurtenis ${c.req.param('seq')}.` });
    return c.json(event);
  });
  return app;
}
