/**
 * @module
 * One cell of the consensus matrix on a page of its own: every member's score with its
 * motivation, the spread, the consensus so far, and (for the inkoper while the tender is
 * open) the form that sets it through `setConsensusScore`. Where all members gave the same
 * score, the form starts with that score and the motivation built from theirs, to adopt as
 * it is or after editing. A consensus outside the members' scores needs a reason.
 */
import type { Criterion } from '../../domain/evaluation/dossier.js';
import { bidLabel } from '../../domain/bid-label.js';
import { formatDutchTrimmed } from '../../domain/money.js';
import type { ConsensusItem } from '../../modules/panel/consensus.service.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import { Notice, SubmitButton } from '../components/alerts.js';
import { SelectField, TextareaField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { TenderFrame, tenderPath, type PageErrors } from '../components/tender-frame.js';
import { formatDutchNumber } from '../format.js';
import { NO_ERRORS } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import type { Viewer } from '../viewer.js';
import { cellAnchor } from '../components/consensus-matrix.js';

/** The id of the cell form's input `name`. */
export const cellFieldId = (name: string) => `consensus-${name}`;

export type CellForm = { values: FormValues; errors: PageErrors };

function ScoresTable({ item, where }: { item: ConsensusItem; where: string }) {
  if (item.scores.length === 0)
    return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn geen individuele scores: de inkoper stelt de consensus zelf vast.</p>;
  return (
    <Table
      caption={`Scores van de beoordelaars voor ${where}`}
      columns={[{ label: 'Beoordelaar' }, { label: 'Score', numeric: true }, { label: 'Motivering' }]}
    >
      {item.scores.map((s) => (
        <Row>
          <Cell header>{s.name}</Cell>
          <Cell numeric>{formatDutchTrimmed(s.score)}</Cell>
          <Cell>{s.motivation}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function spreadSentence(item: ConsensusItem): string {
  if (item.min === null || item.max === null) return 'Geen individuele scores.';
  const steps = item.stepsApart === 1 ? '1 stap' : `${item.stepsApart ?? 0} stappen`;
  return `Individuele scores van ${formatDutchTrimmed(item.min)} tot ${formatDutchTrimmed(item.max)}: spreiding ${formatDutchTrimmed(item.spread ?? 0)} (${steps} van de schaal), gemiddeld ${formatDutchNumber(item.mean ?? 0, 2)}.`;
}

export function ConsensusCellPage({
  viewer,
  access,
  item,
  criterion,
  bidName,
  canSet,
  form,
}: {
  viewer: Viewer;
  access: TenderAccess;
  item: ConsensusItem;
  criterion: Criterion;
  bidName: string | undefined;
  canSet: boolean;
  form: CellForm | undefined;
}) {
  const where = `${bidLabel(item.bidId, bidName)} op ${criterion.id}`;
  const errors = form?.errors.errors ?? NO_ERRORS;
  const agreed = item.consensus === null && item.agreedScore !== null;
  const score = form?.values.score ?? (item.consensus?.score ?? item.agreedScore ?? '').toString();
  const motivation = form?.values.motivation ?? item.consensus?.motivation ?? item.agreedMotivation ?? undefined;
  const back = `${tenderPath(access, 'consensus')}#${cellAnchor(item.bidId, item.criterionId)}`;
  return (
    <TenderFrame viewer={viewer} access={access} tab="consensus" title={`Consensus ${where}`} errors={form?.errors}>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <a class="utrecht-link utrecht-link--html-a" href={back}>
          Terug naar het overzicht van alle scores
        </a>
      </p>
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">
        {criterion.id} {criterion.title}
      </h2>
      {criterion.description === undefined ? null : <p class="utrecht-paragraph utrecht-paragraph--distanced">{criterion.description}</p>}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">{spreadSentence(item)}</p>
      {item.moreThanOneStep ? (
        <Notice kind="warning">De scores liggen meer dan één stap van de schaal uit elkaar: bespreek deze cel voordat u de consensus vastlegt.</Notice>
      ) : null}
      <ScoresTable item={item} where={where} />
      {item.consensus === null ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Nog geen consensusscore.</p>
      ) : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          Consensusscore: <strong>{formatDutchTrimmed(item.consensus.score)}</strong>. {item.consensus.motivation ?? ''}
          {item.consensus.deviationReason === null ? '' : ` Reden voor afwijken: ${item.consensus.deviationReason}`}
        </p>
      )}
      {canSet ? (
        <form
          method="post"
          action={`${tenderPath(access, 'consensus')}/${encodeURIComponent(item.bidId)}/${encodeURIComponent(item.criterionId)}`}
          class="utrecht-form"
        >
          <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">{item.consensus === null ? 'Consensus vastleggen' : 'Consensus wijzigen'}</h2>
          {agreed ? (
            <p class="utrecht-paragraph utrecht-paragraph--distanced">
              Alle beoordelaars gaven {formatDutchTrimmed(item.agreedScore ?? 0)}. Die score en hun motiveringen staan al ingevuld; pas de motivering aan waar
              nodig.
            </p>
          ) : null}
          <SelectField
            name="score"
            id={cellFieldId('score')}
            label="Consensusscore"
            errors={errors}
            value={score}
            options={[{ value: '', label: 'Kies' }, ...criterion.scale.map((v) => ({ value: String(v), label: formatDutchTrimmed(v) }))]}
          />
          <TextareaField name="motivation" id={cellFieldId('motivation')} label="Motivering" rows={4} errors={errors} value={motivation} />
          <TextareaField
            name="deviationReason"
            id={cellFieldId('deviationReason')}
            label="Reden voor afwijken (alleen als de consensus buiten de individuele scores ligt)"
            rows={2}
            errors={errors}
            value={form?.values.deviationReason ?? item.consensus?.deviationReason ?? undefined}
          />
          <SubmitButton>Consensus vastleggen</SubmitButton>
        </form>
      ) : null}
    </TenderFrame>
  );
}
