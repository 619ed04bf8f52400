/**
 * @module
 * `/beheer/gebruikers/:id`: one user for an administrator (`getUser`: 404 for a user of
 * another organisation), with what the administrator may do to the account, each through the
 * service behind its API route:
 * - `POST .../rollen`: the roles (`setMemberships`, `PUT /api/v1/users/:id/memberships`);
 * - `POST .../blokkeren` and `.../vrijgeven` (`disableUser`, `enableUser`);
 * - `POST .../wachtwoord`: a new password (`resetPassword`, `POST /api/v1/users/:id/password`).
 * A refusal (the caller's own account, a panel member made inkoper) comes back on the page.
 */
import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv, Membership } from '../../../http/types.js';
import { AppError, type FieldError } from '../../../lib/app-error.js';
import { parseInput } from '../../../lib/zod-errors.js';
import type { OrganisationView } from '../../../modules/organisations/organisations.service.js';
import { resetPassword } from '../../../modules/users/password-reset.service.js';
import { getUser, type UserSummary } from '../../../modules/users/user-directory.service.js';
import { ResetPasswordBody, SetMembershipsBody } from '../../../modules/users/user-roles.routes.js';
import { setMemberships } from '../../../modules/users/user-roles.service.js';
import { disableUser, enableUser } from '../../../modules/users/user-status.service.js';
import { AdminFrame, TextLink } from '../../components/admin-frame.js';
import { ErrorSummary, Notice, SubmitButton } from '../../components/alerts.js';
import { DataList } from '../../components/data-list.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../../forms/form-errors.js';
import { readForm, type FormValues } from '../../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../../render.js';
import { viewerOf, type Viewer } from '../../viewer.js';
import { administeredOrganisations, organisationNames, ROLE_OPTIONS, rolesText, statusText } from './admin-data.js';

type Forms = { roles?: { values: FormValues; errors: FormErrors }; status?: FormErrors; password?: FormErrors };

const NO_ROLE = { value: '', label: 'geen rol (weghalen)' };
const NEW_ROW = 'nieuw';

/** The role fields: one per membership the user has (`rol.<organisation id>`), one to add (`nieuw.organisationId`, `nieuw.role`). */
function rolesFormValues(user: UserSummary): FormValues {
  return Object.fromEntries(user.memberships.map((m) => [`rol.${m.organisationId}`, m.role]));
}

/**
 * The memberships the form asks for, and for each the field its errors belong to: the service
 * names `memberships[1].role`, the form `rol.<organisation id>`.
 */
function membershipsFromForm(user: UserSummary, values: FormValues): { memberships: Membership[]; fieldOf: string[] } {
  const memberships: Membership[] = [];
  const fieldOf: string[] = [];
  for (const current of user.memberships) {
    const role = values[`rol.${current.organisationId}`] ?? '';
    if (role === '') continue;
    memberships.push({ organisationId: current.organisationId, role: role as Membership['role'] });
    fieldOf.push(`rol.${current.organisationId}`);
  }
  const added = values[`${NEW_ROW}.organisationId`] ?? '';
  if (added !== '') {
    memberships.push({ organisationId: added, role: (values[`${NEW_ROW}.role`] ?? '') as Membership['role'] });
    fieldOf.push(NEW_ROW);
  }
  return { memberships, fieldOf };
}

function roleFieldLabels(user: UserSummary, names: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([
    ...user.memberships.map((m) => [`rol.${m.organisationId}`, `Rol bij ${names.get(m.organisationId) ?? m.organisationId}`] as const),
    [`${NEW_ROW}.organisationId`, 'Nieuwe rol: organisatie'],
    [`${NEW_ROW}.role`, 'Nieuwe rol: rol'],
  ]);
}

