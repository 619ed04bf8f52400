/**
 * @module
 * `GET /regio/:id/vergelijking`: the regional comparison of `GET /api/v1/regions/:id/comparison`
 * (`compareRegionTenders`) as a page. Filters (period, route, status) as a GET form; per
 * provider its bids, wins, price per learner per route, mean quality and flagged bids with
 * their outcomes, a provider below a route's lower fence marked in words with the quartiles
 * and the fence; per route a chart of the price per learner over the years with its table;
 * per lot (issue 21) the tenders counted, each with its route and the procedure it is a lot of.
 * The route select matches in any spelling (route-key.ts) and shows the route by its name.
 * Access is the service's: 404 for whom the regio is not theirs, 403 for a beoordelaar, and
 * only the tenders the caller may see count (comparison-access.ts).
 */
import { Hono } from 'hono';
import type { TenderStatus } from '../../db/schema/index.js';
import type { RouteStatistics } from '../../domain/comparison/compare-region.js';
import { KNOWN_ROUTES, routeKey } from '../../domain/comparison/route-key.js';
import type { ComparisonFilters } from '../../domain/comparison/observation.js';
import type { ProviderSummary } from '../../domain/comparison/provider-summary.js';
import { TENDER_STATUSES } from '../../domain/lifecycle/tender-status.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { compareRegionTenders, type RegionComparisonView, type RegionLot } from '../../modules/regions/regions.service.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextField } from '../components/form-field.js';
import { RouteTrendChart } from '../components/route-trend-chart.js';
import { Cell, Row, Table } from '../components/table.js';
import { DataList } from '../components/data-list.js';
import { STATISTICAL_TERMS } from '../../domain/vocabulary/statistical-terms.js';
import { formatEuros, formatIsoDate, formatPercentFixed, statusName } from '../format.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import { Layout } from '../layout.js';
import { renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Every percentage of the page with one decimal, so a column lines up ("70,0%" under "62,5%"). */
const percent = (share: number) => formatPercentFixed(share, 1);

/** The terms of the figures in plain words, where they appear: above the tables that use them. */
function TermsExplained() {
  const terms = [STATISTICAL_TERMS.median, STATISTICAL_TERMS.quartiles, STATISTICAL_TERMS.iqr, STATISTICAL_TERMS.lowerFence];
  return (
    <section aria-labelledby="termen">
      <h2 id="termen" class="utrecht-heading-2 utrecht-heading-2--distanced">
        Wat de termen betekenen
      </h2>
      <DataList rows={terms.map((term) => [term.label, term.explanation] as const)} />
    </section>
  );
}

type FilterForm = { from: string; to: string; route: string; status: string };

function filtersOf(form: FilterForm): ComparisonFilters {
  return {
    ...(form.from === '' ? {} : { from: form.from }),
    ...(form.to === '' ? {} : { to: form.to }),
    ...(form.route === '' ? {} : { route: form.route }),
    ...(form.status === '' ? {} : { statuses: [form.status as TenderStatus] }),
  };
}

function Outcomes({ provider }: { provider: ProviderSummary }) {
  if (provider.flagged === 0) return <>geen</>;
  const { accepted, rejected, pending, notReviewed } = provider.reviewOutcomes;
  const parts = [
    accepted > 0 ? `${accepted} aanvaard na onderzoek` : '',
    rejected > 0 ? `${rejected} afgewezen na onderzoek` : '',
    pending > 0 ? `${pending} in onderzoek` : '',
    notReviewed > 0 ? `${notReviewed} niet onderzocht` : '',
  ].filter((p) => p !== '');
  return (
    <>
      {provider.flagged} gesignaleerd: {parts.join(', ')}
    </>
  );
}

function ProviderSection({ provider, index }: { provider: ProviderSummary; index: number }) {
  const headingId = `aanbieder-${index}`;
  const flaggedRoutes = provider.routes.filter((r) => r.crossTenderFlag !== null);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} class="utrecht-heading-3 utrecht-heading-3--distanced">
        {provider.name} (KvK {provider.kvk}){provider.crossTenderFlagged ? ' - onder de ondergrens van de regio' : ''}
      </h3>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {provider.bids} {provider.bids === 1 ? 'inschrijving' : 'inschrijvingen'} in {provider.tenders}{' '}
        {provider.tenders === 1 ? 'aanbesteding' : 'aanbestedingen'}, {provider.wins} gewonnen, {provider.excluded} uitgesloten. Gemiddelde kwaliteit:{' '}
        {provider.meanQualityFraction === null ? 'nog niet beoordeeld' : percent(provider.meanQualityFraction)}. Mogelijk abnormaal lage inschrijvingen:{' '}
        <Outcomes provider={provider} />.
      </p>
      {flaggedRoutes.map((route) => {
        const flag = route.crossTenderFlag;
        if (flag === null) return null;
        return (
          <Notice kind="warning">
            <strong>Onder de ondergrens van de regio</strong> voor {route.route}: mediane prijs per inburgeraar {formatEuros(flag.providerMedian)} (
            {flag.providerBids} {flag.providerBids === 1 ? 'inschrijving' : 'inschrijvingen'}, waarvan {flag.bidsBelowFence} zelf onder de ondergrens),{' '}
            {percent(flag.shareBelowFence)} onder de ondergrens van {formatEuros(flag.region.lowerFence)} = Q1 (eerste kwartiel) {formatEuros(flag.region.q1)} -
            1,5 x IQR (interkwartielafstand) {formatEuros(flag.region.iqr)} (Q3, derde kwartiel: {formatEuros(flag.region.q3)}).
          </Notice>
        );
      })}
      <Table
        caption={`${provider.name}: per route`}
        columns={[
          { label: 'Route' },
          { label: 'Inschrijvingen', numeric: true },
          { label: 'Gewonnen', numeric: true },
          { label: 'Mediaan per inburgeraar', numeric: true },
          { label: 'Laagste', numeric: true },
          { label: 'Hoogste', numeric: true },
          { label: 'Gemiddelde kwaliteit', numeric: true },
          { label: 'Ten opzichte van de ondergrens' },
        ]}
      >
        {provider.routes.map((route) => (
          <Row>
            <Cell header>{route.route}</Cell>
            <Cell numeric>{route.bids}</Cell>
            <Cell numeric>{route.wins}</Cell>
            <Cell numeric>{route.pricePerLearner === null ? '-' : formatEuros(route.pricePerLearner.median)}</Cell>
            <Cell numeric>{route.pricePerLearner === null ? '-' : formatEuros(route.pricePerLearner.min)}</Cell>
            <Cell numeric>{route.pricePerLearner === null ? '-' : formatEuros(route.pricePerLearner.max)}</Cell>
            <Cell numeric>{route.meanQualityFraction === null ? '-' : percent(route.meanQualityFraction)}</Cell>
            <Cell>{route.crossTenderFlag === null ? 'niet onder de ondergrens' : <strong>onder de ondergrens</strong>}</Cell>
          </Row>
        ))}
      </Table>
    </section>
  );
}

