/**
 * @module
 * Zod issues as `FieldError`s. An unknown key is reported at its own path (`award.extra`)
 * rather than at the object holding it, so a client can point at the offending field.
 */
import './zod-locale.js';
import type * as z from 'zod';
import { formatFieldPath, prefixFieldPath } from './field-path.js';
import { AppError, type FieldError } from './app-error.js';

/**
 * @example zodIssuesToFieldErrors(result.error.issues) // [{ path: 'bids[0].price', message: '...' }]
 */
export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const base = formatFieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ path: prefixFieldPath(prefix, prefixFieldPath(base, key)), message: 'onbekend veld' });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest rather than "invalid input" at the union.
      const best = [...issue.errors].sort((a, b) => deepestPath(b) - deepestPath(a))[0] ?? [];
      const nested = zodIssuesToFieldErrors(
        best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
        prefix,
      );
      if (nested.length > 0) {
        errors.push(...nested);
        continue;
      }
    }
    errors.push({ path: prefixFieldPath(prefix, base), message: issue.message });
  }
  return errors;
}

function deepestPath(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

/**
 * Checks `input` with a route's own body schema where no route runs it (a page's form calls
 * the service directly), failing as the route would: `invalid-input` with field paths.
 * @example declareConflictOfInterest(ctx, { actor, access, input: parseInput(DeclarationBody, { noConflict, remarks }) })
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('invalid-input', { detail: 'Het formulier is niet goed ingevuld.', errors: zodIssuesToFieldErrors(result.error.issues) });
}
