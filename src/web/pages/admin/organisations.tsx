/**
 * @module
 * `/beheer/organisaties`: the organisations an administrator administers (`listOrganisations`:
 * every one for the platform administrator), and for the platform administrator a new
 * organisation (`POST /beheer/organisaties`, `createOrganisation`) and a gemeente joining a
 * regio (`POST /beheer/organisaties/:id/leden`, `addRegionMember`), each through the service
 * and the schema of its API route.
 */
import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../../../http/types.js';
import { AppError } from '../../../lib/app-error.js';
import { parseInput } from '../../../lib/zod-errors.js';
import { AddMemberBody, CreateOrganisationBody } from '../../../modules/organisations/organisations.routes.js';
import { addRegionMember, createOrganisation, listOrganisations, type OrganisationView } from '../../../modules/organisations/organisations.service.js';
import { AdminFrame } from '../../components/admin-frame.js';
import { ErrorSummary, Notice, SubmitButton } from '../../components/alerts.js';
import { CheckboxField, SelectField, TextField } from '../../components/form-field.js';
import { Cell, Row, Table } from '../../components/table.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../../forms/form-errors.js';
import { readForm, type FormValues } from '../../forms/form-values.js';
import { redirectAfterPost, renderPage } from '../../render.js';
import { viewerOf, type Viewer } from '../../viewer.js';
import { KIND_NAMES } from './admin-data.js';

type Forms = { create?: { values: FormValues; errors: FormErrors }; member?: { regionId: string; values: FormValues; errors: FormErrors } };

const CREATE_FIELDS = new Map([
  ['name', 'Naam'],
  ['kind', 'Soort'],
  ['memberIds', 'Leden'],
]);

/** A member checkbox per gemeente, named `lid.<id>`; the service's `memberIds[2]` is the third one ticked. */
const memberField = (id: string) => `lid.${id}`;

function OrganisationTable({ organisations }: { organisations: OrganisationView[] }) {
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return (
    <Table caption="Organisaties, op naam" columns={[{ label: 'Naam' }, { label: 'Soort' }, { label: 'Leden' }]}>
      {organisations.map((o) => (
        <Row>
          <Cell header>{o.name}</Cell>
          <Cell>{KIND_NAMES[o.kind]}</Cell>
          <Cell>
            {o.kind === 'regio'
              ? o.memberIds
                  .map((id) => names.get(id) ?? id)
                  .sort((a, b) => a.localeCompare(b, 'nl'))
                  .join(', ') || 'nog geen'
              : '-'}
          </Cell>
        </Row>
      ))}
    </Table>
  );
}

function NewOrganisationForm({ gemeenten, values, errors }: { gemeenten: OrganisationView[]; values: FormValues; errors: FormErrors }) {
  return (
    <form method="post" action="/beheer/organisaties" class="utrecht-form">
      <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Nieuwe organisatie</h2>
      <ErrorSummary errors={errors} title="De organisatie is niet aangemaakt" />
      <TextField name="name" label="Naam" value={values.name} errors={errors} description="Bijvoorbeeld Gemeente Kampen of Regio IJsselland" required />
      <SelectField
        name="kind"
        label="Soort"
        value={values.kind ?? 'gemeente'}
        errors={errors}
        options={[
          { value: 'gemeente', label: 'gemeente' },
          { value: 'regio', label: 'regio (een samenwerking van gemeenten)' },
        ]}
      />
      {gemeenten.length === 0 ? null : (
        <fieldset id="veld-memberIds" class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Leden (alleen voor een regio)</legend>
          {gemeenten.map((g) => (
            <CheckboxField name={memberField(g.id)} label={g.name} errors={errors} checked={values[memberField(g.id)] === 'ja'} />
          ))}
        </fieldset>
      )}
      <SubmitButton>Organisatie aanmaken</SubmitButton>
    </form>
  );
}

function AddMemberForm({ region, gemeenten, forms }: { region: OrganisationView; gemeenten: OrganisationView[]; forms: Forms }) {
  const candidates = gemeenten.filter((g) => !region.memberIds.includes(g.id));
  const mine = forms.member?.regionId === region.id ? forms.member : undefined;
  const errors = mine?.errors ?? NO_ERRORS;
  const id = `veld-memberId-${region.id}`;
  return (
    <form method="post" action={`/beheer/organisaties/${region.id}/leden`} class="utrecht-form">
      <h3 class="utrecht-heading-3 utrecht-heading-3--distanced">Gemeente toevoegen aan {region.name}</h3>
      <ErrorSummary errors={errors} title={`De gemeente is niet toegevoegd aan ${region.name}`} />
      <SelectField
        id={id}
        name="memberId"
        label="Gemeente"
        value={mine?.values.memberId}
        errors={errors}
        options={candidates.map((g) => ({ value: g.id, label: g.name }))}
        description="Haar inkopers, auditors en beoordelaars tellen daarna mee voor de aanbestedingen van de regio."
      />
      <SubmitButton kind="secondary-action">{`Toevoegen aan ${region.name}`}</SubmitButton>
    </form>
  );
}

