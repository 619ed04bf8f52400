/**
 * @module
 * A Dutch sentence per audit event of a tender, for the auditor's timeline: what happened,
 * with the bid, criterion, score, decision or date the event records. It reads only the
 * event as `GET .../audit-events` shows it, so a redacted individual score says that a score
 * was given, never which. An action this file does not know is still listed, by its name.
 */
import { formatDutchDate, isIsoDate } from '../../domain/dates.js';
import { formatEuros, formatDutchTrimmed } from '../../domain/money.js';
import type { ReviewState } from '../../domain/evaluation/dossier.js';
import { auditActionLabel, REVIEW_DECISION_NAMES, REVIEW_STATE_NAMES } from '../../domain/vocabulary/index.js';
import { record } from './change-values.js';
import { describeSettingChanges } from './describe-setting-changes.js';

const capitalised = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);

export type DescribedEvent = { action: string; entityId: string; change: unknown; redacted: boolean };

type Change = { before?: unknown; after?: unknown } & Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): string | undefined => (typeof value === 'number' ? formatDutchTrimmed(value) : undefined);
const date = (value: unknown): string => (typeof value === 'string' && isIsoDate(value) ? formatDutchDate(value) : String(value));

/** `tender/B3` -> `B3`; `tender/B3/K1` -> `B3`, `K1`. */
const entityPart = (entityId: string, index: number): string => entityId.split('/')[index] ?? '?';

const priceText = (value: unknown): string => (typeof value === 'number' ? formatEuros(value) : 'geen prijs');

const named = (bidId: string | undefined, bid: (bidId: string) => string): string => (bidId === undefined ? '?' : bid(bidId));

