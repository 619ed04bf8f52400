/**
 * @module
 * Sources from other countries behind the low-bid rules and presets (issue 16): a Dutch
 * reader meets "ProZorro" or "Aufgreifschwelle" only together with what it is. Each source has
 * the Dutch words that name it and a pattern that must be near every mention (in the same
 * phrase) in pages and reports; `foreignTermsWithoutExplanation` is the check the vocabulary
 * tests run over nl.json, the vocabulary and every demo page.
 */

export type ForeignSource = {
  /** The foreign term as it is found in a text. */
  readonly term: RegExp;
  /** How the pages and reports name it, in Dutch. */
  readonly named: string;
  /** What must be said near each mention: the country and what kind of source it is. */
  readonly explained: RegExp;
};

export const FOREIGN_SOURCES: readonly ForeignSource[] = [
  {
    term: /ProZorro/gu,
    named: 'ProZorro (het openbare aanbestedingssysteem van Oekraïne)',
    explained: /Oekraï\p{L}*[^.;]*aanbestedingssysteem|aanbestedingssysteem[^.;]*Oekraï/u,
  },
  {
    term: /Aufgreifschwelle/gu,
    named: 'de Duitse onderzoeksdrempel (Aufgreifschwelle)',
    explained: /Duits\p{L}*[^.;]*drempel|drempel[^.;]*Duits/u,
  },
  {
    // The Belgian Royal Decree: named in full, never as the bare abbreviation "KB".
    term: /\bKB\b|Koninklijk Besluit/gu,
    named: 'het Belgische Koninklijk Besluit van 18 april 2017 (uitvoeringsregels overheidsopdrachten), art. 36',
    explained: /Belgi\p{L}*[^.;]*Koninklijk Besluit|Koninklijk Besluit[^.;]*Belgi/u,
  },
];

/** How far around a mention its explanation may stand: the phrase it is in. */
const NEAR = 160;

/** Each mention of a foreign source without its Dutch explanation nearby, with its context. */
export function foreignTermsWithoutExplanation(text: string): string[] {
  const problems: string[] = [];
  for (const source of FOREIGN_SOURCES) {
    for (const match of text.matchAll(source.term)) {
      const at = match.index ?? 0;
      const around = text.slice(Math.max(0, at - NEAR), at + match[0].length + NEAR);
      if (match[0] === 'KB' || !source.explained.test(around)) problems.push(`${match[0]}: "${text.slice(Math.max(0, at - 40), at + 60)}"`);
    }
  }
  return problems;
}
