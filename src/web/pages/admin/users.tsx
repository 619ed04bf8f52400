/**
 * @module
 * `GET /beheer`: where the admin pages start. `GET /beheer/gebruikers`: the users an
 * administrator manages (`listUsers`: every account for the platform administrator, the
 * members of its organisations for an organisation's admin) and `POST /beheer/gebruikers`: a
 * new user with one role (`createUser`, the service behind `POST /api/v1/users`, checked
 * with that route's schema). More roles are set on the user's own page.
 */
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../../http/types.js';
import { AppError } from '../../../lib/app-error.js';
import { parseInput } from '../../../lib/zod-errors.js';
import { listUsers, type UserSummary } from '../../../modules/users/user-directory.service.js';
import { CreateUserBody } from '../../../modules/users/users.routes.js';
import { createUser } from '../../../modules/users/users.service.js';
import type { OrganisationView } from '../../../modules/organisations/organisations.service.js';
import { AdminFrame, TextLink } from '../../components/admin-frame.js';
import { ErrorSummary, Notice, SubmitButton } from '../../components/alerts.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { Cell, Row, Table } from '../../components/table.js';
import { mapFieldErrors, NO_ERRORS, type FormErrors } from '../../forms/form-errors.js';
import { readForm, type FormValues } from '../../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../../render.js';
import { viewerOf, type Viewer } from '../../viewer.js';
import { administeredOrganisations, organisationNames, ROLE_OPTIONS, rolesText, statusText } from './admin-data.js';

const FIELDS = new Map([
  ['name', 'Naam'],
  ['email', 'E-mailadres'],
  ['password', 'Wachtwoord'],
  ['organisationId', 'Organisatie'],
  ['role', 'Rol'],
]);

/** The one membership of the form is `memberships[0]` to the service. */
const renameMembership = (path: string) => path.replace(/^memberships\[0\]\./, '').replace(/^memberships$/, 'organisationId');

function UserTable({ users, names }: { users: UserSummary[]; names: ReadonlyMap<string, string> }) {
  if (users.length === 0) return <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen gebruikers.</p>;
  return (
    <Table caption="Gebruikers, op naam" columns={[{ label: 'Naam' }, { label: 'E-mailadres' }, { label: 'Rollen' }, { label: 'Status' }]}>
      {users.map((user) => (
        <Row>
          <Cell header>
            <TextLink href={`/beheer/gebruikers/${user.id}`}>{user.name}</TextLink>
          </Cell>
          <Cell>{user.email}</Cell>
          <Cell>{rolesText(user.memberships, names)}</Cell>
          <Cell>{statusText(user)}</Cell>
        </Row>
      ))}
    </Table>
  );
}

function NewUserForm({ organisations, values, errors }: { organisations: OrganisationView[]; values: FormValues; errors: FormErrors }) {
  return (
    <form method="post" action="/beheer/gebruikers" class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Nieuwe gebruiker</h2>
      <ErrorSummary errors={errors} title="De gebruiker is niet aangemaakt" />
      <TextField name="name" label="Naam" value={values.name} errors={errors} autocomplete="off" required />
      <TextField name="email" label="E-mailadres" type="email" value={values.email} errors={errors} autocomplete="off" required />
      <TextField
        name="password"
        label="Wachtwoord"
        type="password"
        errors={errors}
        autocomplete="new-password"
        required
        description="Minstens 12 tekens. Geef het wachtwoord zelf door; de gebruiker kan het daarna wijzigen op Mijn account."
      />
      <SelectField
        name="organisationId"
        label="Organisatie"
        value={values.organisationId}
        errors={errors}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        name="role"
        label="Rol"
        value={values.role ?? 'beoordelaar'}
        errors={errors}
        options={ROLE_OPTIONS}
        description="Meer rollen stelt u daarna in op de pagina van de gebruiker."
      />
      <SubmitButton>Gebruiker aanmaken</SubmitButton>
    </form>
  );
}

function UsersPage({
  viewer,
  users,
  organisations,
  values,
  errors,
}: {
  viewer: Viewer;
  users: UserSummary[];
  organisations: OrganisationView[];
  values: FormValues;
  errors: FormErrors;
}) {
  const names = organisationNames(viewer, organisations);
  return (
    <AdminFrame viewer={viewer} tab="gebruikers" title="Gebruikers">
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {viewer.actor.isPlatformAdmin
          ? 'Alle gebruikers. Open een gebruiker om de rollen te wijzigen, het account te blokkeren of een nieuw wachtwoord in te stellen.'
          : 'De gebruikers van de organisaties die u beheert. Een account dat ook bij een andere organisatie hoort, beheert u samen met die organisatie: dat kan alleen de platformbeheerder of een beheerder van alle organisaties van het account.'}
      </p>
      <UserTable users={users} names={names} />
      {organisations.length === 0 ? (
        <Notice>Er is nog geen organisatie; maak er eerst een aan bij Organisaties.</Notice>
      ) : (
        <NewUserForm organisations={organisations} values={values} errors={errors} />
      )}
    </AdminFrame>
  );
}

export function adminUserListPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();

  // The platform administrator starts from the organisations (there are none at first); an organisation's admin from its users.
  app.get('/beheer', (c) => {
    const viewer = viewerOf(ctx, c);
    return c.redirect(viewer.actor.isPlatformAdmin ? '/beheer/organisaties' : '/beheer/gebruikers', 303);
  });

  app.get('/beheer/gebruikers', (c) => {
    const viewer = viewerOf(ctx, c);
    const users = listUsers(ctx, { actor: viewer.actor });
    return renderPage(c, <UsersPage viewer={viewer} users={users} organisations={administeredOrganisations(ctx, viewer)} values={{}} errors={NO_ERRORS} />);
  });

  app.post('/beheer/gebruikers', async (c) => {
    const viewer = viewerOf(ctx, c);
    const values = await readForm(c);
    try {
      const input = parseInput(CreateUserBody, {
        name: values.name ?? '',
        email: (values.email ?? '').trim(),
        password: values.password ?? '',
        memberships: [{ organisationId: values.organisationId ?? '', role: values.role ?? '' }],
      });
      const created = await createUser(ctx, { actor: viewer.actor, input });
      return redirectAfterPost(c, `/beheer/gebruikers/${created.id}?aangemaakt=1`);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
      const errors = mapFieldErrors(
        error.errors.length > 0 ? error.errors : [{ path: 'email', message: error.detail ?? error.message }],
        FIELDS,
        renameMembership,
      );
      const users = listUsers(ctx, { actor: viewer.actor });
      const page = <UsersPage viewer={viewer} users={users} organisations={administeredOrganisations(ctx, viewer)} values={values} errors={errors} />;
      return renderPage(c, page, error.status as 400);
    }
  });

  return app;
}
