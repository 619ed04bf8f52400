/**
 * @module
 * A new tender's dossier from a template: the template's lot, award, criteria and low-bid
 * rules, the buyer's own facts from `tender`, and no bids yet. The template's numbers are
 * defaults: they are copied, so the officer can change each in the new dossier (while it is
 * a draft) without touching the template or any other tender made from it.
 *
 * The template deliberately carries no `expectedLearners` or `estimatedValue`: those are the
 * buyer's own prognosis and raming, and a wrong default would silently move the cost-floor
 * and below-estimate flags. Until `expectedLearners` is filled in the cost floor cannot
 * apply (`low-bids.md`), which is why the option is offered here.
 */
import { DOSSIER_FORMAT, type Dossier, type Tender } from '../evaluation/dossier.js';
import type { TenderTemplate } from './template.schema.js';

export type TemplateTenderFacts = {
  reference: string;
  title: string;
  buyer: string;
  /** Overrides the template's lot name (e.g. "Perceel 2: B1-route Zwolle"). */
  lot?: string | undefined;
  estimatedValue?: number | undefined;
  expectedLearners?: number | undefined;
};

/**
 * The dossier is only as valid as `facts`: validate it with `parseDossier` when they come
 * from outside (the template itself was validated when it was loaded).
 * @example
 * dossierFromTemplate(template, { reference: 'ZWL-2027-INB-B1', title: 'Inburgering B1-route',
 *   buyer: 'Gemeente Zwolle', expectedLearners: 80 }).lowBidRules?.costFloor?.groupSize // 12
 */
export function dossierFromTemplate(template: TenderTemplate, facts: TemplateTenderFacts): Dossier {
  const tender: Tender = {
    reference: facts.reference,
    title: facts.title,
    buyer: facts.buyer,
    lot: facts.lot ?? template.lot,
  };
  // Absent stays absent: the dossier spec has no nulls for optional fields.
  if (facts.estimatedValue !== undefined) tender.estimatedValue = facts.estimatedValue;
  if (facts.expectedLearners !== undefined) tender.expectedLearners = facts.expectedLearners;
  return {
    format: DOSSIER_FORMAT,
    tender,
    award: structuredClone(template.award),
    criteria: structuredClone(template.criteria),
    lowBidRules: structuredClone(template.lowBidRules),
    bids: [],
  };
}
