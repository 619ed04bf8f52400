/**
 * @module
 * The procedure world of the API and page tests: a server with the seeded organisations and
 * users (seed.ts) and the three-lot example (procedures.ts) imported by Almere's inkoper as one
 * procedure with a draft tender per lot. One set-up for every test file of the procedure
 * routes and pages, so they start from the same procedure.
 */
import { expect } from 'vitest';
import type { Procedure } from '../../src/domain/procedure/procedure.js';
import type { AppConfig } from '../../src/http/types.js';
import type { TestClient } from './client.js';
import { exampleProcedure } from './procedures.js';
import { seedWorld, type World } from './seed.js';
import { createTestApp, type TestApp } from './test-app.js';

/** A lot as `POST /api/v1/procedures/import` answers it. */
export type ImportedLot = { lotId: string; tenderId: string; title: string; status: string };

export type ImportedProcedure = { id: string; lots: ImportedLot[] };

export type ProcedureWorld = ImportedProcedure & { t: TestApp; w: World };

export type ProcedureWorldOptions = {
  /** The server's configuration, e.g. LONG_SESSIONS for a file that signs reports. */
  config?: Partial<AppConfig>;
  /** The procedure file to import; default the example. */
  file?: Procedure;
  /** Open every lot's tender after the import (the lots stay draft otherwise). */
  open?: boolean;
};

export const procedureImportUrl = (organisationId: string) => `/api/v1/procedures/import?organisationId=${organisationId}`;

/** `file` (default the example) imported by `inkoper` into `organisationId`; asserts the 201. */
export async function importProcedure(inkoper: TestClient, organisationId: string, file: Procedure = exampleProcedure()): Promise<ImportedProcedure> {
  const imported = await inkoper.post(procedureImportUrl(organisationId), file);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  return { id: imported.body.id, lots: imported.body.lots };
}

/** Opens the tender of each of `lots` in turn; asserts each 200. */
export async function openLots(inkoper: TestClient, lots: readonly { tenderId: string }[]): Promise<void> {
  for (const lot of lots) expect((await inkoper.post(`/api/v1/tenders/${lot.tenderId}/open`)).status).toBe(200);
}

/** Seats `userId` on the panel of each of `lots` through each lot's own route; asserts each 201. */
export async function seatOnEachLot(inkoper: TestClient, lots: readonly { tenderId: string }[], userId: string): Promise<void> {
  for (const lot of lots) expect((await inkoper.post(`/api/v1/tenders/${lot.tenderId}/evaluators`, { userId })).status).toBe(201);
}

/** A new server and world with the procedure (default the example) imported into Almere. */
export async function procedureWorld(options: ProcedureWorldOptions = {}): Promise<ProcedureWorld> {
  const t = createTestApp(options.config ?? {});
  const w = await seedWorld(t);
  const imported = await importProcedure(w.almereInkoper, w.orgs.almere, options.file);
  if (options.open === true) await openLots(w.almereInkoper, imported.lots);
  return { t, w, ...imported };
}