/** " (verklaring over Taalhuis Flevoland en NT2 Centrum Almere)": the schools a declaration covered, when its event records them. */
function declaredAbout(change: Change): string {
  const schools = record(change.after).declaredAbout;
  if (!Array.isArray(schools) || schools.length === 0) return '';
  const names = schools.map((school) => text(record(school).name) ?? '?');
  return ` (verklaring over ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`})`;
}

/** Names a bid in a sentence: by its school with its code (`bidLabel`), or by its code alone. */
export type BidLabel = (bidId: string) => string;

/** "ten hoogste 1 perceel per school, in de gepubliceerde volgorde van de percelen (L1, L2, L3)", or "geen gunningsbeperking". */
function awardLimitSentence(value: unknown): string {
  if (value === null || value === undefined) return 'geen gunningsbeperking';
  const limit = record(value);
  const max = typeof limit.maxLotsPerBidder === 'number' ? limit.maxLotsPerBidder : undefined;
  const order = Array.isArray(limit.lotOrder) ? limit.lotOrder.map(String).join(', ') : '?';
  const rule = limit.rule === 'lot-order' ? `in de gepubliceerde volgorde van de percelen (${order})` : 'naar de voorkeur van de school';
  return `ten hoogste ${max ?? '?'} ${max === 1 ? 'perceel' : 'percelen'} per school, ${rule}`;
}

const DESCRIBERS: Record<string, (event: DescribedEvent, change: Change, bid: BidLabel) => string> = {
  'tender.create': (_e, c) => {
    const tender = record(record(c.after).tender);
    return `Aanbesteding ${text(tender.reference) ?? '?'} aangemaakt, perceel ${text(tender.lot) ?? '?'}.`;
  },
  'tender.import': (_e, c) => {
    const after = record(c.after);
    const bids = Array.isArray(after.bids) ? after.bids.length : 0;
    return `Dossier ${text(record(after.tender).reference) ?? '?'} ingelezen met ${bids} ${bids === 1 ? 'inschrijving' : 'inschrijvingen'}.`;
  },
  'tender.update': (_e, c) => {
    const changes = describeSettingChanges(c.before, c.after);
    return `Concept gewijzigd: ${changes.length === 0 ? 'niets inhoudelijks' : changes.join('; ')}.`;
  },
  'tender.open': (_e, c) => {
    const accepted = text(record(c.after).underbiddingRiskAccepted);
    return (
      'Aanbesteding geopend: de inschrijving is gesloten en criteria, gewichten en prijsformule liggen vast.' +
      (accepted === undefined ? '' : ` Geopend ondanks de waarschuwing dat de formule onderbieden beloont, met als motivering: "${accepted}"`)
    );
  },
  'provider.update': (_e, c) => {
    const before = record(c.before);
    const after = record(c.after);
    const labels = {
      name: 'naam',
      kvk: 'KvK-nummer',
      keurmerk: 'keurmerk',
      street: 'straat en huisnummer',
      postcode: 'postcode',
      place: 'plaats',
      contactPerson: 'contactpersoon',
      email: 'e-mailadres',
    } as const;
    const changed = (Object.keys(labels) as (keyof typeof labels)[]).filter((key) => before[key] !== after[key]).map((key) => labels[key]);
    return `Gegevens van school ${text(after.name) ?? 'onbekend'} gewijzigd: ${changed.join(', ') || 'niets inhoudelijks'}.`;
  },
  'bid.create': (e, c) => {
    const after = record(c.after);
    const price = typeof after.price === 'number' ? ` voor ${formatEuros(after.price)}` : '';
    return `Inschrijving ${text(after.id) ?? entityPart(e.entityId, 1)} van ${text(record(after.provider).name) ?? 'onbekende inschrijver'} geregistreerd${price}.`;
  },
  'bid.update': (e, c, bid) => {
    const before = record(c.before);
    const after = record(c.after);
    const changed = (['provider', 'price', 'priceLines'] as const).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    const labels = { provider: 'inschrijver', price: 'prijs', priceLines: 'prijsregels' };
    const price = changed.includes('price') ? ` (prijs ${priceText(before.price)} werd ${priceText(after.price)})` : '';
    return `Inschrijving ${bid(entityPart(e.entityId, 1))} gewijzigd voor het openen: ${changed.map((key) => labels[key]).join(', ') || 'niets inhoudelijks'}${price}.`;
  },
  'bid.delete': (e, c, bid) =>
    `Inschrijving ${bid(entityPart(e.entityId, 1))} van ${text(record(record(c.before).provider).name) ?? 'onbekende inschrijver'} verwijderd voor het openen.`,
  'bid.correct': (e, c, bid) => {
    const state = text(c.lowBidReviewState);
    const review = state === undefined ? undefined : Object.hasOwn(REVIEW_STATE_NAMES, state) ? REVIEW_STATE_NAMES[state as ReviewState] : state;
    return (
      `Kennelijke verschrijving in inschrijving ${bid(entityPart(e.entityId, 1))} gecorrigeerd: prijs ${priceText(record(c.before).price)} werd ${priceText(record(c.after).price)}. ` +
      `Reden: "${text(c.reason) ?? ''}"` +
      (review === undefined ? '' : ` Het onderzoek naar een abnormaal lage prijs liep al (${review}) en blijft staan.`)
    );
  },
  'bid.withdraw': (e, c, bid) => {
    const withdrawal = record(record(c.after).withdrawal);
    return `Intrekking van inschrijving ${bid(entityPart(e.entityId, 1))} vastgelegd, ontvangen op ${date(withdrawal.receivedOn)}; de inschrijving doet niet meer mee. Reden: "${text(withdrawal.reason) ?? ''}"`;
  },
  'bid-document.receive': (_e, c, bid) => {
    const after = record(c.after);
    const envelope = after.envelope === 'price' ? 'prijsenvelop' : 'kwaliteitsenvelop';
    const replaces = after.replacesId === null || after.replacesId === undefined ? '' : ` als nieuwe versie; reden: "${text(after.reason) ?? ''}"`;
    return `Document "${text(after.name) ?? '?'}" (versie ${num(after.version) ?? '?'}, ${envelope}) van inschrijving ${bid(text(after.bidId) ?? '?')} ontvangen${replaces}; SHA-256 ${text(after.sha256) ?? '?'}.`;
  },
  'tender.quality-lock': () => 'Kwaliteitsscores vergrendeld: de kwaliteit ligt vast voordat een prijs bekend is; de prijsenveloppen mogen nu open.',
  'tender.price-opening': (_e, c, bid) => {
    const bids = record(c.after).bids;
    const list = Array.isArray(bids) ? bids.map((b) => bid(String(b))).join(', ') : '?';
    return `Prijsenveloppen geopend en de prijzen van ${list} ingevoerd door een eerste inkoper; de bedragen blijven verborgen tot een tweede inkoper ze bevestigt (SHA-256 van de invoer ${text(record(c.after).priceEntrySha256) ?? '?'}).`;
  },
  'tender.price-opening.confirm': (_e, c, bid) => {
    const prices = record(c.after).prices;
    const list = Array.isArray(prices) ? prices.map((p) => `${bid(text(record(p).bidId) ?? '?')} ${priceText(record(p).price)}`).join(', ') : '?';
    return `Opening van de prijsenveloppen bevestigd door een tweede inkoper; de prijzen gelden: ${list}. Het proces-verbaal van opening is ondertekend.`;
  },
  'tender.delete': (_e, c) => {
    const before = record(c.before);
    return `Aanbesteding ${text(before.reference) ?? '?'} in voorbereiding verwijderd, met haar inschrijvingen; de audittrail blijft bewaard.`;
  },
  'procedure.import': (_e, c) => {
    const after = record(c.after);
    const lots = Array.isArray(after.lots) ? after.lots.map((lot) => text(record(lot).lotId) ?? '?') : [];
    return `Procedure ${text(record(after.procedure).reference) ?? '?'} ingelezen met ${lots.length === 1 ? 'perceel' : 'percelen'} ${lots.join(', ')}; ${awardLimitSentence(after.awardLimit)}.`;
  },
  'procedure.create': (_e, c) => {
    const after = record(c.after);
    const lots = Array.isArray(after.lots) ? after.lots.map((lot) => text(record(lot).lotId) ?? '?') : [];
    return `Procedure ${text(record(after.procedure).reference) ?? '?'} aangemaakt met ${lots.length === 1 ? 'perceel' : 'percelen'} ${lots.join(', ')}, elk uit een sjabloon.`;
  },
  'procedure.lot.add': (_e, c) => {
    const after = record(c.after);
    const from =
      text(after.copyOf) === undefined ? `uit template ${text(after.template) ?? '?'}` : `met de criteria en regels van perceel ${text(after.copyOf)}`;
    return `Perceel ${text(after.lotId) ?? '?'} toegevoegd, ${from}.`;
  },
  'procedure.delete': (_e, c) => {
    const before = record(c.before);
    const lots = Array.isArray(before.lots) ? before.lots.map((lot) => text(record(lot).lotId) ?? '?') : [];
    return `Procedure ${text(record(before.procedure).reference) ?? '?'} verwijderd met ${lots.length === 1 ? 'perceel' : 'percelen'} ${lots.join(', ')}.`;
  },
  'procedure.award-limit.set': (_e, c) => {
    const before = record(c.before);
    const after = record(c.after);
    const preferences =
      JSON.stringify(before.preferences ?? null) === JSON.stringify(after.preferences ?? null) ? '' : '; de voorkeuren van de scholen zijn gewijzigd';
    return `Gunningsbeperking gewijzigd van ${awardLimitSentence(before.awardLimit)} in ${awardLimitSentence(after.awardLimit)}${preferences}.`;
  },
  'procedure.draw.record': (_e, c) => {
    const after = record(c.after);
    const lotId = text(after.lotId) ?? '?';
    const draws = Array.isArray(after.draws) ? after.draws.map(record) : [];
    const winner = text(draws.find((draw) => draw.lotId === lotId)?.winner) ?? '?';
    const tied = Array.isArray(after.tiedBids) ? after.tiedBids.map((bid) => text(bid) ?? '?').join(' en ') : '?';
    return `Loting voor perceel ${lotId} vastgelegd: tussen ${tied} viel de loting op ${winner}.`;
  },
  'procedure.panel.add': (_e, c) => {
    const after = record(c.after);
    const lots = Array.isArray(after.lots) ? after.lots.map((lot) => text(record(lot).lotId) ?? '?') : [];
    return `${text(after.name) ?? 'Een beoordelaar'} toegevoegd aan het beoordelingspanel van ${lots.length === 1 ? 'perceel' : 'de percelen'} ${lots.join(', ')}.`;
  },
  'procedure.award-decision': (_e, c) => {
    const lots = Array.isArray(record(c.after).lots) ? (record(c.after).lots as unknown[]).map(record) : [];
    const each = lots.map((lot) => {
      const winner = text(lot.winner) ?? '?';
      const without = text(lot.winnerWithoutLimit);
      const moved = without !== undefined && without !== winner ? ` (zonder de gunningsbeperking ${without})` : '';
      return `perceel ${text(lot.lotId) ?? '?'} aan ${winner}${moved}`;
    });
    return `Gunningsbeslissing voor de procedure genomen: ${each.join(', ')}; de opschortende termijn loopt per perceel.`;
  },
  'consensus.set': (e, c, bid) => {
    const where = `${bid(entityPart(e.entityId, 1))} op ${entityPart(e.entityId, 2)}`;
    const after = num(record(c.after).score);
    const before = c.before === null || c.before === undefined ? undefined : num(record(c.before).score);
    const adopted = c.adoptedAgreed === true ? ' (de score die alle beoordelaars gaven, overgenomen)' : '';
    return before === undefined
      ? `Consensusscore ${after} vastgesteld voor ${where}${adopted}.`
      : `Consensusscore voor ${where} gewijzigd van ${before} in ${after}.`;
  },
  'individual-score.set': (e, c, bid) => {
    const where = `${bid(entityPart(e.entityId, 1))} op ${entityPart(e.entityId, 2)}`;
    if (e.redacted) return `Individuele score gegeven voor ${where} (inhoud verborgen tot alle beoordelaars hun scores hebben verzegeld).`;
    const before = c.before === null || c.before === undefined ? undefined : num(record(c.before).score);
    const after = num(record(c.after).score);
    return before === undefined ? `Individuele score ${after} gegeven voor ${where}.` : `Individuele score voor ${where} gewijzigd van ${before} in ${after}.`;
  },
  'panel.assign': (_e, c) => `${text(record(c.after).name) ?? 'Een beoordelaar'} toegevoegd aan het beoordelingspanel.`,
  'panel.declare-no-conflict': (_e, c) => `Verklaard geen belangenverstrengeling te hebben${declaredAbout(c)}.`,
  'panel.declare-conflict': (_e, c) => `Belangenverstrengeling gemeld${declaredAbout(c)}; de beoordelaar is uit het panel gegaan.`,
  'panel.seal': (_e, c) => `Eigen scores verzegeld (${num(record(c.after).scores) ?? '?'} scores).`,
  'low-bid-review.request-explanation': (e, c, bid) =>
    `${bid(entityPart(e.entityId, 1))} om een toelichting gevraagd op de prijs (art. 2.116 Aanbestedingswet), uiterlijk ${date(record(c.after).deadline)}.`,
  'low-bid-review.record-explanation': (e, c, bid) =>
    `Toelichting van ${bid(entityPart(e.entityId, 1))} ontvangen op ${date(record(c.after).receivedAt)} en vastgelegd.`,
  'low-bid-review.record-no-response': (e, _c, bid) => `Vastgelegd dat ${bid(entityPart(e.entityId, 1))} binnen de termijn geen toelichting gaf.`,
  'low-bid-review.decide': (e, c, bid) => {
    const after = record(c.after);
    const decided = text(after.decision);
    const decision = decided === 'accepted' || decided === 'rejected' ? REVIEW_DECISION_NAMES[decided] : (decided ?? '?');
    return `Onderzoek naar ${bid(entityPart(e.entityId, 1))} afgerond: ${decision}. Motivering: "${text(after.motivation) ?? ''}"`;
  },
  'tender.award-decision': (_e, c, bid) => {
    const after = record(c.after);
    const draw = after.drawOfLots === null || after.drawOfLots === undefined ? '' : ' na loting';
    return `Gunningsbeslissing genomen: voorlopig gegund aan ${named(text(after.winner), bid)}${draw}; de opschortende termijn loopt tot en met ${date(after.standstillEndsOn)}.`;
  },
  'tender.award-decision.withdraw': (_e, c, bid) =>
    `Gunningsbeslissing ingetrokken (voorlopig gegund aan ${named(text(record(c.before).winner), bid)}); de aanbesteding is weer geopend. Reden: "${text(record(c.after).reason) ?? ''}"`,
  'tender.award': (_e, c, bid) => `Definitief gegund aan ${named(text(record(c.after).winner), bid)}; de aanbesteding is vergrendeld.`,
  'report.created': (_e, c, bid) => {
    const after = record(c.after);
    return after.kind === 'award-letter'
      ? `Gunningsbrief aan ${named(text(after.bidId), bid)} ondertekend en vastgelegd.`
      : 'Beoordelingsrapport (proces-verbaal) ondertekend en vastgelegd.';
  },
};

/**
 * @param bid names a bid: the timeline passes `bidLabel` with the tender's schools, so a bid reads
 *   "NT2 Centrum Zwolle (B2)" (issue 15); without it, by its code
 * @example describeAuditEvent({ action: 'tender.award', entityId: 't1', change: { after: { winner: 'B2' } }, redacted: false })
 * // 'Definitief gegund aan B2; de aanbesteding is vergrendeld.'
 */
export function describeAuditEvent(event: DescribedEvent, bid: BidLabel = (bidId) => bidId): string {
  const describe = DESCRIBERS[event.action];
  return describe === undefined ? `${capitalised(auditActionLabel(event.action))}.` : describe(event, record(event.change) as Change, bid);
}