function RoutesTable({ routes, names }: { routes: RouteStatistics[]; names: Map<string, string> }) {
  return (
    <Table
      caption="Per route: prijs per inburgeraar in de regio, kwartielen en ondergrens (Q1 - 1,5 x IQR; de termen staan hierboven uitgelegd)"
      columns={[
        { label: 'Route' },
        { label: 'Aanbestedingen', numeric: true },
        { label: 'Inschrijvingen met prijs per inburgeraar', numeric: true },
        { label: 'Q1 (eerste kwartiel)', numeric: true },
        { label: 'Mediaan', numeric: true },
        { label: 'Q3 (derde kwartiel)', numeric: true },
        { label: 'Ondergrens', numeric: true },
        { label: 'Onder de ondergrens' },
      ]}
    >
      {routes.map((route) => (
        <Row>
          <Cell header>{route.route}</Cell>
          <Cell numeric>{route.tenders}</Cell>
          <Cell numeric>{route.pricedBids}</Cell>
          <Cell numeric>{route.lowerFence === null ? '-' : formatEuros(route.lowerFence.q1)}</Cell>
          <Cell numeric>{route.pricePerLearner === null ? '-' : formatEuros(route.pricePerLearner.median)}</Cell>
          <Cell numeric>{route.lowerFence === null ? '-' : formatEuros(route.lowerFence.q3)}</Cell>
          <Cell numeric>{route.lowerFence === null ? 'te weinig prijzen' : formatEuros(route.lowerFence.lowerFence)}</Cell>
          <Cell>{route.flaggedProviders.length === 0 ? 'niemand' : route.flaggedProviders.map((kvk) => names.get(kvk) ?? kvk).join(', ')}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** The lots of procedures counted, as the service orders them: by route, then procedure and its lot order. */
function LotsTable({ lots }: { lots: RegionLot[] }) {
  return (
    <Table
      caption="Per perceel: de percelen van procedures die meetellen, met hun route; losse aanbestedingen tellen mee in de cijfers maar staan hier niet"
      columns={[{ label: 'Route' }, { label: 'Procedure' }, { label: 'Perceel' }, { label: 'Aanbesteding' }, { label: 'Inschrijvingen', numeric: true }]}
    >
      {lots.map((lot) => (
        <Row>
          <Cell header>{lot.route}</Cell>
          <Cell>{`${lot.procedure.reference} ${lot.procedure.title}`}</Cell>
          <Cell>{`${lot.procedure.lotId} (${lot.lot})`}</Cell>
          <Cell>{`${lot.reference} ${lot.title}`}</Cell>
          <Cell numeric>{lot.bids}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function ComparisonPage({
  viewer,
  regionId,
  form,
  routeOptions,
  comparison,
  problem,
}: {
  viewer: Viewer;
  regionId: string;
  form: FilterForm;
  routeOptions: string[];
  comparison: RegionComparisonView | undefined;
  problem: string | undefined;
}) {
  const title = comparison === undefined ? 'Regiovergelijking' : `Regiovergelijking ${comparison.region.name}`;
  const names = new Map((comparison?.providers ?? []).map((p) => [p.kvk, p.name]));
  return (
    <Layout title={title} viewer={viewer} nav="regio">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">{title}</h1>
      {comparison === undefined ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Alle aanbestedingen van {comparison.region.name}
          {comparison.region.members.length === 0 ? '' : ` en ${comparison.region.members.map((m) => m.name).join(', ')}`}.
        </p>
      )}
      <form method="get" action={`/regio/${regionId}/vergelijking`} class="gw-inline">
        <TextField name="van" label="Vanaf" type="date" value={form.from} errors={NO_ERRORS} />
        <TextField name="tot" label="Tot en met" type="date" value={form.to} errors={NO_ERRORS} />
        <SelectField
          name="route"
          label="Route (perceel)"
          errors={NO_ERRORS}
          value={form.route}
          options={[{ value: '', label: 'Alle routes' }, ...routeOptions.map((r) => ({ value: r, label: r }))]}
        />
        <SelectField
          name="status"
          label="Status"
          errors={NO_ERRORS}
          value={form.status}
          options={[{ value: '', label: 'Alle statussen' }, ...TENDER_STATUSES.map((s) => ({ value: s, label: statusName(s) }))]}
        />
        <SubmitButton kind="secondary-action">Filteren</SubmitButton>
      </form>
      {problem === undefined ? null : <Notice kind="error">{problem}</Notice>}
      {comparison === undefined ? null : comparison.bids === 0 ? (
        <Notice kind="info">Er zijn geen inschrijvingen die aan deze filters voldoen.</Notice>
      ) : (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--distanced">
            {comparison.tenders} aanbestedingen met samen {comparison.bids} inschrijvingen
            {form.from === '' ? '' : `, vanaf ${formatIsoDate(form.from)}`}
            {form.to === '' ? '' : `, tot en met ${formatIsoDate(form.to)}`}. Een aanbieder staat onder de ondergrens als zijn mediane prijs per inburgeraar op
            een route lager is dan Q1 - 1,5 x IQR van alle inschrijvingen in de regio op die route. Percentages staan met één decimaal.
          </p>
          <TermsExplained />
          <section aria-labelledby="routes">
            <h2 id="routes" class="utrecht-heading-2 utrecht-heading-2--distanced">
              Per route
            </h2>
            <RoutesTable routes={comparison.routes} names={names} />
            {comparison.routes.map((route, index) => (
              <section aria-labelledby={`route-${index}`}>
                <h3 id={`route-${index}`} class="utrecht-heading-3 utrecht-heading-3--distanced">
                  {route.route}: prijs per inburgeraar per jaar
                </h3>
                <RouteTrendChart route={route.route} trend={route.trend} id={`trend-${index}`} />
              </section>
            ))}
          </section>
          {comparison.lots.length === 0 ? null : (
            <section aria-labelledby="percelen">
              <h2 id="percelen" class="utrecht-heading-2 utrecht-heading-2--distanced">
                Per perceel
              </h2>
              <LotsTable lots={comparison.lots} />
            </section>
          )}
          <section aria-labelledby="aanbieders">
            <h2 id="aanbieders" class="utrecht-heading-2 utrecht-heading-2--distanced">
              Per aanbieder
            </h2>
            {comparison.providers.map((provider, index) => (
              <ProviderSection provider={provider} index={index} />
            ))}
          </section>
        </>
      )}
    </Layout>
  );
}

export function regionComparisonPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.get('/regio/:id/vergelijking', (c) => {
    const viewer = viewerOf(ctx, c);
    const regionId = c.req.param('id');
    const date = (value: string | undefined) => (value !== undefined && ISO_DATE.test(value) ? value : '');
    const status = c.req.query('status') ?? '';
    const form: FilterForm = {
      from: date(c.req.query('van')),
      to: date(c.req.query('tot')),
      route: (c.req.query('route') ?? '').trim(),
      status: (TENDER_STATUSES as readonly string[]).includes(status) ? status : '',
    };
    const compare = (filters: ComparisonFilters) => compareRegionTenders(ctx, { actor: viewer.actor, regionId, filters });
    let comparison: RegionComparisonView | undefined;
    let problem: string | undefined;
    try {
      comparison = compare(filtersOf(form));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      problem = `De periode klopt niet: "vanaf" (${formatIsoDate(form.from)}) ligt na "tot en met" (${formatIsoDate(form.to)}).`;
      // Access was checked before the period; show the form with the routes of the whole region.
      comparison = undefined;
    }
    // The route select offers every route of the region, also while one is chosen.
    const allRoutes = form.route === '' && comparison !== undefined ? comparison.routes : compare({}).routes;
    const known = [...KNOWN_ROUTES, ...allRoutes.map((r) => r.route)];
    // A route asked in another spelling (`b1 route`) is shown selected under its name.
    const chosen = form.route === '' ? '' : (known.find((r) => routeKey(r) === routeKey(form.route)) ?? form.route);
    const routeOptions = [...new Set([...known, ...(chosen === '' ? [] : [chosen])])].sort();
    return renderPage(
      c,
      <ComparisonPage
        viewer={viewer}
        regionId={regionId}
        form={{ ...form, route: chosen }}
        routeOptions={routeOptions}
        comparison={comparison}
        problem={problem}
      />,
    );
  });
  return app;
}
