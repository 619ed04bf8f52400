/**
 * @module
 * The tender's settings as tables: the weights with their sum and each one's share of the
 * total, the criteria, the method with its formula in words, the low-bid rules and the cost
 * floor with its computation. The read-only view once the tender is opened, and the
 * summary next to the draft form.
 */
import { computeCostFloor } from '../../domain/cost-floor.js';
import { formatScale } from '../../domain/evaluation/dossier-rules.js';
import type { CostFloorParams } from '../../domain/evaluation/dossier.js';
import { summariseWeights } from '../../domain/evaluation/weights.js';
import { ENVELOPE_NAMES, LOW_BID_PRESET_NAMES, LOW_BID_RULE_NAMES, METHOD_NAMES } from '../../domain/vocabulary/index.js';
import { DEFAULT_LOW_BID_PRESET } from '../../domain/low-bids/presets.js';
import type { TenderFields } from '../../modules/tenders/dossier-mapping.js';
import { methodFormula } from '../../reports/report-format.js';
import { formatDutchTrimmed, formatEuros, formatOptionalEuros, formatPercent } from '../format.js';
import { Notice } from './alerts.js';
import { Cell, Row, Table } from './table.js';
import { DataList } from './data-list.js';

/**
 * The sum of the weights and each share, said in words, when they do not add up to 100:
 * allowed, but a reader takes a weight of 20 for 20 per cent (docs/corrections.md).
 */
export function WeightsSumNotice({ fields }: { fields: Pick<TenderFields, 'award' | 'criteria'> }) {
  const summary = summariseWeights(fields.award, fields.criteria);
  if (summary.addsUpTo100 || summary.total <= 0) return null;
  const parts = summary.price > 0 ? ` (kwaliteit ${formatDutchTrimmed(summary.quality)}, prijs ${formatDutchTrimmed(summary.price)})` : ' (alleen kwaliteit)';
  return (
    <Notice kind="warning">
      De gewichten tellen op tot {formatDutchTrimmed(summary.total)}
      {parts}, niet tot 100. Dat mag, maar een gewicht is dan geen percentage: het aandeel van elk onderdeel is zijn gewicht gedeeld door{' '}
      {formatDutchTrimmed(summary.total)}: {summary.shares.map((s) => `${s.label} ${formatPercent(s.share)}`).join(', ')}.
    </Notice>
  );
}

export function WeightsTable({ fields }: { fields: Pick<TenderFields, 'award' | 'criteria'> }) {
  const summary = summariseWeights(fields.award, fields.criteria);
  return (
    <>
      <WeightsSumNotice fields={fields} />
      <Table
        caption="Gewichten, hun som en het aandeel van elk in het totaal"
        columns={[{ label: 'Onderdeel' }, { label: 'Gewicht', numeric: true }, { label: 'Aandeel', numeric: true }]}
      >
        {summary.shares.map((s) => (
          <Row>
            <Cell header>{s.label}</Cell>
            <Cell numeric>{formatDutchTrimmed(s.weight)}</Cell>
            <Cell numeric>{summary.total > 0 ? formatPercent(s.share) : '-'}</Cell>
          </Row>
        ))}
        <Row>
          <Cell header>Totaal</Cell>
          <Cell numeric>{formatDutchTrimmed(summary.total)}</Cell>
          <Cell numeric>100%</Cell>
        </Row>
      </Table>
    </>
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
      <DataList
        rows={[
          ['Aanbestedende dienst', tender.buyer],
          ['Perceel', tender.lot],
          ['Raming', formatOptionalEuros(tender.estimatedValue)],
          ['Verwacht aantal inburgeraars', tender.expectedLearners === undefined ? '-' : String(tender.expectedLearners)],
          ['Enveloppen', ENVELOPE_NAMES[tender.envelopes ?? 'one']],
        ]}
      />
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
      <p class="utrecht-paragraph utrecht-paragraph--distanced">Standaardregels: {LOW_BID_PRESET_NAMES[lowBidRules?.preset ?? DEFAULT_LOW_BID_PRESET]}.</p>
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
