/**
 * @module
 * The layout of a bids sheet: one row per bid on the sheet "Inschrijvingen" (or the only
 * sheet of a CSV file), and optional price lines on a second sheet "Prijsregels". Headers
 * are matched by name, not position, so a buyer may reorder or add columns.
 */

export const BIDS_SHEET = 'Inschrijvingen';
export const PRICE_LINES_SHEET = 'Prijsregels';

export type ColumnSpec = {
  key: string;
  header: string;
  /** Other headers people write for the same thing (case and spaces do not matter). */
  aliases: readonly string[];
  required: boolean;
};

export const BID_COLUMNS = [
  { key: 'id', header: 'Nummer', aliases: ['id', 'inschrijving', 'nr'], required: false },
  { key: 'provider.name', header: 'Inschrijver', aliases: ['naam', 'school', 'aanbieder'], required: true },
  { key: 'provider.kvk', header: 'KvK-nummer', aliases: ['kvk', 'kvknummer', 'kvk nummer'], required: true },
  { key: 'provider.keurmerk', header: 'Keurmerk Blik op Werk', aliases: ['keurmerk', 'blik op werk'], required: true },
  { key: 'price', header: 'Prijs (EUR)', aliases: ['prijs', 'totaalprijs', 'bedrag'], required: false },
  // The school's address for the award letter (issue 17): optional, as in the API.
  { key: 'provider.contactPerson', header: 'Contactpersoon', aliases: ['contact', 't.a.v.'], required: false },
  { key: 'provider.street', header: 'Straat en huisnummer', aliases: ['adres', 'straat', 'bezoekadres'], required: false },
  { key: 'provider.postcode', header: 'Postcode', aliases: [], required: false },
  { key: 'provider.place', header: 'Plaats', aliases: ['woonplaats', 'vestigingsplaats'], required: false },
  { key: 'provider.email', header: 'E-mailadres', aliases: ['e-mail', 'email', 'mail'], required: false },
] as const satisfies readonly ColumnSpec[];

export const PRICE_LINE_COLUMNS = [
  { key: 'bid', header: 'Nummer', aliases: ['id', 'inschrijving', 'nr'], required: true },
  { key: 'description', header: 'Omschrijving', aliases: [], required: true },
  { key: 'quantity', header: 'Aantal', aliases: ['hoeveelheid'], required: true },
  { key: 'unitPrice', header: 'Eenheidsprijs (EUR)', aliases: ['eenheidsprijs', 'prijs per eenheid'], required: true },
] as const satisfies readonly ColumnSpec[];

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

export function matchesColumn(spec: ColumnSpec, header: string): boolean {
  const name = normalise(header);
  return name === normalise(spec.header) || spec.aliases.some((alias) => normalise(alias) === name);
}

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
