/**
 * @module
 * Section 8: the motivation of every consensus score, per bid in ranking order and per
 * criterion in the tender's order, and where the panel first disagreed. This is the text a
 * losing bidder's lawyer reads to see whether the scores were explained (art. 2.130).
 */
import { formatDutchTrimmed } from '../../domain/money.js';
import { FONT, heading, paragraph } from '../pdf/layout.js';
import { drawTable } from '../pdf/table.js';
import { formatCriterionScore, unsealedMembers } from '../report-format.js';
import { fill, wording } from '../wording.js';
import { type SectionContext, bidTitle } from './context.js';

function drawMotivations(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.consensus;
  const motivations = data.consensus?.motivations ?? [];
  heading(doc, { text: words.motivationsTitle, level: 2 });
  if (motivations.length === 0) {
    paragraph(doc, { text: words.none });
    return;
  }
  for (const result of data.result.bids) {
    const forBid = motivations.filter((motivation) => motivation.bidId === result.bidId);
    if (forBid.length === 0) continue;
    heading(doc, { text: bidTitle(context, result.bidId), level: 3 });
    for (const criterion of data.criteria) {
      const motivation = forBid.find((m) => m.criterionId === criterion.id);
      if (!motivation) continue;
      const title = `${criterion.id} ${criterion.title}`;
      paragraph(doc, {
        text: fill(words.criterionScore, {
          criterion: title,
          score: formatDutchTrimmed(motivation.score),
          max: formatDutchTrimmed(criterion.scale[criterion.scale.length - 1] ?? 0),
        }),
        font: FONT.bold,
        after: 1,
      });
      paragraph(doc, { text: motivation.motivation, indent: 12, after: motivation.deviationReason ? 1 : 5 });
      if (motivation.deviationReason) {
        paragraph(doc, { text: fill(words.deviation, { reason: motivation.deviationReason }), indent: 12, font: FONT.italic, after: 5 });
      }
    }
  }
}

function drawDisagreements(context: SectionContext): void {
  const { doc, data } = context;
  const words = wording.evaluation.consensus;
  const disagreements = data.consensus?.disagreements ?? [];
  heading(doc, { text: words.disagreementsTitle, level: 2 });
  if (unsealedMembers(data) !== undefined) {
    paragraph(doc, { text: words.disagreementsWithheld });
    return;
  }
  if (disagreements.length === 0) {
    paragraph(doc, { text: words.noDisagreements });
    return;
  }
  paragraph(doc, { text: words.disagreementsIntro });
  const [bid = '', criterion = '', individual = '', consensus = ''] = words.disagreementColumns;
  drawTable(doc, {
    columns: [
      { header: bid, width: 0.14 },
      { header: criterion, width: 0.3 },
      { header: individual, width: 0.38 },
      { header: consensus, width: 0.18, align: 'right' },
    ],
    rows: disagreements.map((disagreement) => {
      const criterionData = context.criteriaById.get(disagreement.criterionId);
      return {
        cells: [
          disagreement.bidId,
          criterionData ? `${criterionData.id} ${criterionData.title}` : disagreement.criterionId,
          disagreement.individualScores.map((s) => `${s.evaluator}: ${formatDutchTrimmed(s.score)}`).join('; '),
          criterionData && disagreement.consensusScore !== null ? formatCriterionScore(criterionData, disagreement.consensusScore) : wording.common.none,
        ],
      };
    }),
  });
}

export function drawConsensusSection(context: SectionContext): void {
  heading(context.doc, { text: wording.evaluation.sections.consensus, level: 1 });
  drawMotivations(context);
  drawDisagreements(context);
}
