/**
 * @module
 * The statistical terms of the regional comparison and the low-bid rules (issue 16), each
 * with its Dutch name and what it means in plain words, for a reader who never had
 * statistics: the comparison page prints these under its figures, where the terms appear.
 * Not identifiers (no page shows the keys), so they are not in `knownIdentifiers`.
 */
import type { Term } from './term.js';

export type StatisticalTerm = 'median' | 'quartiles' | 'iqr' | 'lowerFence' | 'mad';

export const STATISTICAL_TERMS: Readonly<Record<StatisticalTerm, Term>> = {
  median: {
    label: 'Mediaan',
    explanation: 'De middelste prijs als u alle prijzen van laag naar hoog zet: de helft is lager, de helft hoger. Eén uitschieter verschuift hem nauwelijks.',
  },
  quartiles: {
    label: 'Kwartielen (Q1 en Q3)',
    explanation:
      'Zet alle prijzen van laag naar hoog en verdeel ze in vier even grote groepen. Q1 (eerste kwartiel) is de grens onder de laagste kwart van de prijzen, Q3 (derde kwartiel) de grens boven de hoogste kwart.',
  },
  iqr: {
    label: 'IQR (interkwartielafstand)',
    explanation:
      'Q3 min Q1: hoe ver de middelste helft van de prijzen uit elkaar ligt. Een kleine IQR betekent dat de meeste inschrijvers dicht bij elkaar zitten.',
  },
  lowerFence: {
    label: 'Ondergrens (Q1 - 1,5 x IQR)',
    explanation:
      'Q1 min anderhalf keer de IQR. Een prijs daaronder ligt ongewoon ver onder wat in de regio gebruikelijk is; dat is een signaal om na te gaan, geen oordeel.',
  },
  mad: {
    label: 'MAD (mediane absolute afwijking)',
    explanation:
      'De mediaan van hoe ver elke prijs van de mediaan af ligt: hoe sterk de prijzen gewoonlijk verschillen. Een lage uitschieter trekt hem, anders dan een gemiddelde, niet mee.',
  },
};
