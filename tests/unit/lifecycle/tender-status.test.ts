import { describe, expect, it } from 'vitest';
import {
  canChange,
  canTransition,
  checkChange,
  checkTransition,
  TENDER_CHANGES,
  TENDER_STATUSES,
  type TenderChange,
  type TenderStatus,
} from '../../../src/domain/lifecycle/tender-status.js';

const LOCKED = 'De aanbesteding is definitief gegund en daarmee vergrendeld; er kan niets meer worden gewijzigd.';

describe('canChange', () => {
  // The whole table, row by row: D = draft, O = open, P = award-proposed, A = awarded.
  const table: Record<TenderChange, string> = {
    settings: 'D',
    bids: 'D',
    evaluators: 'DO',
    'conflict-declarations': 'DO',
    'individual-scores': 'O',
    seals: 'O',
    'consensus-scores': 'O',
    'low-bid-reviews': 'O',
    'bid-corrections': 'O',
    'tender-deletion': 'D',
    'bid-documents': 'D',
    'document-replacements': 'DO',
    'price-opening': 'O',
  };
  const letter: Record<TenderStatus, string> = { draft: 'D', open: 'O', 'award-proposed': 'P', awarded: 'A' };

  it.each(TENDER_CHANGES.flatMap((change) => TENDER_STATUSES.map((status) => [change, status] as const)))('%s while %s', (change, status) => {
    expect(canChange(status, change)).toBe(table[change].includes(letter[status]));
    expect(checkChange(status, change).ok).toBe(canChange(status, change));
  });

  it('locks everything once awarded', () => {
    for (const change of TENDER_CHANGES) {
      expect(checkChange('awarded', change)).toEqual({ ok: false, code: 'tender-locked', message: LOCKED });
    }
  });
});

describe('checkChange messages', () => {
  it('sends a correction before opening to editing the bid, and refuses it after the award decision', () => {
    expect(checkChange('draft', 'bid-corrections')).toMatchObject({
      message:
        'Een correctie of intrekking van een inschrijving wordt vastgelegd na het openen; zolang de aanbesteding in voorbereiding is, wijzigt of verwijdert u de inschrijving zelf.',
    });
    expect(checkChange('award-proposed', 'bid-corrections')).toMatchObject({
      message:
        'Na de gunningsbeslissing kan een inschrijving niet meer worden gecorrigeerd of ingetrokken: de beslissing berust op de inschrijvingen zoals ze waren.',
    });
    expect(checkChange('open', 'tender-deletion')).toMatchObject({
      message:
        'Alleen een aanbesteding in voorbereiding kan worden verwijderd; een geopende aanbesteding blijft bewaard met haar inschrijvingen en beoordeling.',
    });
  });

  it('says the criteria are frozen after opening', () => {
    expect(checkChange('open', 'settings')).toEqual({
      ok: false,
      code: 'tender-locked',
      message:
        'Criteria, wegingen, gunningsmethode, prijsformule en regels voor lage inschrijvingen liggen vast sinds de aanbesteding is geopend (gelijke behandeling en transparantie).',
    });
  });

  it('tells scoring before opening it is too early, and after the award decision too late', () => {
    expect(checkChange('draft', 'individual-scores')).toMatchObject({
      message: 'Beoordelen kan pas als de aanbesteding is geopend en de criteria vastliggen.',
    });
    expect(checkChange('award-proposed', 'individual-scores')).toMatchObject({
      message: 'De beoordeling is afgesloten: de gunningsbeslissing is genomen.',
    });
    expect(checkChange('award-proposed', 'consensus-scores')).toMatchObject({
      message: 'De consensusscores liggen vast sinds de gunningsbeslissing.',
    });
  });

  it('says bidding closed at opening', () => {
    expect(checkChange('open', 'bids')).toMatchObject({
      message: 'Inschrijvingen registreren kan alleen zolang de aanbesteding in voorbereiding is; bij het openen sluit de inschrijving.',
    });
  });
});

describe('transitions', () => {
  it.each([
    ['draft', 'open', true],
    ['open', 'award-proposed', true],
    ['award-proposed', 'awarded', true],
    ['award-proposed', 'open', true],
    ['draft', 'award-proposed', false],
    ['draft', 'awarded', false],
    ['open', 'awarded', false],
    ['open', 'draft', false],
    ['award-proposed', 'draft', false],
    ['awarded', 'open', false],
    ['awarded', 'award-proposed', false],
    ['open', 'open', false],
  ] as const)('%s -> %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    expect(checkTransition(from, to).ok).toBe(allowed);
  });

  it('refuses with a Dutch reason fit for a 409', () => {
    expect(checkTransition('open', 'awarded')).toEqual({
      ok: false,
      code: 'tender-locked',
      message: 'Definitief gunnen kan pas na de gunningsbeslissing en de opschortende termijn.',
    });
    expect(checkTransition('open', 'open')).toMatchObject({ message: 'De aanbesteding is al geopend.' });
    expect(checkTransition('awarded', 'awarded')).toMatchObject({ message: LOCKED });
    expect(checkTransition('award-proposed', 'draft')).toMatchObject({
      message: 'Een geopende aanbesteding kan niet terug naar de voorbereiding: de criteria liggen vast zodra de inschrijvingen bekend zijn.',
    });
    expect(checkTransition('draft', 'award-proposed')).toMatchObject({
      message: 'Een gunningsbeslissing kan alleen worden genomen als de aanbesteding is geopend en beoordeeld.',
    });
  });
});
