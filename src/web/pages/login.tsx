/**
 * @module
 * `GET/POST /inloggen`, `POST /uitloggen`, `POST /organisatie`: the login form on the same
 * auth service and session cookie as `POST /api/v1/auth/login`, logging out, and choosing
 * the organisation to work for.
 */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { requireActor } from '../../http/authenticate.js';
import { clientIpOf } from '../../http/client-ip.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { safeRedirectPath } from '../../lib/safe-redirect-path.js';
import { login, logout, SESSION_COOKIE } from '../../modules/auth/auth.service.js';
import { LoginBody } from '../../modules/auth/auth.routes.js';
import { parseInput } from '../../lib/zod-errors.js';
import { ErrorSummary, SubmitButton } from '../components/alerts.js';
import { TextField } from '../components/form-field.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm } from '../forms/form-values.js';
import { landingPath, TENDERS_PAGE } from '../landing.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { ORGANISATION_COOKIE, rememberOrganisation, viewerFor, viewerOf } from '../viewer.js';

/** Where a login goes when `terug` names no page of this site. */
const AFTER_LOGIN = TENDERS_PAGE;

/**
 * The page to go back to after logging in: `terug` when it is a page of this site, the
 * tenders when it is not; undefined without `terug`, for the user's own landing page.
 */
const backOf = (terug: string | undefined): string | undefined => (terug === undefined ? undefined : safeRedirectPath(terug, AFTER_LOGIN));

const FIELDS = new Map([
  ['email', 'E-mailadres'],
  ['password', 'Wachtwoord'],
]);

function LoginPage({ email, back, errors }: { email: string; back: string | undefined; errors: FormErrors }) {
  return (
    <Layout title="Inloggen">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Inloggen</h1>
      <ErrorSummary errors={errors} title="Inloggen is niet gelukt" />
      <form method="post" action={back === undefined ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`} class="utrecht-form">
        <TextField name="email" label="E-mailadres" type="email" autocomplete="username" value={email} errors={errors} required />
        <TextField name="password" label="Wachtwoord" type="password" autocomplete="current-password" errors={errors} required />
        <SubmitButton>Inloggen</SubmitButton>
      </form>
    </Layout>
  );
}

export function loginPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.redirect(c.get('actor') ? landingPath(ctx, viewerOf(ctx, c)) : '/inloggen', 303));

  app.get('/inloggen', (c) => renderPage(c, <LoginPage email="" back={backOf(c.req.query('terug'))} errors={NO_ERRORS} />));

  app.post('/inloggen', async (c) => {
    const form = await readForm(c);
    const back = backOf(c.req.query('terug'));
    const email = form.email?.trim() ?? '';
    const password = form.password ?? '';
    const missing = [
      ...(email === '' ? [{ path: 'email', message: 'vul uw e-mailadres in' }] : []),
      ...(password === '' ? [{ path: 'password', message: 'vul uw wachtwoord in' }] : []),
    ];
    if (missing.length > 0) return renderPage(c, <LoginPage email={email} back={back} errors={mapFieldErrors(missing, FIELDS)} />, 400);
    try {
      // The same limiter as the API's login (ctx.loginLimiter): trying both does not double the tries.
      const credentials = parseInput(LoginBody, { email, password });
      const result = await login(ctx, { ...credentials, clientIp: clientIpOf(c, ctx.config) });
      setCookie(c, SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: ctx.config.cookieSecure,
        path: '/',
        maxAge: Math.floor(ctx.config.sessionAbsoluteMs / 1000),
      });
      // The organisation chosen before is kept (the cookie outlives the session), as on every page.
      return redirectAfterPost(c, back ?? landingPath(ctx, viewerFor(ctx, result.actor, getCookie(c, ORGANISATION_COOKIE))));
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid-input') {
        return renderPage(c, <LoginPage email={email} back={back} errors={mapFieldErrors(error.errors, FIELDS)} />, 400);
      }
      if (!(error instanceof AppError) || (error.code !== 'unauthenticated' && error.code !== 'rate-limited')) throw error;
      const message =
        error.code === 'rate-limited'
          ? `Te veel pogingen. Probeer het over ${error.headers['Retry-After'] ?? 'enkele'} seconden opnieuw.`
          : 'Het e-mailadres of het wachtwoord klopt niet.';
      return renderPage(c, <LoginPage email={email} back={back} errors={formError(message)} />, error.status as 401);
    }
  });

  app.post('/uitloggen', (c) => {
    const actor = c.get('actor');
    if (actor) logout(ctx, { actor });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: ctx.config.cookieSecure });
    deleteCookie(c, ORGANISATION_COOKIE, { path: '/' });
    return redirectAfterPost(c, '/inloggen');
  });

  app.post('/organisatie', async (c) => {
    requireActor(c);
    const viewer = viewerOf(ctx, c);
    const { organisationId } = await readForm(c);
    if (viewer.organisations.some((o) => o.id === organisationId) && organisationId !== undefined) {
      rememberOrganisation(c, organisationId, ctx.config.cookieSecure);
    }
    return redirectAfterPost(c, landingPath(ctx, viewerFor(ctx, viewer.actor, organisationId)));
  });

  return app;
}
