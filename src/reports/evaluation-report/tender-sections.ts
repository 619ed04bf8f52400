/**
 * @module
 * The sections that account for one tender's evaluation (issue 6), in their order: the method
 * to the analysis. The evaluation report of a tender prints them after its cover; that of a
 * procedure prints them once per lot (issue 21), so a lot reads as its own report would.
 */
import { drawAnalysisSection } from './analysis-section.js';
import { drawBidsSection } from './bids-section.js';
import { drawConsensusSection } from './consensus-section.js';
import type { SectionContext } from './context.js';
import { drawCriteriaSection } from './criteria-section.js';
import { drawExclusionsSection } from './exclusions-section.js';
import { drawLowBidsSection } from './low-bids-section.js';
import { drawMethodSection } from './method-section.js';
import { drawPanelSection } from './panel-section.js';
import { drawRankingSection } from './ranking-section.js';

export function drawTenderSections(context: SectionContext): void {
  drawMethodSection(context);
  drawCriteriaSection(context);
  drawRankingSection(context);
  drawBidsSection(context);
  drawExclusionsSection(context);
  drawLowBidsSection(context);
  drawPanelSection(context);
  drawConsensusSection(context);
  drawAnalysisSection(context);
}
