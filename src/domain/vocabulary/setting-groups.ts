/**
 * @module
 * The groups of a draft tender's settings, as `tender.update` records them in its change
 * (`{ before: { tender, award, criteria, lowBidRules, settings }, after: ... }`), named in the
 * audit sentence "Concept gewijzigd: criteria en gewichten".
 */
import { labelsOf, type Term } from './term.js';

export const SETTING_GROUP_TERMS = {
  tender: { label: 'gegevens van de aanbesteding', explanation: 'Kenmerk, titel, perceel, raming en verwacht aantal inburgeraars.' },
  award: { label: 'gunningsmethode en prijsformule', explanation: 'Hoe prijs en kwaliteit tot één score worden samengenomen.' },
  criteria: { label: 'criteria en gewichten', explanation: 'De kwaliteitscriteria met hun gewicht en schaal.' },
  lowBidRules: { label: 'regels voor abnormaal lage inschrijvingen', explanation: 'Welke signalen een inschrijving als mogelijk abnormaal laag markeren.' },
  settings: { label: 'instellingen voor het panel', explanation: 'Bijvoorbeeld of beoordelaars de prijzen zien.' },
} as const satisfies Record<string, Term>;

export type SettingGroup = keyof typeof SETTING_GROUP_TERMS;

export const SETTING_GROUP_NAMES: Readonly<Record<SettingGroup, string>> = labelsOf(SETTING_GROUP_TERMS);

/** A group's name; a key an older version recorded, as "andere instellingen". */
export function settingGroupLabel(key: string): string {
  return Object.hasOwn(SETTING_GROUP_NAMES, key) ? SETTING_GROUP_NAMES[key as SettingGroup] : 'andere instellingen';
}
