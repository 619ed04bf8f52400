/**
 * @module
 * A demo tender as a dossier: the route's template (criteria with their score meanings,
 * price weight, low-bid rules with the cost floor) with the buyer's facts, and the bids at
 * their price per learner times the expected learners.
 */
import type { Dossier } from '../../src/domain/evaluation/dossier.js';
import { dossierFromTemplate } from '../../src/domain/templates/dossier-from-template.js';
import { getTemplate } from '../../src/modules/templates/templates.service.js';
import { ORGANISATION_NAMES, SCHOOLS, type DemoBid, type DemoTender } from './demo-world.js';

/** The tender without bids (what `POST /tenders` from a template would make). */
export function emptyDossierOf(spec: DemoTender): Dossier {
  const template = getTemplate(spec.template);
  if (template === undefined) throw new Error(`unknown template ${spec.template}`);
  return dossierFromTemplate(template, {
    reference: spec.reference,
    title: spec.title,
    buyer: ORGANISATION_NAMES[spec.owner],
    estimatedValue: spec.estimatePerLearner * spec.learners,
    expectedLearners: spec.learners,
  });
}

/** The bid's consensus scores by criterion id, from the spec's list in criterion order. */
export function scoresOf(dossier: Dossier, bid: DemoBid, reference: string): Record<string, number> {
  if (bid.scores.length !== dossier.criteria.length) {
    throw new Error(`${reference}: ${bid.school} has ${bid.scores.length} scores for ${dossier.criteria.length} criteria`);
  }
  return Object.fromEntries(dossier.criteria.map((criterion, i) => [criterion.id, bid.scores[i] as number]));
}

/** The whole dossier, bids and consensus scores included (what `POST /tenders/import` takes). */
export function dossierOf(spec: DemoTender): Dossier {
  const dossier = emptyDossierOf(spec);
  return {
    ...dossier,
    bids: spec.bids.map((bid, i) => ({
      id: `B${i + 1}`,
      provider: SCHOOLS[bid.school],
      price: bid.pricePerLearner * spec.learners,
      scores: scoresOf(dossier, bid, spec.reference),
    })),
  };
}
