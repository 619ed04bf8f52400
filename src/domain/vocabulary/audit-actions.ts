/**
 * @module
 * The actions of the audit trail (`audit_events.action`), as the audit page names them in its
 * table and filter. `recordAuditEvent` takes an `AuditAction`, so an action cannot be
 * recorded before it has a Dutch name here. The stored events keep the ids: they are hashed,
 * and an auditor who reads the JSON finds the same id in the code.
 */
import type { Term } from './term.js';

const term = (label: string, explanation: string): Term => ({ label, explanation });

export const AUDIT_ACTION_TERMS = {
  'auth.login': term('ingelogd', 'Iemand is met e-mailadres en wachtwoord ingelogd.'),
  'auth.logout': term('uitgelogd', 'Iemand heeft de sessie beëindigd.'),
  'auth.token.create': term('API-sleutel aangemaakt', 'Een sleutel voor koppelingen met andere systemen is aangemaakt.'),
  'auth.token.revoke': term('API-sleutel ingetrokken', 'Een sleutel voor koppelingen werkt niet meer.'),
  'organisation.create': term('organisatie aangemaakt', 'Een gemeente of regio is toegevoegd.'),
  'organisation.members.add': term('lid toegevoegd aan organisatie', 'Een gebruiker heeft een rol in een organisatie gekregen.'),
  'user.create': term('gebruiker aangemaakt', 'Een account is aangemaakt.'),
  'user.create-platform-admin': term('platformbeheerder aangemaakt', 'Het eerste beheeraccount van de installatie is aangemaakt.'),
  'user.disable': term('gebruiker uitgeschakeld', 'Een account kan niet meer inloggen.'),
  'user.enable': term('gebruiker weer ingeschakeld', 'Een uitgeschakeld account kan weer inloggen.'),
  'user.memberships.set': term('rollen van gebruiker gewijzigd', 'De rollen van een gebruiker in de organisaties zijn gewijzigd.'),
  'user.password.change': term('wachtwoord gewijzigd', 'Een gebruiker heeft zijn eigen wachtwoord gewijzigd.'),
  'user.password.reset': term('wachtwoord opnieuw ingesteld', 'Een beheerder heeft een nieuw wachtwoord ingesteld.'),
  'provider.create': term('school toegevoegd', 'Een taalschool (inschrijver) is in het register opgenomen.'),
  'provider.update': term(
    'school gewijzigd',
    'De gegevens van een taalschool in het register (naam, KvK-nummer, keurmerk, adres of contactpersoon) zijn gewijzigd.',
  ),
  'tender.create': term('aanbesteding aangemaakt', 'Een nieuwe aanbesteding is in voorbereiding genomen.'),
  'tender.import': term('dossier ingelezen', 'Een aanbesteding is met haar inschrijvingen uit een dossierbestand ingelezen.'),
  'tender.update': term('concept gewijzigd', 'Gegevens, criteria of regels van de aanbesteding in voorbereiding zijn gewijzigd.'),
  'tender.open': term('aanbesteding geopend', 'De inschrijving is gesloten en de criteria liggen vast.'),
  'tender.delete': term('aanbesteding verwijderd', 'Een aanbesteding in voorbereiding is verwijderd.'),
  'procedure.import': term(
    'procedure ingelezen',
    'Een procedure met meerdere percelen is uit een procedurebestand ingelezen; elk perceel is een aanbesteding in voorbereiding.',
  ),
  'procedure.create': term(
    'procedure aangemaakt',
    'Een procedure met meerdere percelen is aangemaakt; elk perceel is uit een sjabloon een aanbesteding in voorbereiding geworden.',
  ),
  'procedure.lot.add': term(
    'perceel toegevoegd',
    'Een procedure heeft er een perceel bij, uit een sjabloon of met de criteria en regels van een ander perceel; het perceel is een aanbesteding in voorbereiding.',
  ),
  'procedure.delete': term('procedure verwijderd', 'Een procedure in voorbereiding is met al haar percelen verwijderd.'),
  'procedure.award-limit.set': term(
    'gunningsbeperking gewijzigd',
    'De gunningsbeperking van een procedure (hoeveel percelen één inschrijver ten hoogste krijgt, en volgens welke regel) of de voorkeuren van de inschrijvers zijn gewijzigd.',
  ),
  'procedure.draw.record': term(
    'loting voor een perceel vastgelegd',
    'De uitslag van de loting tussen gelijk geëindigde inschrijvingen op een perceel onder de gunningsbeperking is vastgelegd; de toewijzing van de percelen houdt er rekening mee.',
  ),
  'procedure.panel.add': term(
    'beoordelaar aan de procedure toegevoegd',
    'Iemand is in één keer aan het beoordelingspanel van elk perceel van een procedure toegevoegd.',
  ),
  'procedure.award-decision': term(
    'gunningsbeslissing voor de procedure genomen',
    'De gunningsbeslissing is voor de percelen van een procedure tegelijk genomen, elk perceel voor de winnaar die de gunningsbeperking het geeft.',
  ),
  'bid.create': term('inschrijving geregistreerd', 'Een inschrijving is vastgelegd.'),
  'bid.update': term('inschrijving gewijzigd', 'Een inschrijving is voor het openen gewijzigd.'),
  'bid.delete': term('inschrijving verwijderd', 'Een inschrijving is voor het openen verwijderd.'),
  'bid.correct': term('verschrijving gecorrigeerd', 'Een kennelijke verschrijving in een inschrijving is na het openen gecorrigeerd, met reden.'),
  'bid.withdraw': term('inschrijving ingetrokken', 'De inschrijver heeft zijn inschrijving ingetrokken; zij doet niet meer mee.'),
  'bid-document.receive': term(
    'document van inschrijving ontvangen',
    'Een document van een inschrijving (kwaliteits- of prijsenvelop) is ontvangen en met zijn vingerafdruk vastgelegd.',
  ),
  'panel.assign': term('beoordelaar toegevoegd', 'Iemand is aan het beoordelingspanel toegevoegd.'),
  'panel.declare-no-conflict': term('geen belangenverstrengeling verklaard', 'Een beoordelaar verklaart geen belang te hebben bij een van de inschrijvers.'),
  'panel.declare-conflict': term('belangenverstrengeling gemeld', 'Een beoordelaar meldt een belang en gaat uit het panel.'),
  'panel.seal': term('scores verzegeld', 'Een beoordelaar heeft de eigen scores definitief gemaakt.'),
  'individual-score.set': term('individuele score gegeven', 'Een beoordelaar heeft een score gegeven, nog voor het consensusoverleg.'),
  'consensus.set': term('consensusscore vastgesteld', 'Het panel heeft samen een score vastgesteld.'),
  'low-bid-review.request-explanation': term(
    'toelichting gevraagd',
    'Een inschrijver is gevraagd een mogelijk abnormaal lage prijs toe te lichten (art. 2.116 Aanbestedingswet).',
  ),
  'low-bid-review.record-explanation': term('toelichting ontvangen', 'De toelichting van de inschrijver is vastgelegd.'),
  'low-bid-review.record-no-response': term('geen toelichting ontvangen', 'Vastgelegd dat de inschrijver binnen de termijn niet reageerde.'),
  'low-bid-review.decide': term('onderzoek lage prijs afgerond', 'De prijs is na onderzoek aanvaard of de inschrijving afgewezen.'),
  'tender.quality-lock': term(
    'kwaliteitsscores vergrendeld',
    'De kwaliteit is beoordeeld en vastgelegd voordat een prijs bekend is; daarna mogen de prijsenveloppen open (twee enveloppen).',
  ),
  'tender.price-opening': term(
    'prijzen uit de prijsenveloppen ingevoerd',
    'Een eerste inkoper heeft de prijsenveloppen geopend en de prijzen ingevoerd; niemand ziet ze tot een tweede inkoper bevestigt.',
  ),
  'tender.price-opening.confirm': term(
    'opening van de prijsenveloppen bevestigd',
    'Een tweede inkoper heeft de prijzen opnieuw uit de enveloppen gelezen en bevestigd; het proces-verbaal van opening is ondertekend.',
  ),
  'tender.award-decision': term('gunningsbeslissing genomen', 'De voorlopige gunning is bekendgemaakt; de opschortende termijn loopt.'),
  'tender.award-decision.withdraw': term('gunningsbeslissing ingetrokken', 'De voorlopige gunning is ingetrokken; er wordt opnieuw beoordeeld.'),
  'tender.award': term('definitief gegund', 'De opdracht is definitief gegund en de aanbesteding vergrendeld.'),
  'report.created': term('rapport of brief ondertekend', 'Een beoordelingsrapport of gunningsbrief is ondertekend en vastgelegd.'),
} as const satisfies Record<string, Term>;

export type AuditAction = keyof typeof AUDIT_ACTION_TERMS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_TERMS) as AuditAction[];

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_TERMS, action);
}

/** An action's Dutch name; one that an older version recorded and this one does not know reads as such. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_TERMS[action].label : `onbekende handeling (${action})`;
}
