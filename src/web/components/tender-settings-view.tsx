/**
 * @module
 * The tender's settings as tables: the weights with their sum and each one's share of the
 * total, the criteria, the method with its formula in words, the low-bid rules and the cost
 * floor with its computation. The read-only view once the tender is opened, and the
 * summary next to the draft form.
 */
import { computeCostFloor } from '../../domain/cost-floor.js';
import { formatScale } from '../../domain/evaluation/dossier-rules.js';
import { METHODS_WITH_PRICE_WEIGHT, type CostFloorParams } from '../../domain/evaluation/dossier.js';
import { METHOD_NAMES } from '../../domain/evaluation/explain.js';
import { LOW_BID_RULE_NAMES } from '../../domain/low-bids/rule-names.js';
import type { TenderFields } from '../../modules/tenders/dossier-mapping.js';
import { methodFormula } from '../../reports/report-format.js';
import { formatDutchTrimmed, formatEuros, formatOptionalEuros, formatPercent } from '../format.js';
import { Cell, Row, Table } from './table.js';

export function WeightsTable({ fields }: { fields: TenderFields }) {
  const { award, criteria } = fields;
  const priceWeight = METHODS_WITH_PRICE_WEIGHT.includes(award.method) ? (award.priceWeight ?? 0) : 0;
  const total = criteria.reduce((sum, c) => sum + c.weight, 0) + priceWeight;
  const share = (weight: number) => (total > 0 ? formatPercent(weight / total) : '-');
  return (
    <Table
      caption="Gewichten, hun som en het aandeel van elk in het totaal"
      columns={[{ label: 'Onderdeel' }, { label: 'Gewicht', numeric: true }, { label: 'Aandeel', numeric: true }]}
    >
      {criteria.map((c) => (
        <Row>
          <Cell header>
            {c.id} {c.title}
          </Cell>
          <Cell numeric>{formatDutchTrimmed(c.weight)}</Cell>
          <Cell numeric>{share(c.weight)}</Cell>
        </Row>
      ))}
      {priceWeight > 0 ? (
        <Row>
          <Cell header>Prijs</Cell>
          <Cell numeric>{formatDutchTrimmed(priceWeight)}</Cell>
          <Cell numeric>{share(priceWeight)}</Cell>
        </Row>
      ) : null}
      <Row>
        <Cell header>Totaal</Cell>
        <Cell numeric>{formatDutchTrimmed(total)}</Cell>
        <Cell numeric>100%</Cell>
      </Row>
    </Table>
  );
}

export function CostFloorSentence({ costFloor }: { costFloor: CostFloorParams }) {
  return (
    <p class="utrecht-paragraph utrecht-paragraph--distanced">
      Kostenvloer: {computeCostFloor(costFloor).computation}. Een inschrijving daaronder wordt gemarkeerd als mogelijk abnormaal laag.
    </p>
  );
}

export function SettingsView({ fields }: { fields: TenderFields }) {
  const { tender, award, criteria, lowBidRules } = fields;
  return (
    <>
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Aanbesteding</h2>
      <dl class="utrecht-data-list utrecht-data-list--rows">
        {[
          ['Aanbestedende dienst', tender.buyer],
          ['Perceel', tender.lot],
          ['Raming', formatOptionalEuros(tender.estimatedValue)],
          ['Verwacht aantal inburgeraars', tender.expectedLearners === undefined ? '-' : String(tender.expectedLearners)],
        ].map(([key, value]) => (
          <div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">{key}</dt>
            <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gunningscriteria</h2>
      <Table
        caption="Criteria"
        columns={[{ label: 'Code' }, { label: 'Titel' }, { label: 'Gewicht', numeric: true }, { label: 'Schaal' }, { label: 'Minimumscore' }]}
      >
        {criteria.map((c) => (
          <Row>
            <Cell header>{c.id}</Cell>
            <Cell>{c.title}</Cell>
            <Cell numeric>{formatDutchTrimmed(c.weight)}</Cell>
            <Cell>{formatScale(c.scale)}</Cell>
            <Cell>{c.minimum === undefined ? 'geen' : formatDutchTrimmed(c.minimum)}</Cell>
          </Row>
        ))}
      </Table>
      <WeightsTable fields={fields} />
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Gunningsmethode: {METHOD_NAMES[award.method]}</h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">{methodFormula(award)}</p>
      {award.priceCeiling === undefined ? null : <p class="utrecht-paragraph utrecht-paragraph--distanced">Plafondprijs: {formatEuros(award.priceCeiling)}.</p>}
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Regels voor abnormaal lage inschrijvingen</h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Standaardregels: {lowBidRules?.preset ?? 'nl-default'}.</p>
      {(lowBidRules?.rules ?? []).length === 0 ? null : (
        <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
          {(lowBidRules?.rules ?? []).map((rule) => (
            <li class="utrecht-unordered-list__item">
              {LOW_BID_RULE_NAMES[rule.id]}: {rule.enabled === false ? 'niet toepassen' : 'toepassen'}
              {rule.threshold === undefined ? '' : `, drempel ${formatDutchTrimmed(rule.threshold)}`}
            </li>
          ))}
        </ul>
      )}
      {lowBidRules?.costFloor === undefined ? null : <CostFloorSentence costFloor={lowBidRules.costFloor} />}
    </>
  );
}