function OrganisationsPage({
  viewer,
  organisations,
  notice,
  forms,
}: {
  viewer: Viewer;
  organisations: OrganisationView[];
  notice: string | undefined;
  forms: Forms;
}) {
  const gemeenten = organisations.filter((o) => o.kind === 'gemeente');
  // The regios a gemeente can still join.
  const open = organisations.filter((o) => o.kind === 'regio' && gemeenten.some((g) => !o.memberIds.includes(g.id)));
  return (
    <AdminFrame viewer={viewer} tab="organisaties" title="Organisaties">
      {notice === undefined ? null : <Notice kind="ok">{notice}</Notice>}
      {organisations.length === 0 ? (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Er zijn nog geen organisaties.</p>
      ) : (
        <OrganisationTable organisations={organisations} />
      )}
      {viewer.actor.isPlatformAdmin ? (
        <>
          <NewOrganisationForm gemeenten={gemeenten} values={forms.create?.values ?? {}} errors={forms.create?.errors ?? NO_ERRORS} />
          {open.length === 0 ? null : <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">Leden van een regio</h2>}
          {open.map((region) => (
            <AddMemberForm region={region} gemeenten={gemeenten} forms={forms} />
          ))}
        </>
      ) : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">Organisaties en de leden van een regio beheert de platformbeheerder.</p>
      )}
    </AdminFrame>
  );
}

function refusal(error: unknown): AppError {
  if (error instanceof AppError && (error.code === 'invalid-input' || error.code === 'conflict')) return error;
  throw error;
}

export function adminOrganisationPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  const render = (c: Context<AppEnv>, forms: Forms, status: 200 | 400 | 409 = 200, notice?: string) => {
    const viewer = viewerOf(ctx, c);
    return renderPage(
      c,
      <OrganisationsPage viewer={viewer} organisations={listOrganisations(ctx, { actor: viewer.actor })} notice={notice} forms={forms} />,
      status,
    );
  };

  app.get('/beheer/organisaties', (c) => {
    const done = c.req.query('gedaan');
    return render(c, {}, 200, done === 'aangemaakt' ? 'De organisatie is aangemaakt.' : done === 'lid' ? 'De gemeente is lid van de regio.' : undefined);
  });

  app.post('/beheer/organisaties', async (c) => {
    const viewer = viewerOf(ctx, c);
    const values = await readForm(c);
    const ticked = Object.keys(values)
      .filter((key) => key.startsWith('lid.') && values[key] === 'ja')
      .map((key) => key.slice('lid.'.length));
    try {
      const input = parseInput(CreateOrganisationBody, {
        name: values.name ?? '',
        kind: values.kind ?? '',
        ...(ticked.length > 0 ? { memberIds: ticked } : {}),
      });
      createOrganisation(ctx, { actor: viewer.actor, input });
      return redirectAfterPost(c, '/beheer/organisaties?gedaan=aangemaakt');
    } catch (error) {
      const e = refusal(error);
      const rename = (path: string) => path.replace(/^memberIds\[\d+\]$/, 'memberIds');
      const errors = e.errors.length > 0 ? mapFieldErrors(e.errors, CREATE_FIELDS, rename) : formError(e.detail ?? e.message);
      return render(c, { create: { values, errors } }, e.status as 400);
    }
  });

  app.post('/beheer/organisaties/:id/leden', async (c) => {
    const viewer = viewerOf(ctx, c);
    const regionId = c.req.param('id');
    const values = await readForm(c);
    try {
      const { memberId } = parseInput(AddMemberBody, { memberId: values.memberId ?? '' });
      addRegionMember(ctx, { actor: viewer.actor, regionId, memberId });
      return redirectAfterPost(c, '/beheer/organisaties?gedaan=lid');
    } catch (error) {
      const e = refusal(error);
      // The full reason (who sits on which panel) is in the detail of a 409.
      const errors =
        e.code === 'conflict' || e.errors.length === 0
          ? formError(e.detail ?? e.message)
          : mapFieldErrors(
              e.errors,
              new Map([['memberId', 'Gemeente']]),
              (p) => p,
              () => `veld-memberId-${regionId}`,
            );
      return render(c, { member: { regionId, values, errors } }, e.status as 400);
    }
  });

  return app;
}
