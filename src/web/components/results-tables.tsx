/**
 * @module
 * The ranking and the exclusions of an evaluation, in the words of the signed report
 * (`templates/reports/nl.json`), so that the page and the report can be laid side by side.
 * Each bid is named by its school with its code second (issue 15), in one column.
 */
import { formatScore } from '../../domain/evaluation/explain.js';
import type { TenderEvaluation } from '../../modules/evaluation/evaluation.service.js';
import { formatPricePart } from '../../reports/report-format.js';
import { formatDutchNumber, formatOptionalEuros } from '../format.js';
import { BidName } from './bid-name.js';
import { Cell, Row, Table } from './table.js';

export type BidFacts = { providerName: string; price: number | undefined };

export function RankingTable({ evaluation, facts }: { evaluation: TenderEvaluation; facts: ReadonlyMap<string, BidFacts> }) {
  const ranked = evaluation.bids.filter((b) => b.status === 'ranked');
  const pricePart = evaluation.method === 'gunnen-op-waarde' ? 'Fictieve korting' : 'Prijspunten';
  return (
    <Table
      caption="Rangschikking"
      columns={[
        { label: 'Rang', numeric: true },
        { label: 'Inschrijver' },
        { label: 'Prijs', numeric: true },
        { label: 'Kwaliteitspunten', numeric: true },
        { label: pricePart, numeric: true },
        { label: 'Score', numeric: true },
      ]}
    >
      {ranked.map((bid) => (
        <Row>
          <Cell numeric>{bid.rank ?? '-'}</Cell>
          <Cell header>
            <BidName bidId={bid.bidId} name={facts.get(bid.bidId)?.providerName} />
            {bid.bidId === evaluation.winner ? <strong>, winnaar</strong> : ''}
          </Cell>
          <Cell numeric>{formatOptionalEuros(facts.get(bid.bidId)?.price)}</Cell>
          <Cell numeric>{formatDutchNumber(bid.qualityPoints, 2)}</Cell>
          <Cell numeric>{formatPricePart(bid)}</Cell>
          <Cell numeric>{formatScore(evaluation as never, bid.score)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

export function ExclusionsTable({ evaluation, facts }: { evaluation: TenderEvaluation; facts: ReadonlyMap<string, BidFacts> }) {
  const excluded = evaluation.bids.filter((b) => b.status === 'excluded');
  if (excluded.length === 0) return <p class="utrecht-paragraph utrecht-paragraph--distanced">Geen inschrijving is uitgesloten.</p>;
  return (
    <Table caption="Per uitgesloten inschrijving de redenen" columns={[{ label: 'Inschrijver' }, { label: 'Redenen' }]}>
      {excluded.map((bid) => (
        <Row>
          <Cell header>
            <BidName bidId={bid.bidId} name={facts.get(bid.bidId)?.providerName} />
          </Cell>
          <Cell>
            <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
              {bid.exclusionReasons.map((reason) => (
                <li class="utrecht-unordered-list__item">{reason}</li>
              ))}
            </ul>
          </Cell>
        </Row>
      ))}
    </Table>
  );
}
