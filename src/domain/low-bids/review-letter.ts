/**
 * @module
 * The draft letter that asks a bidder to explain a price that appears abnormally low
 * (`GET .../low-bid-review/letter`), as plain Dutch text the officer checks and sends. The
 * bidder can only answer what it is told, so the letter names each rule that fired, numbers
 * the questions, gives the deadline as a date, and says what happens without an answer.
 *
 * It is sent before the award decision, while the other bids are confidential: it explains
 * the concern from the bidder's own figures (its price, its unit prices) and the buyer's own
 * references (the estimate; the cost floor with every assumption behind it, so the bidder can
 * say which one does not hold for its offer), and says in words which comparisons with the
 * other bids raised it, without a name, amount, percentage or threshold from which another
 * bid's price could be derived (flag-for-bidder.ts).
 * The legal grounds are art. 2.116 Aanbestedingswet 2012 and art. 69 Richtlijn 2014/24/EU;
 * the list of subjects the explanation may cover follows their second paragraph.
 */
import type { Dossier } from '../evaluation/dossier.js';
import { priceLinesTotalCents } from '../evaluation/dossier-rules.js';
import { formatDutchDate } from '../dates.js';
import { eurosToCents, formatDutchTrimmed, formatEuroCents, formatEuros, formatPercent } from '../money.js';
import type { LowBidFlag } from './flag.js';
import { joinQuestions, splitQuestions } from './review-questions.js';
import { describeFlagForBidder, type OwnPriceLines } from './flag-for-bidder.js';
import { LOW_BID_RULE_NAMES } from '../vocabulary/low-bid-rules.js';

export type ExplanationRequestLetterInput = {
  dossier: Dossier;
  bidId: string;
  /** The bid's flags from the evaluation; empty when the officer investigates on their own analysis. */
  flags: readonly LowBidFlag[];
  /** One per line, or a list (as in the review record or the request action). */
  questions: string | readonly string[];
  /** `YYYY-MM-DD`, the last day an answer is on time. */
  deadline: string;
  /** `YYYY-MM-DD`, the date of the letter. */
  date: string;
};

const DEFAULT_QUESTION = 'Licht toe hoe u de gevraagde dienstverlening voor de aangeboden prijs kunt leveren.';

const EXPLANATION_SUBJECTS = [
  'a. de zuinigheid van de wijze waarop u de diensten verleent;',
  'b. de gekozen oplossingen of de uitzonderlijk gunstige omstandigheden waarover u beschikt;',
  'c. de originaliteit van uw aanbod;',
  'd. de naleving van verplichtingen op het gebied van milieu-, sociaal en arbeidsrecht, zoals de cao en het minimumloon;',
  'e. de naleving van verplichtingen bij onderaanneming;',
  'f. de eventualiteit dat u staatssteun ontvangt.',
];

function bidPriceText(bid: Dossier['bids'][number]): string | undefined {
  if (bid.price !== undefined) return formatEuros(bid.price);
  const total = priceLinesTotalCents(bid.priceLines);
  return total === null ? undefined : formatEuroCents(Number(total));
}

function flagLines(flags: readonly LowBidFlag[], ownLines: OwnPriceLines): string[] {
  if (flags.length === 0) {
    return ['Op grond van onze eigen analyse lijkt de prijs van uw inschrijving laag in verhouding tot de gevraagde dienstverlening.'];
  }
  // Two unit-price flags on lines with the same description read the same: say it once.
  const told = new Set(flags.map((flag) => `- ${LOW_BID_RULE_NAMES[flag.rule]}: ${describeFlagForBidder(flag, ownLines)}`));
  return [
    'De volgende toetsen wijzen op een mogelijk abnormaal lage prijs. Het zijn vuistregels, geen wettelijke grenzen; ' +
      'zij geven aan waarover wij uw toelichting nodig hebben. Waar een toets uw prijs met de andere inschrijvingen ' +
      'vergelijkt, noemen wij geen bedragen of percentages: de andere inschrijvingen zijn vertrouwelijk.',
    '',
    ...told,
  ];
}

