/**
 * @module
 * The consensus on one screen (issue 15): bids down, criteria across; each cell shows every
 * member's sealed score (in the panel's order, named for screen readers), the spread, and
 * the consensus once set, with a link to the cell's own form. A cell whose scores lie more
 * than one step of the scale apart says so in words and gets a frame (not colour alone).
 * Ten bids on eight criteria with five members stay one table that scrolls sideways inside
 * its own region, the first column naming the school.
 */
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import type { ConsensusItem } from '../../modules/panel/consensus.service.js';
import { bidLabel } from '../../domain/bid-label.js';
import { BidName } from './bid-name.js';

/** The id of a cell in the matrix, for links back to it. */
export const cellAnchor = (bidId: string, criterionId: string) => `cel-${bidId}-${criterionId}`;

type MatrixProps = {
  items: readonly ConsensusItem[];
  criteria: readonly Criterion[];
  names: ReadonlyMap<string, string>;
  cellPath: (bidId: string, criterionId: string) => string;
  canSet: boolean;
};

function CellView({
  item,
  criterion,
  names,
  href,
  canSet,
}: {
  item: ConsensusItem;
  criterion: Criterion;
  names: ReadonlyMap<string, string>;
  href: string;
  canSet: boolean;
}) {
  const where = `${bidLabel(item.bidId, names.get(item.bidId))} op ${criterion.id}`;
  const apart = item.moreThanOneStep;
  return (
    <td class={`utrecht-table__cell gw-cell${apart ? ' gw-cell--apart' : ''}`} id={cellAnchor(item.bidId, item.criterionId)}>
      {item.scores.length === 0 ? (
        <p>geen individuele scores</p>
      ) : (
        <ul class="gw-cell__scores" aria-label={`Scores van de beoordelaars voor ${where}`}>
          {item.scores.map((s) => (
            <li>
              <span class="gw-visually-hidden">{s.name}: </span>
              {formatDutchTrimmed(s.score)}
            </li>
          ))}
        </ul>
      )}
      {item.spread === null ? null : <p>spreiding {formatDutchTrimmed(item.spread)}</p>}
      {apart ? (
        <p class="gw-cell__flag">
          <span aria-hidden="true">▲ </span>
          {item.stepsApart} stappen uit elkaar: bespreken
        </p>
      ) : null}
      {item.consensus !== null ? (
        <p>
          Consensus <strong>{formatDutchTrimmed(item.consensus.score)}</strong>
        </p>
      ) : item.agreedScore !== null ? (
        <p>Eensgezind, nog geen consensus</p>
      ) : (
        <p>Nog geen consensus</p>
      )}
      <p>
        <a class="utrecht-link utrecht-link--html-a" href={href}>
          {!canSet ? 'Bekijken' : item.consensus === null ? 'Vastleggen' : 'Wijzigen'}
          <span class="gw-visually-hidden"> voor {where}</span>
        </a>
      </p>
    </td>
  );
}

export function ConsensusMatrix({ items, criteria, names, cellPath, canSet }: MatrixProps) {
  const cells = new Map(items.map((item) => [`${item.bidId}\u0000${item.criterionId}`, item]));
  const bidIds = [...new Set(items.map((item) => item.bidId))];
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable scroll container for the wide table, not a section of the page
    <div class="gw-scroll" role="region" aria-labelledby="matrix-titel" tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table utrecht-table--distanced gw-matrix">
        <caption class="utrecht-table__caption" id="matrix-titel">
          Scores per inschrijving en criterium
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th scope="col" class="utrecht-table__header-cell">
              Inschrijving
            </th>
            {criteria.map((criterion) => (
              <th scope="col" class="utrecht-table__header-cell">
                {criterion.id} {criterion.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {bidIds.map((bidId) => (
            <tr class="utrecht-table__row">
              <th scope="row" class="utrecht-table__header-cell">
                <BidName bidId={bidId} name={names.get(bidId)} />
              </th>
              {criteria.map((criterion) => {
                const item = cells.get(`${bidId}\u0000${criterion.id}`);
                return item === undefined ? (
                  <td class="utrecht-table__cell">-</td>
                ) : (
                  <CellView item={item} criterion={criterion} names={names} href={cellPath(bidId, criterion.id)} canSet={canSet} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
