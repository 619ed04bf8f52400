/**
 * @module
 * The procedure world of the API tests: a server with the seeded organisations and users
 * (seed.ts) and the three-lot example (procedures.ts) imported by Almere's inkoper as one
 * procedure with a draft tender per lot. One set-up for every test file of the procedure
 * routes, so they start from the same procedure.
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

export const procedureImportUrl = (organisationId: string) => `/api/v1/procedures/import?organisationId=${organisationId}`;

/** `file` (default the example) imported by `inkoper` into `organisationId`; asserts the 201. */
export async function importProcedure(inkoper: TestClient, organisationId: string, file: Procedure = exampleProcedure()): Promise<ImportedProcedure> {
  const imported = await inkoper.post(procedureImportUrl(organisationId), file);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  return { id: imported.body.id, lots: imported.body.lots };
}

/** A new server and world with the example procedure imported into Almere. */
export async function procedureWorld(config: Partial<AppConfig> = {}): Promise<ProcedureWorld> {
  const t = createTestApp(config);
  const w = await seedWorld(t);
  return { t, w, ...(await importProcedure(w.almereInkoper, w.orgs.almere)) };
}
