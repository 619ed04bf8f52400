/**
 * @module
 * The words of every step that cannot be undone, in one place (issue 15): what the officer
 * or evaluator is about to do, and what becomes impossible afterwards. Each step asks first:
 * without JavaScript a required checkbox with `statement` (the server refuses the post
 * without it, at the field), with JavaScript a native `<dialog>` with `question` and
 * `consequence` (enhance.js). Opening the tender asks on a page of its own
 * (`/aanbestedingen/:id/openen`), because it may also need a motivation.
 */

export type ConfirmationWords = {
  /** The dialog's heading. */
  question: string;
  /** What becomes impossible, shown above the button and in the dialog. */
  consequence: string;
  /** The checkbox's label: the reader says it in its own words. */
  statement: string;
  /** The dialog's button that goes ahead. */
  confirm: string;
  /** The message at the checkbox when the post came without it. */
  missing: string;
};

export const CONFIRMATIONS = {
  seal: {
    question: 'Uw scores verzegelen?',
    consequence:
      'Na het verzegelen kunt u uw scores en motiveringen niet meer wijzigen, ook niet als u later een fout ziet. De inkoper ziet ze pas als alle beoordelaars hebben verzegeld.',
    statement: 'Ik begrijp dat ik mijn scores na het verzegelen niet meer kan wijzigen',
    confirm: 'Ja, verzegel mijn scores',
    missing: 'bevestig dat u begrijpt dat u uw scores daarna niet meer kunt wijzigen',
  },
  awardDecision: {
    question: 'De gunningsbeslissing nemen?',
    consequence:
      'Daarna kunnen de scores, de consensus en het onderzoek naar abnormaal lage inschrijvingen niet meer worden gewijzigd. De beslissing gaat met de redenen naar alle inschrijvers en de opschortende termijn van 20 kalenderdagen begint. Terug kan alleen door de beslissing met een reden in te trekken; dat staat in de audittrail.',
    statement: 'Ik begrijp dat de beoordeling met de gunningsbeslissing vastligt',
    confirm: 'Ja, neem de gunningsbeslissing',
    missing: 'bevestig dat u begrijpt dat de beoordeling daarmee vastligt',
  },
  procedureAwardDecision: {
    question: 'De gunningsbeslissing nemen voor de percelen?',
    consequence:
      'Elk perceel dat nog open is krijgt zijn gunningsbeslissing, voor de inschrijving die de toewijzing onder de gunningsbeperking het geeft. Daarna kunnen de scores, de consensus en het onderzoek naar abnormaal lage inschrijvingen van die percelen niet meer worden gewijzigd en begint per perceel de opschortende termijn van 20 kalenderdagen. Terug kan alleen per perceel, door de beslissing met een reden in te trekken; dat staat in de audittrail.',
    statement: 'Ik begrijp dat de beoordeling van deze percelen met de gunningsbeslissing vastligt',
    confirm: 'Ja, neem de gunningsbeslissing',
    missing: 'bevestig dat u begrijpt dat de beoordeling van de percelen daarmee vastligt',
  },
  lotSettingsCopy: {
    question: 'De instellingen overnemen?',
    consequence:
      'De criteria (met hun gewichten, schalen en minimumscores), de gunningsmethode met de prijsformule en de regels voor lage inschrijvingen van de gekozen percelen worden vervangen door die van het bronperceel. Wat daar nu staat gaat verloren; de audittrail bewaart het. Daarna wijzigt u elk perceel weer los.',
    statement: 'Ik begrijp dat de instellingen van de gekozen percelen worden overschreven',
    confirm: 'Ja, neem de instellingen over',
    missing: 'bevestig dat u begrijpt dat de instellingen van de gekozen percelen worden overschreven',
  },
  procedureDelete: {
    question: 'De procedure verwijderen?',
    consequence:
      'De procedure en al haar percelen worden verwijderd, met hun criteria en beoordelingspanels. Dat kan niet ongedaan worden gemaakt. De audittrail bewaart wat er was en wie het verwijderde.',
    statement: 'Ik begrijp dat de procedure met al haar percelen wordt verwijderd',
    confirm: 'Ja, verwijder de procedure',
    missing: 'bevestig dat u begrijpt dat de procedure met al haar percelen wordt verwijderd',
  },
  award: {
    question: 'Definitief gunnen?',
    consequence: 'Daarna is de aanbesteding vergrendeld: niets kan nog worden gewijzigd en de gunningsbeslissing kan niet meer worden ingetrokken.',
    statement: 'Ik begrijp dat de aanbesteding na definitief gunnen vergrendeld is en niet meer kan worden gewijzigd',
    confirm: 'Ja, gun definitief',
    missing: 'bevestig dat u begrijpt dat de aanbesteding daarna vergrendeld is',
  },
  qualityLock: {
    question: 'De kwaliteitsscores vergrendelen?',
    consequence:
      'Daarna kunnen het panel, de scores, de verzegelingen en de consensus niet meer worden gewijzigd: de prijsenveloppen worden geopend op deze kwaliteitsscores. Vergrendelen kan niet worden teruggedraaid.',
    statement: 'Ik begrijp dat de kwaliteitsscores na het vergrendelen niet meer kunnen worden gewijzigd',
    confirm: 'Ja, vergrendel de kwaliteitsscores',
    missing: 'bevestig dat u begrijpt dat de kwaliteitsscores daarna vastliggen',
  },
  priceConfirmation: {
    question: 'De opening van de prijsenveloppen bevestigen?',
    consequence:
      'Komt uw lezing overeen met de eerste invoer, dan gelden de prijzen, wordt het proces-verbaal van opening ondertekend en loopt de beoordeling op prijs. Dat kan niet worden teruggedraaid; een kennelijke verschrijving wordt daarna alleen nog gecorrigeerd met een reden.',
    statement: 'Ik heb de prijsenveloppen zelf gelezen en begrijp dat de prijzen na de bevestiging gelden',
    confirm: 'Ja, bevestig de opening',
    missing: 'bevestig dat u de prijsenveloppen zelf heeft gelezen en dat de prijzen daarna gelden',
  },
} as const satisfies Record<string, ConfirmationWords>;

/** The checkbox's name in every confirming form. */
export const CONFIRMATION_FIELD = 'bevestiging';