/** The cost floor's assumptions, so that the bidder can answer each factor of the computation. */
function costFloorLines(dossier: Dossier, flags: readonly LowBidFlag[]): string[] {
  const params = dossier.lowBidRules?.costFloor;
  if (params === undefined || !flags.some((flag) => flag.rule === 'cost-floor')) return [];
  const lines = [
    '',
    'De kostenvloer is berekend met deze uitgangspunten uit de aanbestedingsstukken:',
    `- contacturen met een docent per inburgeraar: ${params.contactHours}`,
    `- werkgeverslasten per lesuur: ${formatEuroCents(eurosToCents(params.teacherHourlyCost))}`,
    `- groepsgrootte: ${params.groupSize} inburgeraars`,
    `- opslag voor voorbereiding, coördinatie en intake: ${formatPercent(params.overheadShare)}` + ` (${formatDutchTrimmed(params.overheadShare)})`,
  ];
  if ((params.fixedCostPerLearner ?? 0) > 0) {
    lines.push(`- vaste kosten per inburgeraar (zoals examens en lesmateriaal): ${formatEuros(params.fixedCostPerLearner ?? 0)}`);
  }
  if (dossier.tender.expectedLearners !== undefined) {
    lines.push(`- verwacht aantal inburgeraars: ${dossier.tender.expectedLearners}`);
  }
  lines.push('Geef in uw toelichting aan welke van deze uitgangspunten voor uw aanbod anders zijn, en waarom.');
  return lines;
}

/**
 * The letter as plain text: one paragraph or list item per line (`\n`), so that it pastes
 * into a word processor without broken lines. Throws a RangeError for an unknown bid or a
 * date that is not `YYYY-MM-DD`.
 * @example
 * draftExplanationRequestLetter({ dossier, bidId: 'B3', flags: result.bids[3].lowBidFlags,
 *   questions: ['Hoeveel lesuren per week?'], deadline: '2026-11-22', date: '2026-11-08' })
 * // 'Gemeente Zwolle\n8 november 2026\n\nAan: Snel Inburgeren B.V.\nKvK-nummer: 05345678\n...'
 */
export function draftExplanationRequestLetter(input: ExplanationRequestLetterInput): string {
  const { dossier, bidId, flags } = input;
  const bid = dossier.bids.find((b) => b.id === bidId);
  if (bid === undefined) throw new RangeError(`bid ${bidId} is not in the dossier`);
  const { tender } = dossier;
  const deadline = formatDutchDate(input.deadline);
  const questions = splitQuestions(joinQuestions(input.questions));
  const price = bidPriceText(bid);

  const lines = [
    tender.buyer,
    formatDutchDate(input.date),
    '',
    `Aan: ${bid.provider.name}`,
    `KvK-nummer: ${bid.provider.kvk}`,
    '',
    'Betreft: verzoek om toelichting op uw inschrijving (mogelijk abnormaal lage prijs)',
    `Aanbesteding: ${tender.title} (kenmerk ${tender.reference})`,
    `Perceel: ${tender.lot}`,
    `Uw inschrijving: ${bid.id}${price === undefined ? '' : `, totaalprijs ${price}`}`,
    '',
    'Geachte heer, mevrouw,',
    '',
    'Bij de beoordeling van de inschrijvingen voor deze aanbesteding lijkt uw inschrijving abnormaal laag. ' +
      'Op grond van artikel 2.116 van de Aanbestedingswet 2012 en artikel 69 van Richtlijn 2014/24/EU vragen wij u ' +
      'daarom om een toelichting op de prijs en de kosten in uw inschrijving. Dit is geen afwijzing: wij beslissen ' +
      'pas nadat wij uw toelichting hebben beoordeeld.',
    '',
    'Waarom wij om een toelichting vragen',
    ...flagLines(flags, bid.priceLines),
    ...costFloorLines(dossier, flags),
    '',
    'Onze vragen',
    ...(questions.length > 0 ? questions : [DEFAULT_QUESTION]).map((question, i) => `${i + 1}. ${question}`),
    '',
    'Uw toelichting kan onder meer gaan over (artikel 2.116, tweede lid, Aanbestedingswet 2012 en artikel 69, ' + 'tweede lid, Richtlijn 2014/24/EU):',
    ...EXPLANATION_SUBJECTS,
    'Onderbouw uw toelichting zo veel mogelijk met stukken, zoals een calculatie, roosters of arbeidsvoorwaarden.',
    '',
    'Termijn',
    `Wij ontvangen uw schriftelijke toelichting graag uiterlijk op ${deadline}, onder vermelding van kenmerk ${tender.reference}.`,
    '',
    'Als u niet op tijd reageert',
    `Als wij uw toelichting niet uiterlijk op ${deadline} hebben ontvangen, of als zij het lage niveau van de prijs ` +
      'of de kosten niet afdoende verklaart, kunnen wij uw inschrijving als abnormaal laag afwijzen (artikel 2.116 ' +
      'Aanbestedingswet 2012). Uw inschrijving telt dan niet mee bij de rangschikking. Wij motiveren dat besluit en ' +
      'delen het u schriftelijk mee.',
    '',
    'Met vriendelijke groet,',
    '',
    tender.buyer,
  ];
  return `${lines.join('\n')}\n`;
}
