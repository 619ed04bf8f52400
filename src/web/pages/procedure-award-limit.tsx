/**
 * @module
 * `POST /procedures/:id/gunningsbeperking` (issue 21): the form "Gunningsbeperking" into the
 * body of `PUT /api/v1/procedures/{id}/award-limit`, checked with the route's schema
 * (`parseInput`) and set by the same service (`setAwardLimit`); a refusal is shown at its
 * field on the procedure's page, the service's paths (`awardLimit.lotOrder[1]`,
 * `preferences.05123456[0]`) mapped onto the form's fields.
 */
import { Hono } from 'hono';
import type { AwardLimit } from '../../domain/procedure/procedure.js';
import { requireActor } from '../../http/authenticate.js';
import type { AppContext, AppEnv } from '../../http/types.js';
import { AppError, type FieldError } from '../../lib/app-error.js';
import { parseInput } from '../../lib/zod-errors.js';
import { requireProcedureAccess, requireProcedureRole, type ProcedureAccess } from '../../modules/procedures/procedure-access.js';
import { PutAwardLimitBody } from '../../modules/procedures/procedures.contract.js';
import { setAwardLimit, type Preferences } from '../../modules/procedures/procedures.service.js';
import { schoolsOfProcedure } from '../../modules/procedures/procedure-panel.service.js';
import { MAX_FIELD, ORDER_FIELD, positionField, preferenceField, RULE_FIELD } from '../components/procedure-award-limit-form.js';
import { formError, mapFieldErrors } from '../forms/form-errors.js';
import { readForm, type FormValues } from '../forms/form-values.js';
import { redirectAfterPost } from '../render.js';
import { awardLimitSentence, renderProcedurePage } from './procedure.js';

const REFUSALS = ['invalid-input', 'conflict', 'tender-locked'];

/** The lots' ids in the order the positions give, or the errors at the position fields (a gap or a position given twice). */
function lotOrderOf(values: FormValues, lotIds: readonly string[], report: (path: string, message: string) => void): string[] {
  const n = lotIds.length;
  const taken = new Map<number, string>();
  for (const lotId of lotIds) {
    const text = (values[positionField(lotId)] ?? '').trim();
    const position = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(position >= 1 && position <= n)) {
      report(positionField(lotId), `vul een positie in van 1 tot en met ${n}`);
      continue;
    }
    const before = taken.get(position);
    if (before !== undefined) report(positionField(lotId), `positie ${position} is al gegeven aan perceel ${before}; geef elke positie één keer`);
    else taken.set(position, lotId);
  }
  return [...taken].sort(([a], [b]) => a - b).map(([, lotId]) => lotId);
}

/** "L2, L1" per school into the API's preferences; an empty field is no preference. */
function preferencesOf(values: FormValues, access: ProcedureAccess, ctx: AppContext): Preferences | null {
  const preferences: Preferences = {};
  for (const school of schoolsOfProcedure(ctx, access)) {
    const lots = (values[preferenceField(school.kvk)] ?? '').split(/[\s,;]+/).filter((lot) => lot !== '');
    if (lots.length > 0) preferences[school.kvk] = lots;
  }
  return Object.keys(preferences).length === 0 ? null : preferences;
}

/** The body of `PUT .../award-limit` from the form, or the form's errors by field name. */
function awardLimitInput(ctx: AppContext, access: ProcedureAccess, values: FormValues) {
  const errors: FieldError[] = [];
  const report = (path: string, message: string) => errors.push({ path, message });
  const maxText = (values[MAX_FIELD] ?? '').trim();
  if (maxText === '') return parseInput(PutAwardLimitBody, { awardLimit: null, preferences: null });
  const max = /^\d+$/.test(maxText) ? Number(maxText) : Number.NaN;
  if (!(max >= 1)) report(MAX_FIELD, 'vul een geheel getal van minstens 1 in, of laat het leeg voor geen gunningsbeperking');
  const rule = values[RULE_FIELD];
  if (rule !== 'lot-order' && rule !== 'bidder-preference') report(RULE_FIELD, 'kies de regel waarmee de percelen onder de beperking worden gegund');
  const lotOrder =
    rule === 'lot-order'
      ? lotOrderOf(
          values,
          access.lots.map(({ lot }) => lot.lotId),
          report,
        )
      : undefined;
  if (errors.length > 0) throw new AppError('invalid-input', { detail: 'Het formulier is niet goed ingevuld.', errors });
  const awardLimit: AwardLimit = { maxLotsPerBidder: max, rule: rule as AwardLimit['rule'], ...(lotOrder === undefined ? {} : { lotOrder }) };
  return parseInput(PutAwardLimitBody, { awardLimit, preferences: rule === 'bidder-preference' ? preferencesOf(values, access, ctx) : null });
}

/** The form's fields and labels, the service's paths renamed onto them. */
function fieldsOf(ctx: AppContext, access: ProcedureAccess, values: FormValues) {
  const lotIds = access.lots.map(({ lot }) => lot.lotId);
  const fields = new Map<string, string>([
    [MAX_FIELD, 'Ten hoogste zoveel percelen per inschrijver'],
    [RULE_FIELD, 'Regel'],
    [ORDER_FIELD, 'Volgorde van de percelen'],
    ...lotIds.map((lotId) => [positionField(lotId), `Positie van perceel ${lotId}`] as [string, string]),
    ...schoolsOfProcedure(ctx, access).map((s) => [preferenceField(s.kvk), `Voorkeur van ${s.name} (KvK ${s.kvk})`] as [string, string]),
  ]);
  // The order sent was the lots sorted by their positions: `lotOrder[1]` is the lot at position 2.
  const sentOrder = [...lotIds].sort((a, b) => Number(values[positionField(a)]) - Number(values[positionField(b)]));
  const rename = (path: string) =>
    path
      .replace(/^awardLimit\.maxLotsPerBidder$/, MAX_FIELD)
      .replace(/^awardLimit\.rule$/, RULE_FIELD)
      .replace(/^awardLimit\.lotOrder\[(\d+)\]$/, (_, i: string) => positionField(sentOrder[Number(i)] ?? ''))
      .replace(/^awardLimit\.lotOrder$/, ORDER_FIELD)
      .replace(/^preferences\.(\d{8})(\[\d+\])?$/, (_, kvk: string) => preferenceField(kvk));
  return { fields, rename };
}

export function procedureAwardLimitPages(ctx: AppContext) {
  const app = new Hono<AppEnv>();
  app.post('/procedures/:id/gunningsbeperking', async (c) => {
    const actor = requireActor(c);
    const access = requireProcedureAccess(ctx, actor, c.req.param('id'));
    requireProcedureRole(access, ['inkoper'], 'de gunningsbeperking wijzigen');
    const values = await readForm(c);
    try {
      const { awardLimit, preferences = null } = awardLimitInput(ctx, access, values);
      const view = setAwardLimit(ctx, { actor, access, awardLimit, preferences });
      const notice = `De gunningsbeperking is vastgelegd. ${awardLimitSentence(view.awardLimit)}`;
      return redirectAfterPost(c, `/procedures/${access.procedure.id}?melding=${encodeURIComponent(notice)}`);
    } catch (error) {
      if (!(error instanceof AppError) || !REFUSALS.includes(error.code)) throw error;
      const { fields, rename } = fieldsOf(ctx, access, values);
      const errors = error.errors.length > 0 ? mapFieldErrors(error.errors, fields, rename) : formError(error.detail ?? error.message);
      return renderProcedurePage(ctx, c, { limitForm: { values, errors } }, error.status as 400);
    }
  });
  return app;
}
