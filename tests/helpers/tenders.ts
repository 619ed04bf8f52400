/**
 * @module
 * A tender for the tests: a dossier imported into Almere by its inkoper through
 * `POST /api/v1/tenders/import`, the way most API and page tests start one.
 */
import { expect } from 'vitest';
import type { World } from './seed.js';

/** `dossier` imported into Almere by its inkoper (asserts the 201), with `open` also opened (asserts the 200); the tender's id. */
export async function importAlmereTender(w: World, dossier: unknown, options: { open?: boolean } = {}): Promise<string> {
  const imported = await w.almereInkoper.post('/api/v1/tenders/import', { organisationId: w.orgs.almere, dossier });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const id = imported.body.id as string;
  if (options.open === true) expect((await w.almereInkoper.post(`/api/v1/tenders/${id}/open`)).status).toBe(200);
  return id;
}
