/**
 * @module
 * `/mijn-account`: the caller's own account, for every logged-in user: its roles, changing its
 * password with the current one (`changePassword`, `POST /api/v1/auth/password`), and its
 * bearer tokens for scripts: listing (`listApiTokens`), making one, shown this once
 * (`issueApiToken`), and revoking one (`revokeApiToken`), as the API's own routes do.
 */
import { Hono, type Context } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import { clientIpOf } from '../../http/client-ip.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { issueApiToken, listApiTokens, revokeApiToken, type IssuedToken, type TokenSummary } from '../../modules/auth/api-tokens.service.js';
import { PasswordChangeBody, TokenBody } from '../../modules/auth/auth.routes.js';
import { changePassword } from '../../modules/auth/password-change.service.js';
import { ErrorSummary, Notice, SubmitButton } from '../components/alerts.js';
import { DataList } from '../components/data-list.js';
import { TextField } from '../components/form-field.js';
import { Cell, Row, Table } from '../components/table.js';
import { formatInstantDate, formatInstantDateTime } from '../format.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { Layout } from '../layout.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { ROLE_NAMES, viewerOf, type Viewer } from '../viewer.js';

type Forms = { password?: FormErrors; token?: { values: FormValues; errors: FormErrors }; revoke?: FormErrors };

const PASSWORD_FIELDS = new Map([
  ['currentPassword', 'Huidig wachtwoord'],
  ['newPassword', 'Nieuw wachtwoord'],
]);

function TokenTable({ tokens, now, errors }: { tokens: TokenSummary[]; now: number; errors: FormErrors }) {
  if (tokens.length === 0) return <p class="utrecht-paragraph utrecht-paragraph--distanced">U heeft geen tokens.</p>;
  return (
    <>
      <ErrorSummary errors={errors} title="Het token is niet ingetrokken" />
      <Table
        caption="Uw tokens, oudste eerst"
        columns={[{ label: 'Naam' }, { label: 'Aangemaakt' }, { label: 'Verloopt' }, { label: 'Laatst gebruikt' }, { label: 'Intrekken' }]}
      >
        {tokens.map((token) => (
          <Row>
            <Cell header>{token.name}</Cell>
            <Cell date>{formatInstantDate(token.createdAt)}</Cell>
            <Cell>{Date.parse(token.expiresAt) <= now ? `verlopen op ${formatInstantDate(token.expiresAt)}` : formatInstantDate(token.expiresAt)}</Cell>
            <Cell>{token.lastUsedAt === null ? 'nooit' : formatInstantDateTime(token.lastUsedAt)}</Cell>
            <Cell>
              <form method="post" action={`/mijn-account/tokens/${token.id}/intrekken`}>
                <SubmitButton kind="secondary-action">{`Token ${token.name} intrekken`}</SubmitButton>
              </form>
            </Cell>
          </Row>
        ))}
      </Table>
    </>
  );
}

