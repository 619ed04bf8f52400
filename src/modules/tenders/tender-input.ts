/**
 * @module
 * Tender input checked by the dossier's own rules (`parseDossier`), so the API accepts
 * exactly what the CLI accepts, with the same messages. `POST /tenders` and `PATCH` send the
 * dossier's `tender` fields flattened next to `award`, `criteria` and `lowBidRules`; their
 * problems are reported at the request's paths (`reference`, not `tender.reference`).
 */
import { parseDossier } from '../../domain/evaluation/dossier.schema.js';
import { DOSSIER_FORMAT, type Dossier } from '../../domain/evaluation/dossier.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { prefixFieldPath } from '../../lib/field-path.js';
import type { TenderFields } from './dossier-mapping.js';

export const FLAT_TENDER_KEYS = ['reference', 'title', 'buyer', 'lot', 'estimatedValue', 'expectedLearners', 'envelopes'] as const;

/** The flattened fields of `POST /tenders` and `PATCH /tenders/:id`, not yet checked. */
export type FlatTenderInput = Partial<Record<(typeof FLAT_TENDER_KEYS)[number] | 'award' | 'criteria' | 'lowBidRules', unknown>>;

/**
 * Checks flattened tender fields as a dossier without bids.
 * @example parseTenderFields({ reference: 'A-1', title: 'B1', buyer: 'Gemeente Almere', lot: 'B1-route', award, criteria })
 */
export function parseTenderFields(input: FlatTenderInput): TenderFields {
  const tender: Record<string, unknown> = {};
  for (const key of FLAT_TENDER_KEYS) if (input[key] !== undefined) tender[key] = input[key];
  const candidate: Record<string, unknown> = { format: DOSSIER_FORMAT, tender, award: input.award, criteria: input.criteria, bids: [] };
  if (input.lowBidRules !== undefined) candidate.lowBidRules = input.lowBidRules;
  const result = parseDossier(candidate);
  if (!result.ok) {
    throw new AppError('invalid-input', {
      detail: 'De aanbesteding voldoet niet aan de regels voor een dossier.',
      errors: result.problems.map((p) => ({ path: p.path.replace(/^tender\./, ''), message: p.message })),
    });
  }
  const { tender: parsedTender, award, criteria, lowBidRules } = result.dossier;
  return { tender: parsedTender, award, criteria, lowBidRules };
}

/**
 * Checks a whole dossier; problems are reported under `dossier.`.
 * @example parseImportedDossier(body.dossier).bids.length
 */
export function parseImportedDossier(input: unknown): Dossier {
  const result = parseDossier(input);
  // `bids[].documents` names files the dossier does not carry: accepted (an export re-imports
  // as it is) and dropped, as the tender imported has no documents (docs/two-envelopes.md).
  if (result.ok) return { ...result.dossier, bids: result.dossier.bids.map(({ documents: _documents, ...bid }) => bid) };
  const errors: FieldError[] = result.problems.map((p) => ({
    path: p.path === 'dossier' ? 'dossier' : prefixFieldPath('dossier', p.path),
    message: p.message,
  }));
  throw new AppError('invalid-input', { detail: 'Het dossier is niet geldig.', errors });
}
