/**
 * @module
 * The named sets of low-bid rules (presets.ts). Sources from other countries are named with
 * what they are, in Dutch, never as a bare foreign term (issue 16).
 */
import type { LowBidPreset } from '../evaluation/dossier.js';
import { labelsOf, type Term } from './term.js';

export const LOW_BID_PRESET_TERMS: Readonly<Record<LowBidPreset, Term>> = {
  'nl-default': {
    label: 'Nederlandse standaard van Gunningswijzer',
    explanation: 'Alle regels van dit programma, elk alleen waar de gegevens er zijn (een raming, een kostenvloer, prijsregels).',
  },
  prozorro: {
    label: 'drempels van ProZorro (het Oekraïense openbare aanbestedingssysteem)',
    explanation:
      'De drempels waarmee het Oekraïense aanbestedingssysteem ProZorro een lage inschrijving laat onderzoeken: 40% onder het gemiddelde van de andere of 30% onder de volgende.',
  },
  germany: {
    label: 'Duitse onderzoeksdrempel (Aufgreifschwelle: 20% onder de volgende inschrijving)',
    explanation: 'In Duitse rechtspraak wordt een inschrijving onderzocht als zij 20% of meer onder de eerstvolgende ligt.',
  },
  belgium: {
    label: 'Belgische regel (Koninklijk Besluit van 18 april 2017, art. 36: 15% onder het gemiddelde)',
    explanation: 'Het Belgische uitvoeringsbesluit voor overheidsopdrachten laat een prijs onderzoeken die 15% of meer onder het gemiddelde ligt.',
  },
  none: {
    label: 'geen standaardset (alleen de zelf gekozen regels)',
    explanation: 'Geen vooraf ingestelde regels; alleen de regels die de inkoper zelf toevoegt gelden.',
  },
};

export const LOW_BID_PRESET_NAMES: Readonly<Record<LowBidPreset, string>> = labelsOf(LOW_BID_PRESET_TERMS);
