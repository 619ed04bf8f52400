/**
 * @module
 * Errors on pages. The services throw the same `AppError`s as for the API; here they become
 * a Dutch page with the same status, except "not logged in", which sends the browser to the
 * login form and back to where it was going afterwards.
 */
import type { Context } from 'hono';
import { toAppError } from '../http/problem.js';
import type { AppEnv } from '../http/types.js';
import type { ErrorCode } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';
import { Layout } from './layout.js';
import { renderPage } from './render.js';

const TITLES: Record<ErrorCode, string> = {
  'invalid-input': 'De invoer klopt niet',
  'malformed-json': 'Onleesbaar verzoek',
  unauthenticated: 'Niet ingelogd',
  forbidden: 'Geen toegang',
  'csrf-rejected': 'Verzoek van een andere website geweigerd',
  'not-found': 'Niet gevonden',
  'method-not-allowed': 'Deze handeling kan hier niet',
  conflict: 'Dat kan nu niet',
  'tender-locked': 'De aanbesteding staat dit niet meer toe',
  'payload-too-large': 'Het bestand is te groot',
  'unsupported-media-type': 'Dit soort bestand wordt niet ondersteund',
  'rate-limited': 'Te veel pogingen',
  internal: 'Er ging iets mis',
  unavailable: 'Tijdelijk niet beschikbaar',
};

export function createPageErrorHandler(logger: Logger) {
  return async (error: unknown, c: Context<AppEnv>): Promise<Response> => {
    const appError = toAppError(error);
    if (appError.code === 'unauthenticated') {
      const back = c.req.method === 'GET' ? c.req.path : undefined;
      return c.redirect(back === undefined ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`, 303);
    }
    // 'unavailable' is expected and logged where it arises; only the unexpected is an error here.
    if (appError.code === 'internal') {
      logger.error('onverwachte fout op een pagina', {
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    const actor = c.get('actor');
    const title = TITLES[appError.code];
    // An unexpected error never shows the underlying message (problem.ts does the same for the API).
    const detail = appError.code === 'internal' ? 'Probeer het later opnieuw; de fout is vastgelegd.' : appError.detail;
    return renderPage(
      c,
      <Layout title={title}>
        <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">{title}</h1>
        {detail === undefined ? null : <p class="utrecht-paragraph utrecht-paragraph--distanced">{detail}</p>}
        {appError.errors.length === 0 ? null : (
          <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
            {appError.errors.map((e) => (
              <li class="utrecht-unordered-list__item">
                {e.path}: {e.message}
              </li>
            ))}
          </ul>
        )}
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          <a class="utrecht-link utrecht-link--html-a" href={actor ? '/aanbestedingen' : '/inloggen'}>
            {actor ? 'Naar de aanbestedingen' : 'Naar inloggen'}
          </a>
        </p>
      </Layout>,
      appError.status as 400,
    );
  };
}
