/**
 * @module
 * The words chosen where Dutch has two for the same thing (issue 16, docs/vocabulary.md):
 * pages, reports, letters and the command line use `use`, never what `rejected` finds. The
 * word-consistency test (tests/web/word-choices.test.ts) scans all of them with these patterns,
 * so a choice is made once, here, and holds everywhere.
 */

export type WordChoice = {
  /** The word used. */
  readonly use: string;
  /** The word not used, as docs/vocabulary.md names it. */
  readonly not: string;
  /** Finds the rejected word in any of its forms, as a whole word, case-insensitive. */
  readonly rejected: RegExp;
  /** Why this one: the law's word, or the word of the field. */
  readonly why: string;
};

export const WORD_CHOICES: readonly WordChoice[] = [
  {
    use: 'aanvaard',
    not: 'geaccepteerd',
    rejected: /\b(?:geaccepteerde?|accepte(?:er|ert|ren|erde|erden)|acceptatie)\b/giu,
    why: 'Een inschrijving of prijs wordt aanvaard (art. 2.116 Aanbestedingswet 2012 spreekt van aanvaarden en afwijzen).',
  },
  {
    use: 'motivering',
    not: 'motivatie',
    rejected: /\bmotivaties?\b/giu,
    why: 'Een besluit en een score worden gemotiveerd; motivatie is wat iemand drijft.',
  },
  {
    use: 'inburgeraar',
    not: 'leerling',
    rejected: /\bleerling(?:en)?\b/giu,
    why: 'De Wet inburgering 2021 spreekt van inburgeraars; het zijn volwassenen, geen leerlingen.',
  },
  {
    use: 'inschrijver',
    not: 'school (voor de partij in de procedure)',
    // A bid is named by its school ("Taalhuis (B2)"): the proper name stays. What is rejected is
    // the common noun for the party: "de school", "deze scholen".
    rejected: /(?<![\p{L}\p{N}])(?:de|deze|die|een|één|elke|iedere|andere|welke|geen|per)\s+(?:school|scholen)\b|\bscholen\b/giu,
    why: 'De Aanbestedingswet 2012 spreekt van de inschrijver; een inschrijving heet naar haar school, "School (B2)".',
  },
  {
    use: 'envelop',
    not: 'enveloppe',
    // Both spellings are correct Dutch; the plural (enveloppen) is the same for both.
    rejected: /\b(?:prijs|kwaliteits)?enveloppe\b/giu,
    why: 'Eén spelling voor de prijsenvelop en de kwaliteitsenvelop; envelop is de voorkeursspelling van het Groene Boekje.',
  },
  {
    use: 'sjabloon',
    not: 'template',
    // A file path (`templates/tenders/b1-route.json`) and an API field (`template`) are names, not words: a slash or a quote beside it keeps it.
    rejected: /(?<![/`"'.\w-])templates?(?![/`"'.\w-])/giu,
    why: 'Een aanbesteding begint bij een sjabloon, het Nederlandse woord; template is Engels.',
  },
];

/** The rejected words found in a text, each as "gevonden → te gebruiken", once. */
export function rejectedWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const choice of WORD_CHOICES) {
    for (const match of text.matchAll(choice.rejected)) found.add(`${match[0].toLowerCase()} → ${choice.use}`);
  }
  return [...found];
}
