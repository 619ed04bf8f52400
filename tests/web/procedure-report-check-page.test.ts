/**
 * The check page ("Rapport controleren") on a procedure's evaluation report (issue 21,
 * Part B): it says that the embedded procedure was re-computed and whether the result per lot
 * and the allocation in the report hold, as it says so of a single report's dossier.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureResult } from '../../src/domain/procedure/evaluate-procedure.js';
import { createDevelopmentSigner } from '../../src/reports/signing/development-certificate.js';
import { evaluatedThreeLotProcedure, signedProcedureReport } from '../helpers/evaluated-procedure.js';
import { PASSWORD, seedWorld, type World } from '../helpers/seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { loginPage, visibleText } from './page-client.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = createTestApp();
  w = await seedWorld(t);
}, 60_000);
afterAll(() => t.close());

describe('the check page on a procedure report', () => {
  it('says the embedded procedure was re-computed, and that a forged allocation does not hold', async () => {
    const signer = createDevelopmentSigner({ directory: mkdtempSync(join(tmpdir(), 'gw-cert-')) });
    const evaluated = evaluatedThreeLotProcedure();
    const { result } = evaluated;
    const signed = (r: ProcedureResult) => signedProcedureReport(signer, evaluated, r);
    const page = await loginPage(t, w.almereAuditor.email, PASSWORD);
    const check = async (bytes: Uint8Array) => {
      const form = new FormData();
      form.set('pdf', new File([bytes], 'procedure.pdf'));
      const checked = await page.post('/rapporten/controleren', form);
      expect(checked.status).toBe(200);
      return visibleText(checked.html);
    };
    const good = await check(await signed(result));
    expect(good).toContain('De ingesloten procedure is opnieuw doorgerekend: de uitkomst per perceel en de toewijzing van de percelen in het rapport kloppen.');
    expect(good).toMatch(/SHA-256 van de ingesloten procedure: [0-9a-f]{64}\./);
    const forged: ProcedureResult = { ...result, allocation: result.allocation.map((lot) => (lot.lotId === 'L3' ? { ...lot, winner: 'B1' } : lot)) };
    expect(await check(await signed(forged))).toContain('de uitkomst per perceel of de toewijzing van de percelen in het rapport klopt NIET');
  }, 60_000);
});
