/**
 * @module
 * The rules of an award limitation (gunningsbeperking) over several lots (procedure.ts,
 * docs/procedures.md): which lot an inschrijver that wins more lots than allowed keeps.
 */
import type { AwardLimitRule } from '../procedure/procedure.js';
import { labelsOf, type Term } from './term.js';

export const AWARD_LIMIT_RULE_TERMS: Readonly<Record<AwardLimitRule, Term>> = {
  'lot-order': {
    label: 'volgorde van de percelen',
    explanation: 'De percelen worden gegund in de volgorde die de aanbestedingsstukken noemen; wie het maximum heeft, valt af voor de volgende.',
  },
  'bidder-preference': {
    label: 'voorkeur van de inschrijver',
    explanation: 'Een inschrijver die meer percelen wint dan toegestaan, houdt de percelen die zij bij de inschrijving als liefste opgaf.',
  },
};

export const AWARD_LIMIT_RULE_NAMES: Readonly<Record<AwardLimitRule, string>> = labelsOf(AWARD_LIMIT_RULE_TERMS);
