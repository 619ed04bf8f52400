/**
 * `findOtherBidsInText`: what an officer's text to one bidder tells of the other bids, on the
 * IJsselland example (to Snel Inburgeren, B3, EUR 289.000; Het Taalhuis Kampen, B4, bids
 * EUR 452.000 with a unit price of EUR 440 for exams; B1 has EUR 450 for exams).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDossier } from '../../../src/domain/evaluation/dossier.schema.js';
import { findOtherBidsInText } from '../../../src/domain/low-bids/other-bids-in-text.js';

const parsed = parseDossier(JSON.parse(readFileSync(new URL('../../../templates/examples/b1-route-ijsselland.dossier.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('the example dossier must be valid');
const { bids } = parsed.dossier;
const find = (text: string) => findOtherBidsInText(text, bids, 'B3');

describe('findOtherBidsInText', () => {
  it("finds another bidder's name, in any case, and its KvK number", () => {
    expect(find('Waarom ligt uw prijs zo ver onder die van het taalhuis kampen?')).toEqual(['noemt de inschrijver Het Taalhuis Kampen']);
    expect(find('Vergelijk met KvK 05456789.')).toEqual(['noemt het KvK-nummer 05456789 van een andere inschrijver']);
  });

  it("finds another bid's price or unit price in every way an amount is written", () => {
    for (const written of ['EUR 452.000,00', 'EUR 452.000', '€ 452.000', '€452000', '452.000,00', '452.000', '452000', 'EUR 440', '440,00', 'eur 440,-']) {
      expect(find(`Hoe verklaart u het verschil met ${written}?`), written).toHaveLength(1);
    }
  });

  it('leaves the bidder its own amounts, and numbers that are not amounts', () => {
    expect(find('Hoe dekt u met EUR 289.000,00 (EUR 3.612,50 per inburgeraar) de 600 contacturen?')).toEqual([]);
    expect(find('Rekent u met groepen van 12 en 440 lesuren per traject?')).toEqual([]);
    expect(find('Hoe komt u op EUR 112,50 voor de voortgangsgesprekken?')).toEqual([]);
  });

  it('says which amount it is', () => {
    expect(find('Waarom niet EUR 452.000?')).toEqual([
      'noemt EUR 452.000: dat is de prijs of een eenheidsprijs van een andere inschrijving (€\u00a0452.000,00)',
    ]);
  });
});
