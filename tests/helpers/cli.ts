/**
 * @module
 * Runs `npm run evaluate -- FILE` in-process on a dossier written to a file, as an auditor
 * would, so tests can compare the server's evaluation with the command line's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

export function evaluateWithTheCli(dossier: unknown): any {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cli-'));
  try {
    const file = join(dir, 'dossier.json');
    writeFileSync(file, JSON.stringify(dossier, null, 2));
    const outcome = runCli(['evaluate', file]);
    expect(outcome.code, outcome.stderr).toBe(0);
    return JSON.parse(outcome.stdout ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