function AccountPage({
  viewer,
  tokens,
  now,
  issued,
  notice,
  forms,
}: {
  viewer: Viewer;
  tokens: TokenSummary[];
  now: number;
  issued: IssuedToken | undefined;
  notice: string | undefined;
  forms: Forms;
}) {
  const { actor } = viewer;
  const names = new Map(viewer.organisations.map((o) => [o.id, o.name]));
  const roles = actor.memberships
    .map((m) => `${ROLE_NAMES[m.role]} bij ${names.get(m.organisationId) ?? m.organisationId}`)
    .sort((a, b) => a.localeCompare(b, 'nl'));
  const passwordErrors = forms.password ?? NO_ERRORS;
  const tokenErrors = forms.token?.errors ?? NO_ERRORS;
  return (
    <Layout title="Mijn account" viewer={viewer} nav="account">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">Mijn account</h1>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      <DataList
        rows={[
          ['Naam', actor.name],
          ['E-mailadres', actor.email],
          ['Rollen', actor.isPlatformAdmin ? ['platformbeheerder', ...roles].join(', ') : roles.join(', ') || 'geen'],
        ]}
      />

      <form method="post" action="/mijn-account/wachtwoord" class="utrecht-form">
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Wachtwoord wijzigen</h2>
        <ErrorSummary errors={passwordErrors} title="Het wachtwoord is niet gewijzigd" />
        <TextField name="currentPassword" label="Huidig wachtwoord" type="password" autocomplete="current-password" errors={passwordErrors} required />
        <TextField
          name="newPassword"
          label="Nieuw wachtwoord"
          type="password"
          autocomplete="new-password"
          errors={passwordErrors}
          required
          description="Minstens 12 tekens; lengte maakt een wachtwoord sterk. Uw andere sessies en al uw tokens worden beëindigd; deze sessie blijft."
        />
        <SubmitButton>Wachtwoord wijzigen</SubmitButton>
      </form>

      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Tokens voor scripts</h2>
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Met een token roept een script de API aan (Authorization: Bearer ...), 90 dagen lang. Trek een token in dat u niet meer gebruikt of dat anderen kunnen
        kennen.
      </p>
      {issued === undefined ? null : (
        <Notice kind="ok">
          Uw nieuwe token {issued.name} (geldig tot {formatInstantDate(issued.expiresAt)}). Kopieer het nu: het wordt niet nog eens getoond.{' '}
          <code id="nieuw-token">{issued.token}</code>
        </Notice>
      )}
      <TokenTable tokens={tokens} now={now} errors={forms.revoke ?? NO_ERRORS} />
      <form method="post" action="/mijn-account/tokens" class="utrecht-form">
        <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Nieuw token</h3>
        <ErrorSummary errors={tokenErrors} title="Het token is niet gemaakt" />
        <TextField
          name="name"
          label="Naam van het token"
          value={forms.token?.values.name}
          errors={tokenErrors}
          description="Waarvoor het is, bijvoorbeeld: export naar de administratie"
        />
        <SubmitButton kind="secondary-action">Token maken</SubmitButton>
      </form>
    </Layout>
  );
}

const NOTICES: Record<string, string> = {
  wachtwoord: 'Uw wachtwoord is gewijzigd. Uw andere sessies en al uw tokens zijn beëindigd.',
  ingetrokken: 'Het token is ingetrokken; het werkt niet meer.',
};

export function accountPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (
    c: Context<AppEnv>,
    { forms = {}, issued, notice, status = 200 }: { forms?: Forms; issued?: IssuedToken; notice?: string; status?: 200 | 201 | 400 | 404 | 409 | 429 },
  ) => {
    const viewer = viewerOf(ctx, c);
    const page = (
      <AccountPage
        viewer={viewer}
        tokens={listApiTokens(ctx, { actor: viewer.actor })}
        now={ctx.clock().getTime()}
        issued={issued}
        notice={notice}
        forms={forms}
      />
    );
    return renderPage(c, page, status);
  };

  app.get('/mijn-account', (c) => render(c, { notice: NOTICES[c.req.query('gedaan') ?? ''] }));

  app.post('/mijn-account/wachtwoord', async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      const input = parseInput(PasswordChangeBody, { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
      await changePassword(ctx, { actor, ...input, clientIp: clientIpOf(c, ctx.config) });
      return redirectAfterPost(c, '/mijn-account?gedaan=wachtwoord');
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict', 'rate-limited'].includes(error.code)) throw error;
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, PASSWORD_FIELDS) : formError(error.detail ?? error.message);
      return render(c, { forms: { password: errors }, status: error.status as 400 });
    }
  });

  app.post('/mijn-account/tokens', async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    try {
      const { name } = parseInput(TokenBody, { name: values.name ?? '' });
      // Shown in this answer only (no redirect): the secret is never stored, so no later page could show it.
      return render(c, { issued: issueApiToken(ctx, { actor, name }), status: 201 });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
      return render(c, { forms: { token: { values, errors: mapFieldErrors(error.errors, new Map([['name', 'Naam van het token']])) } }, status: 400 });
    }
  });

  app.post('/mijn-account/tokens/:tokenId/intrekken', (c) => {
    try {
      revokeApiToken(ctx, { actor: requireActor(c), tokenId: c.req.param('tokenId') });
      return redirectAfterPost(c, '/mijn-account?gedaan=ingetrokken');
    } catch (error) {
      // Another user's token is not found, as an unknown one (api-tokens.service.ts).
      if (!(error instanceof AppError) || error.code !== 'not-found') throw error;
      return render(c, { forms: { revoke: formError('Dit token bestaat niet (meer).') }, status: 404 });
    }
  });

  return app;
}
