/**
 * @module
 * `GET/POST /aanbestedingen/:id/instellingen`: the criteria, weights, award method, low-bid
 * rules and cost floor. While the tender is a draft the inkoper edits them (saved with
 * `patchTender`, the service behind `PATCH /api/v1/tenders/:id`); "Voorbeeld bijwerken"
 * checks the unsaved values with the same dossier rules and shows the example and the
 * formula check (does it invite underbidding?) of those values without saving. Once
 * opened, or for an auditor, the settings are shown read-only.
 */
import { Hono } from 'hono';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError } from '../../lib/app-error.js';
import type { TenderFields } from '../../modules/tenders/dossier-mapping.js';
import { tenderAccessOf, type TenderAccess } from '../../modules/tenders/tender-access.js';
import { parseTenderFields, type FlatTenderInput } from '../../modules/tenders/tender-input.js';
import { getTender, patchTender, type TenderPatch } from '../../modules/tenders/tenders.service.js';
import { computeAwardExample } from '../award-example.js';
import { computeFormulaCheck } from '../formula-check.js';
import { Notice } from '../components/alerts.js';
import { TenderFrame, tenderPath } from '../components/tender-frame.js';
import { SettingsView } from '../components/tender-settings-view.js';
import { formError, mapFieldErrors, NO_ERRORS, type FormErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { criterionRowCount, tenderFormValues, tenderPatchFromForm } from '../forms/tender-form.js';
import { redirectAfterPost, renderPage } from '../render.js';
import { viewerOf, type Viewer } from '../viewer.js';
import { settingsFieldLabels, TenderSettingsForm } from './tender-settings-form.js';

/** The unsaved form as the flat input the dossier rules check (null, "remove", is simply absent). */
function flatOf(patch: TenderPatch): FlatTenderInput {
  const { showPricesToEvaluators: _setting, ...fields } = patch;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}

/** The settings if they pass the dossier rules, else their problems. */
function checkSettings(patch: TenderPatch): { fields: TenderFields } | { error: AppError } {
  try {
    return { fields: parseTenderFields(flatOf(patch)) };
  } catch (error) {
    if (error instanceof AppError) return { error };
    throw error;
  }
}

/** Keeps one empty criterion row at the end, so another criterion can always be added. */
function withBlankRow(values: FormValues): FormValues {
  const rows = criterionRowCount(values);
  const last = `criteria[${rows - 1}]`;
  const lastIsBlank = rows > 0 && (values[`${last}.originalId`] ?? '') === '' && (values[`${last}.id`] ?? '').trim() === '';
  if (lastIsBlank) return values;
  return { ...values, [`criteria[${rows}].originalId`]: '', [`criteria[${rows}].id`]: '' };
}

function SettingsPage(props: {
  viewer: Viewer;
  access: TenderAccess;
  editable: boolean;
  values: FormValues;
  errors: FormErrors;
  fields: TenderFields | undefined;
  saved: boolean;
}) {
  const { viewer, access, editable, values, errors, fields, saved } = props;
  return (
    <TenderFrame viewer={viewer} access={access} tab="instellingen" title="Criteria en formule">
      {saved ? <Notice kind="ok">De instellingen zijn opgeslagen.</Notice> : null}
      {editable ? (
        <TenderSettingsForm
          action={tenderPath(access, 'instellingen')}
          values={values}
          errors={errors}
          fields={fields}
          example={fields === undefined ? undefined : computeAwardExample(fields)}
          check={fields === undefined ? undefined : computeFormulaCheck(fields)}
        />
      ) : (
        <>
          <Notice>
            {access.tender.status === 'draft'
              ? 'Alleen de inkoper kan de instellingen wijzigen.'
              : 'Criteria, wegingen, methode en regels liggen vast sinds de aanbesteding is geopend (gelijke behandeling en transparantie).'}
          </Notice>
          {fields === undefined ? null : <SettingsView fields={fields} />}
        </>
      )}
    </TenderFrame>
  );
}

export function tenderSettingsPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();

  app.get('/aanbestedingen/:id/instellingen', (c) => {
    const viewer = viewerOf(ctx, c);
    const access = tenderAccessOf(c);
    const view = getTender(ctx, { actor: viewer.actor, access });
    const editable = view.status === 'draft' && access.roles.has('inkoper');
    const page = (
      <SettingsPage
        viewer={viewer}
        access={access}
        editable={editable}
        values={tenderFormValues(view)}
        errors={NO_ERRORS}
        fields={view}
        saved={c.req.query('opgeslagen') !== undefined}
      />
    );
    return renderPage(c, page);
  });

  app.post('/aanbestedingen/:id/instellingen', async (c) => {
    const actor = requireActor(c);
    const access = tenderAccessOf(c);
    const view = getTender(ctx, { actor, access });
    const values = await readForm(c);
    // Only the one who may save gets the editable form back; patchTender below refuses the rest.
    const editable = view.status === 'draft' && access.roles.has('inkoper');
    if (values.actie === 'voorbeeld' && !editable) return redirectAfterPost(c, tenderPath(access, 'instellingen'));
    const { patch, renamePath, explain } = tenderPatchFromForm(values, view.criteria);
    const labels = settingsFieldLabels(values);
    let errors: FormErrors = NO_ERRORS;
    let status: 200 | 400 | 409 = 200;
    if (values.actie !== 'voorbeeld') {
      try {
        patchTender(ctx, { actor, access, patch });
        return redirectAfterPost(c, `${tenderPath(access, 'instellingen')}?opgeslagen=1`);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'invalid-input' && error.code !== 'conflict')) throw error;
        errors = error.errors.length > 0 ? mapFieldErrors(explain(error.errors), labels, renamePath) : formError(error.detail ?? error.message);
        status = error.code === 'conflict' ? 409 : 400;
      }
    }
    const checked = checkSettings(patch);
    if ('error' in checked && errors === NO_ERRORS) errors = mapFieldErrors(explain(checked.error.errors), labels, renamePath);
    const page = (
      <SettingsPage
        viewer={viewerOf(ctx, c)}
        access={access}
        editable
        values={withBlankRow(values)}
        errors={errors}
        fields={'fields' in checked ? checked.fields : undefined}
        saved={false}
      />
    );
    return renderPage(c, page, status);
  });

  return app;
}
