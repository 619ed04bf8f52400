/**
 * @module
 * The scan for internal identifiers in text a person reads (issue 16): the vocabulary's
 * identifiers (`knownIdentifiers`) as whole tokens. Shared by the page scan
 * (tests/web/vocabulary-pages.test.ts) and the report and letter scan
 * (tests/unit/reports/report-vocabulary.test.ts), so both look for the same list.
 */
import { knownIdentifiers } from '../../src/domain/vocabulary/index.js';

const escapeRegExp = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An identifier as a whole token: `bid` in "bid B3", not in "bidder"; `tender.open` before a full stop. */
export function identifierPattern(ids: readonly string[] = knownIdentifiers()): RegExp {
  return new RegExp(
    `(?<![\\w.-])(${[...ids]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\w-]|\\.\\w)`,
    'g',
  );
}

/** The identifiers in a text, each once. */
export function leakedIdentifiers(text: string, pattern: RegExp = identifierPattern()): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1] as string))];
}