function RolesForm({
  user,
  organisations,
  names,
  values,
  errors,
}: {
  user: UserSummary;
  organisations: OrganisationView[];
  names: ReadonlyMap<string, string>;
  values: FormValues;
  errors: FormErrors;
}) {
  const free = organisations.filter((o) => !user.memberships.some((m) => m.organisationId === o.id));
  return (
    <form method="post" action={`/beheer/gebruikers/${user.id}/rollen`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Rollen</h2>
      <ErrorSummary errors={errors} title="De rollen zijn niet gewijzigd" />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        Eén rol per organisatie. Wie in het beoordelingspanel zit van een aanbesteding die nog niet is gegund, kan daar geen inkoper of auditor worden. Een
        account zonder rollen blokkeert u in plaats daarvan.
      </p>
      {user.memberships.map((m) => (
        <SelectField
          name={`rol.${m.organisationId}`}
          label={`Rol bij ${names.get(m.organisationId) ?? m.organisationId}`}
          value={values[`rol.${m.organisationId}`]}
          errors={errors}
          options={[...ROLE_OPTIONS, NO_ROLE]}
        />
      ))}
      {free.length === 0 ? null : (
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Rol toevoegen (niet verplicht)</legend>
          <SelectField
            name={`${NEW_ROW}.organisationId`}
            label="Organisatie"
            value={values[`${NEW_ROW}.organisationId`] ?? ''}
            errors={errors}
            options={[{ value: '', label: 'geen' }, ...free.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <SelectField name={`${NEW_ROW}.role`} label="Rol" value={values[`${NEW_ROW}.role`] ?? 'beoordelaar'} errors={errors} options={ROLE_OPTIONS} />
        </fieldset>
      )}
      <SubmitButton>Rollen opslaan</SubmitButton>
    </form>
  );
}

function StatusForm({ user, errors }: { user: UserSummary; errors: FormErrors }) {
  const disabled = user.disabledAt !== null;
  return (
    <form method="post" action={`/beheer/gebruikers/${user.id}/${disabled ? 'vrijgeven' : 'blokkeren'}`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">{disabled ? 'Account vrijgeven' : 'Account blokkeren'}</h2>
      <ErrorSummary errors={errors} title={disabled ? 'Het account is niet vrijgegeven' : 'Het account is niet geblokkeerd'} />
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {disabled
          ? 'Na het vrijgeven kan de gebruiker weer inloggen. Zijn oude sessies en tokens blijven beëindigd.'
          : 'Blokkeren beëindigt meteen alle sessies en tokens van de gebruiker; inloggen kan pas weer als een beheerder het account vrijgeeft.'}
      </p>
      <SubmitButton kind={disabled ? 'primary-action' : 'secondary-action'}>{disabled ? 'Account vrijgeven' : 'Account blokkeren'}</SubmitButton>
    </form>
  );
}

function PasswordForm({ user, errors }: { user: UserSummary; errors: FormErrors }) {
  return (
    <form method="post" action={`/beheer/gebruikers/${user.id}/wachtwoord`} class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Nieuw wachtwoord instellen</h2>
      <ErrorSummary errors={errors} title="Het wachtwoord is niet ingesteld" />
      <TextField
        name="newPassword"
        label="Nieuw wachtwoord"
        type="password"
        autocomplete="new-password"
        errors={errors}
        description="Minstens 12 tekens. Alle sessies en tokens van de gebruiker worden beëindigd. Geef het wachtwoord zelf door; de gebruiker wijzigt het daarna op Mijn account."
      />
      <SubmitButton kind="secondary-action">Wachtwoord instellen</SubmitButton>
    </form>
  );
}

function UserPage({
  viewer,
  user,
  organisations,
  notice,
  forms,
}: {
  viewer: Viewer;
  user: UserSummary;
  organisations: OrganisationView[];
  notice: string | undefined;
  forms: Forms;
}) {
  const names = organisationNames(viewer, organisations);
  const self = user.id === viewer.actor.userId;
  return (
    <AdminFrame viewer={viewer} tab="gebruikers" title={`Gebruiker ${user.name}`}>
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {/* Without its forms (a refusal of a forged post on one's own account), the refusal still shows. */}
      {user.mayManage ? null : <ErrorSummary errors={forms.roles?.errors ?? forms.status ?? forms.password ?? NO_ERRORS} title="Dat kan niet" />}
      <DataList
        rows={[
          ['Naam', user.name],
          ['E-mailadres', user.email],
          ['Rollen', rolesText(user.memberships, names)],
          ['Status', statusText(user)],
        ]}
      />
      {user.mayManage ? (
        <>
          <RolesForm
            user={user}
            organisations={organisations}
            names={names}
            values={forms.roles?.values ?? rolesFormValues(user)}
            errors={forms.roles?.errors ?? NO_ERRORS}
          />
          <StatusForm user={user} errors={forms.status ?? NO_ERRORS} />
          <PasswordForm user={user} errors={forms.password ?? NO_ERRORS} />
        </>
      ) : (
        <Notice>
          {self ? (
            <>
              Dit bent u zelf. Uw wachtwoord en tokens beheert u op <TextLink href="/mijn-account">Mijn account</TextLink>; uw rollen en uw account beheert een
              andere beheerder.
            </>
          ) : (
            'Dit account hoort ook bij een organisatie die u niet beheert. Alleen de platformbeheerder of een beheerder van al zijn organisaties kan het beheren.'
          )}
        </Notice>
      )}
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        <TextLink href="/beheer/gebruikers">Terug naar de gebruikers</TextLink>
      </p>
    </AdminFrame>
  );
}

/** A refusal the page shows at its form: wrong input, a state that forbids it (409), or a role that may not (403). */
function refusal(error: unknown): AppError {
  if (error instanceof AppError && (error.code === 'invalid-input' || error.code === 'conflict' || error.code === 'forbidden')) return error;
  throw error;
}

export function adminUserPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, forms: Forms, status: 200 | 400 | 403 | 409 = 200, notice?: string) => {
    const viewer = viewerOf(ctx, c);
    const user = getUser(ctx, { actor: viewer.actor, userId: c.req.param('id') ?? '' });
    return renderPage(c, <UserPage viewer={viewer} user={user} organisations={administeredOrganisations(ctx, viewer)} notice={notice} forms={forms} />, status);
  };
  const done = (c: Context<AppEnv>, what: string) => redirectAfterPost(c, `/beheer/gebruikers/${c.req.param('id') ?? ''}?gedaan=${what}`);
  const NOTICES: Record<string, string> = {
    aangemaakt: 'De gebruiker is aangemaakt.',
    rollen: 'De rollen zijn opgeslagen.',
    geblokkeerd: 'Het account is geblokkeerd; alle sessies en tokens zijn beëindigd.',
    vrijgegeven: 'Het account is vrijgegeven; de gebruiker kan weer inloggen.',
    wachtwoord: 'Het nieuwe wachtwoord is ingesteld; alle sessies en tokens van de gebruiker zijn beëindigd. Geef het wachtwoord zelf aan de gebruiker door.',
  };

  app.get('/beheer/gebruikers/:id', (c) => {
    const what = c.req.query('aangemaakt') !== undefined ? 'aangemaakt' : (c.req.query('gedaan') ?? '');
    return render(c, {}, 200, NOTICES[what]);
  });

  app.post('/beheer/gebruikers/:id/rollen', async (c) => {
    const viewer = viewerOf(ctx, c);
    const user = getUser(ctx, { actor: viewer.actor, userId: c.req.param('id') });
    const values = await readForm(c);
    const { memberships, fieldOf } = membershipsFromForm(user, values);
    // `memberships[2].role` -> the field of the third role sent; an organisation's error -> its own field.
    const rename = (path: string) =>
      path.replace(/^memberships\[(\d+)\](\.organisationId|\.role)?/, (whole, index: string, part: string | undefined) => {
        const field = fieldOf[Number(index)];
        if (field === undefined) return whole;
        return field === NEW_ROW ? `${NEW_ROW}${part ?? '.organisationId'}` : field;
      });
    try {
      setMemberships(ctx, { actor: viewer.actor, userId: user.id, memberships: parseInput(SetMembershipsBody, { memberships }).memberships });
      return done(c, 'rollen');
    } catch (error) {
      const e = refusal(error);
      const names = organisationNames(viewer, administeredOrganisations(ctx, viewer));
      // No role left is the schema's `memberships` (at least one): no field of the form says it.
      const errors: FieldError[] = e.errors.map((x) =>
        x.path === 'memberships' ? { path: 'Rollen', message: 'kies minstens één rol; een account zonder rollen blokkeert u in plaats daarvan' } : x,
      );
      const summary = errors.length > 0 ? mapFieldErrors(errors, roleFieldLabels(user, names), rename) : formError(e.detail ?? e.message);
      // A 409 names the reason in full (the person, the tender): shown above the fields it concerns.
      const withDetail =
        e.code === 'conflict' && e.detail !== undefined
          ? { ...summary, summary: [{ fieldId: undefined, label: 'Let op', message: e.detail }, ...summary.summary] }
          : summary;
      return render(c, { roles: { values, errors: withDetail } }, e.status as 400);
    }
  });

  app.post('/beheer/gebruikers/:id/blokkeren', (c) => {
    const viewer = viewerOf(ctx, c);
    try {
      disableUser(ctx, { actor: viewer.actor, userId: c.req.param('id') });
      return done(c, 'geblokkeerd');
    } catch (error) {
      const e = refusal(error);
      return render(c, { status: formError(e.detail ?? e.message) }, e.status as 409);
    }
  });

  app.post('/beheer/gebruikers/:id/vrijgeven', (c) => {
    const viewer = viewerOf(ctx, c);
    try {
      enableUser(ctx, { actor: viewer.actor, userId: c.req.param('id') });
      return done(c, 'vrijgegeven');
    } catch (error) {
      const e = refusal(error);
      return render(c, { status: formError(e.detail ?? e.message) }, e.status as 409);
    }
  });

  app.post('/beheer/gebruikers/:id/wachtwoord', async (c) => {
    const viewer = viewerOf(ctx, c);
    const values = await readForm(c);
    try {
      const { newPassword } = parseInput(ResetPasswordBody, { newPassword: values.newPassword ?? '' });
      await resetPassword(ctx, { actor: viewer.actor, userId: c.req.param('id'), newPassword });
      return done(c, 'wachtwoord');
    } catch (error) {
      const e = refusal(error);
      const errors = e.errors.length > 0 ? mapFieldErrors(e.errors, new Map([['newPassword', 'Nieuw wachtwoord']])) : formError(e.detail ?? e.message);
      return render(c, { password: errors }, e.status as 400);
    }
  });

  return app;
}
