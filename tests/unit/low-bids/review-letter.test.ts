import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/domain/evaluation/dossier.js';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { evaluateDossier } from '../../../src/domain/evaluation/evaluate.js';
import { draftExplanationRequestLetter } from '../../../src/domain/low-bids/review-letter.js';

const exampleUrl = new URL('../../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url);

function example(): Dossier {
  const parsed = parseDossier(JSON.parse(readFileSync(exampleUrl, 'utf8')));
  if (!parsed.ok) throw new Error('the example dossier must be valid');
  return parsed.dossier;
}

const dossier = example();
const flags = evaluateDossier(dossier).bids.find((b) => b.bidId === 'B3')?.lowBidFlags ?? [];
const letter = draftExplanationRequestLetter({
  dossier,
  bidId: 'B3',
  flags,
  questions: 'Hoeveel lesuren krijgt elke inburgeraar?\n2) Hoe groot zijn de groepen?',
  deadline: '2026-11-22',
  date: '2026-11-08',
});
const lines = letter.split('\n');

describe('draftExplanationRequestLetter', () => {
  it('is addressed to the provider by name and KvK number, from the buyer, dated in Dutch', () => {
    expect(lines.slice(0, 5)).toEqual(['Gemeente Zwolle', '8 november 2026', '', 'Aan: Snel Inburgeren B.V.', 'KvK-nummer: 05345678']);
  });

  it('names the tender, its reference, the lot and the bid with its price', () => {
    expect(lines).toContain('Aanbesteding: Inburgering B1-route regio IJsselland 2027-2029 (kenmerk ZWL-2027-INB-B1)');
    expect(lines).toContain('Perceel: B1-route');
    expect(lines).toContain('Uw inschrijving: B3, totaalprijs €\u00a0289.000,00');
  });

  it('cites art. 2.116 Aanbestedingswet and art. 69 Richtlijn 2014/24/EU', () => {
    expect(letter).toContain('Op grond van artikel 2.116 van de Aanbestedingswet 2012 en artikel 69 van Richtlijn 2014/24/EU');
  });

  it("lists every rule that fired: against the buyer's own references with the figures, against the other bids in words", () => {
    expect(flags.map((f) => f.rule)).toEqual(['mean-of-others', 'gap-to-next', 'below-estimate', 'cost-floor', 'unit-price', 'unit-price', 'unit-price']);
    const start = lines.indexOf('Waarom wij om een toelichting vragen');
    expect(lines.slice(start + 3, start + 10)).toEqual([
      '- vergelijking met het gemiddelde van de andere inschrijvingen: Uw prijs ligt ver onder het gemiddelde van de andere inschrijvingen.',
      '- afstand tot de eerstvolgende inschrijving: Uw prijs ligt ver onder die van de eerstvolgende inschrijving.',
      '- vergelijking met de geraamde opdrachtwaarde: Inschrijving ligt 44,42% onder de geraamde opdrachtwaarde (€\u00a0520.000,00); drempel 25%.',
      `- kostenvloer per inburgeraar: ${flags[3]?.message}`,
      '- eenheidsprijs van een prijsregel: Uw eenheidsprijs voor de regel "Taaltraject B1 per inburgeraar" (€\u00a03.200,00) ligt ver onder die van dezelfde regel in de andere inschrijvingen.',
      '- eenheidsprijs van een prijsregel: Uw eenheidsprijs voor de regel "Examentraining en examens per inburgeraar" (€\u00a0300,00) ligt ver onder die van dezelfde regel in de andere inschrijvingen.',
      '- eenheidsprijs van een prijsregel: Uw eenheidsprijs voor de regel "Voortgangsgesprekken (vier per jaar) per inburgeraar" (€\u00a0112,50) ligt ver onder die van dezelfde regel in de andere inschrijvingen.',
    ]);
    expect(lines[start + 1]).toContain('Waar een toets uw prijs met de andere inschrijvingen vergelijkt, noemen wij geen bedragen of percentages');
  });

  it('prints the cost-floor computation and every assumption behind it', () => {
    expect(letter).toContain(
      'ligt onder de kostenvloer: 600 uur x €\u00a055,00 x (1 + 0,35) / 12 inburgeraars + €\u00a0350,00 = €\u00a04.062,50 per inburgeraar; tekort €\u00a0450,00 per inburgeraar.',
    );
    const start = lines.indexOf('De kostenvloer is berekend met deze uitgangspunten uit de aanbestedingsstukken:');
    expect(lines.slice(start + 1, start + 8)).toEqual([
      '- contacturen met een docent per inburgeraar: 600',
      '- werkgeverslasten per lesuur: €\u00a055,00',
      '- groepsgrootte: 12 inburgeraars',
      '- opslag voor voorbereiding, coördinatie en intake: 35% (0,35)',
      '- vaste kosten per inburgeraar (zoals examens en lesmateriaal): €\u00a0350,00',
      '- verwacht aantal inburgeraars: 80',
      'Geef in uw toelichting aan welke van deze uitgangspunten voor uw aanbod anders zijn, en waarom.',
    ]);
  });

  it('numbers the questions, whatever numbering the officer typed', () => {
    const start = lines.indexOf('Onze vragen');
    expect(lines.slice(start + 1, start + 4)).toEqual(['1. Hoeveel lesuren krijgt elke inburgeraar?', '2. Hoe groot zijn de groepen?', '']);
  });

  it('gives the deadline as a Dutch date and says what happens without an answer', () => {
    expect(lines).toContain('Wij ontvangen uw schriftelijke toelichting graag uiterlijk op 22 november 2026, onder vermelding van kenmerk ZWL-2027-INB-B1.');
    expect(letter).toContain(
      'Als wij uw toelichting niet uiterlijk op 22 november 2026 hebben ontvangen, of als zij het lage niveau van de prijs ' +
        'of de kosten niet afdoende verklaart, kunnen wij uw inschrijving als abnormaal laag afwijzen (artikel 2.116 Aanbestedingswet 2012).',
    );
    expect(letter.endsWith('Met vriendelijke groet,\n\nGemeente Zwolle\n')).toBe(true);
  });

  it("without flags says the request rests on the officer's own analysis, and leaves out the cost floor", () => {
    const own = draftExplanationRequestLetter({ dossier, bidId: 'B1', flags: [], questions: ['Waarom?'], deadline: '2026-12-01', date: '2026-11-08' });
    expect(own).toContain('Op grond van onze eigen analyse lijkt de prijs van uw inschrijving laag in verhouding tot de gevraagde dienstverlening.');
    expect(own).not.toContain('De kostenvloer is berekend');
    expect(own).toContain('Aan: Taalschool IJsselland\nKvK-nummer: 05123456');
    expect(own).toContain('1. Waarom?');
  });

  it('takes the price from the price lines when the bid has no total price', () => {
    const d = example();
    delete d.bids[2]!.price;
    const text = draftExplanationRequestLetter({ dossier: d, bidId: 'B3', flags, questions: 'x', deadline: '2026-11-22', date: '2026-11-08' });
    expect(text).toContain('Uw inschrijving: B3, totaalprijs €\u00a0289.000,00');
  });

  it('throws for a bid that is not in the dossier', () => {
    expect(() => draftExplanationRequestLetter({ dossier, bidId: 'B9', flags: [], questions: 'x', deadline: '2026-11-22', date: '2026-11-08' })).toThrow(
      'bid B9 is not in the dossier',
    );
  });
});
