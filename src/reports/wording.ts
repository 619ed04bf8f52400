/**
 * @module
 * The Dutch wording of the reports, kept in `templates/reports/nl.json` so that a jurist can
 * change a sentence without reading code. Sentences hold `{name}` placeholders.
 */
import nl from '../../templates/reports/nl.json' with { type: 'json' };

export type Wording = typeof nl;

export const wording: Wording = nl;

/**
 * Fills the `{name}` placeholders of a sentence. A placeholder without a value is a mistake in
 * the wording or the code, so it throws rather than print a half sentence in a signed report.
 * @example fill('pagina {page} van {pages}', { page: 1, pages: 3 }) // "pagina 1 van 3"
 */
export function fill(sentence: string, values: Record<string, string | number>): string {
  return sentence.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`rapporttekst mist een waarde voor {${name}}: ${sentence}`);
    return String(value);
  });
}
