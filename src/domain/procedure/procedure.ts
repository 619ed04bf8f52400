/**
 * @module
 * A procedure with several lots (percelen), issue 21: the procedure's own fields, the
 * optional award limitation (gunningsbeperking) with the rule the tender documents publish,
 * and per lot a dossier in the unchanged `dossier@1` format. Schools are the same school
 * across lots when their KvK numbers are equal. Format and decisions: docs/procedures.md.
 */
import type { Dossier } from '../evaluation/dossier.js';

export const PROCEDURE_FORMAT = 'gunningswijzer/procedure@1' as const;

/**
 * The most lots one procedure file may hold. Regions split inburgering into a handful of lots
 * (routes, sometimes per subregion); 50 leaves room for that many times over, while keeping
 * the worst case of one `evaluate` (every lot evaluated with its analysis) bounded.
 */
export const MAX_LOTS = 50;

/** The published ways of applying an award limitation (docs/procedures.md). */
export const AWARD_LIMIT_RULES = ['lot-order', 'bidder-preference'] as const;
export type AwardLimitRule = (typeof AWARD_LIMIT_RULES)[number];

export type ProcedureFields = { reference: string; title: string; buyer: string };

export type AwardLimit = {
  /** At most this many lots per school (KvK number), an integer of at least 1. */
  maxLotsPerBidder: number;
  rule: AwardLimitRule;
  /** `lot-order` only, and required there: the published order, every lot id exactly once. */
  lotOrder?: string[] | undefined;
};

export type ProcedureLot = { id: string; dossier: Dossier };

/**
 * A draw of lots recorded for one lot under the award limitation: `winner` is the bid the lot
 * fell on, `record` who drew, when and how (at least a sentence, as for a single tender's
 * draw). It decides the lot only while the lot is tied and the winner is among the tied bids
 * still open (docs/procedures.md, "Ties").
 */
export type LotDraw = { lotId: string; winner: string; record: string };

export type Procedure = {
  format: typeof PROCEDURE_FORMAT;
  procedure: ProcedureFields;
  awardLimit?: AwardLimit | undefined;
  /** Per KvK number, the school's lots from most to least preferred (`bidder-preference`). */
  preferences?: Record<string, string[]> | undefined;
  lots: ProcedureLot[];
  /** Only with `awardLimit`: the draws of lots recorded for lots the allocation left tied. */
  draws?: LotDraw[] | undefined;
};
