/**
 * @module
 * The two-envelope procedure as rules: where a tender stands, and what each step needs. The
 * quality is judged without knowing the price: in a two-envelope tender no price figure exists
 * until the quality scores are locked and two different inkopers have opened the price
 * envelopes (the first enters, the second confirms). Every refusal names the missing step, in
 * Dutch (docs/two-envelopes.md).
 */

/** What a tender row tells of its envelopes. */
export type EnvelopeFacts = {
  envelopes: 'one' | 'two';
  qualityLockedAt: string | null;
  pricesEnteredAt: string | null;
  pricesEnteredBy: string | null;
  pricesConfirmedAt: string | null;
};

/**
 * `one-envelope`: as always. Then, for two: `sealed` (scoring), `quality-locked` (the envelopes
 * may be opened), `prices-entered` (waiting for the second officer), `prices-confirmed`.
 */
export type EnvelopeStage = 'one-envelope' | 'sealed' | 'quality-locked' | 'prices-entered' | 'prices-confirmed';

export function envelopeStage(facts: EnvelopeFacts): EnvelopeStage {
  if (facts.envelopes === 'one') return 'one-envelope';
  if (facts.pricesConfirmedAt !== null) return 'prices-confirmed';
  if (facts.pricesEnteredAt !== null) return 'prices-entered';
  return facts.qualityLockedAt === null ? 'sealed' : 'quality-locked';
}

/** No price figure of this tender may be shown or used: its price envelopes are not yet opened and confirmed. */
export function pricesSealed(facts: EnvelopeFacts): boolean {
  const stage = envelopeStage(facts);
  return stage !== 'one-envelope' && stage !== 'prices-confirmed';
}

/** Why there is no evaluation by price yet (the evaluation, the dossier, flags, the award decision). */
export const PRICES_SEALED_MESSAGE =
  'De prijsenveloppen van deze aanbesteding zijn nog niet geopend: er is nog geen beoordeling op prijs. Ontbrekende stap: vergrendel de kwaliteitsscores (POST .../quality-lock), laat een inkoper de prijzen invoeren (POST .../price-opening) en een tweede inkoper ze bevestigen (POST .../price-opening/confirm).';

/** Registering a bid with a price in a two-envelope tender. */
export const PRICE_AT_REGISTRATION_MESSAGE =
  'In een aanbesteding met twee enveloppen wordt een inschrijving geregistreerd zonder prijs: het prijsblad gaat als document in de prijsenvelop (envelope=price) en de prijs wordt pas ingevoerd bij de opening van de prijsenveloppen.';

/** What still stands in the way of locking the quality; an empty list means it may be locked. */
export function qualityLockProblems({
  facts,
  status,
  unsealedMembers,
  missingScores,
  panelSize,
}: {
  facts: EnvelopeFacts;
  status: string;
  unsealedMembers: readonly string[];
  missingScores: readonly string[];
  panelSize: number;
}): string[] {
  if (facts.envelopes === 'one') return ['Deze aanbesteding heeft één envelop: er zijn geen prijsenveloppen en er is niets te vergrendelen.'];
  if (facts.qualityLockedAt !== null) return [`De kwaliteitsscores zijn al vergrendeld (${facts.qualityLockedAt}); dat kan maar één keer.`];
  if (status !== 'open') return ['Ontbrekende stap: open eerst de aanbesteding (POST .../open); de kwaliteit wordt daarna beoordeeld.'];
  const problems: string[] = [];
  if (panelSize === 0) problems.push('Ontbrekende stap: stel een beoordelingspanel samen dat de kwaliteit beoordeelt.');
  if (unsealedMembers.length > 0) problems.push(`Ontbrekende stap: nog niet iedere beoordelaar heeft verzegeld (${unsealedMembers.join(', ')}).`);
  if (missingScores.length > 0) problems.push(`Ontbrekende stap: nog niet elke consensusscore is vastgesteld (${missingScores.join(', ')}).`);
  return problems;
}

/** Why the first officer may not enter the prices now, or null. */
export function priceEntryProblem(facts: EnvelopeFacts, status: string): string | null {
  const stage = envelopeStage(facts);
  if (stage === 'one-envelope')
    return 'Deze aanbesteding heeft één envelop: de prijzen zijn bij de inschrijving geregistreerd en er zijn geen prijsenveloppen te openen.';
  if (stage === 'prices-confirmed') return 'De prijsenveloppen zijn al geopend en bevestigd; een prijs wijzigt nu alleen als correctie met een reden.';
  if (status !== 'open') return 'Ontbrekende stap: de prijsenveloppen worden geopend terwijl de aanbesteding open is.';
  if (stage === 'sealed') return 'Ontbrekende stap: vergrendel eerst de kwaliteitsscores (POST .../quality-lock); pas daarna mogen de prijsenveloppen open.';
  return null;
}

/** Why this user may not confirm the entered prices now, or null. */
export function priceConfirmationProblem(facts: EnvelopeFacts, status: string, userId: string): string | null {
  const stage = envelopeStage(facts);
  if (stage === 'one-envelope') return 'Deze aanbesteding heeft één envelop: er is geen opening van prijsenveloppen te bevestigen.';
  if (stage === 'prices-confirmed') return 'De opening van de prijsenveloppen is al bevestigd.';
  if (status !== 'open') return 'Ontbrekende stap: de opening wordt bevestigd terwijl de aanbesteding open is.';
  if (stage === 'sealed') return 'Ontbrekende stap: vergrendel eerst de kwaliteitsscores (POST .../quality-lock) en laat een inkoper de prijzen invoeren.';
  if (stage === 'quality-locked') return 'Ontbrekende stap: een inkoper moet eerst de prijzen uit de prijsenveloppen invoeren (POST .../price-opening).';
  if (facts.pricesEnteredBy === userId) {
    return 'Het vier-ogenprincipe: u heeft de prijzen zelf ingevoerd; een andere inkoper van de organisatie moet ze controleren en bevestigen.';
  }
  return null;
}

/** One bid's figures as an officer read them from its price envelope (euros, as the dossier writes them). */
export type EnteredPrice = {
  bidId: string;
  price?: number | undefined;
  priceLines?: { description: string; quantity: number; unitPrice: number }[] | undefined;
};

/**
 * The bids on which the second officer's reading differs from the first's. The second officer
 * enters the figures again, without seeing the first entry: that is the check, and no one
 * sees a figure before both agree.
 * @example differingBids([{ bidId: 'B1', price: 10 }], [{ bidId: 'B1', price: 11 }]) // ['B1']
 */
export function differingBids(first: readonly EnteredPrice[], second: readonly EnteredPrice[]): string[] {
  const key = (entry: EnteredPrice) => JSON.stringify([entry.price ?? null, entry.priceLines ?? null]);
  const firstByBid = new Map(first.map((entry) => [entry.bidId, key(entry)]));
  const secondByBid = new Map(second.map((entry) => [entry.bidId, key(entry)]));
  const bidIds = [...new Set([...firstByBid.keys(), ...secondByBid.keys()])].sort();
  return bidIds.filter((bidId) => firstByBid.get(bidId) !== secondByBid.get(bidId));
}
