/**
 * The command line's own options: `--help`, `--version`, and what a wrong command line gets.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('gunningswijzer --help and --version', () => {
  it('--help (and -h) prints the three commands with their options and the exit codes, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const outcome = await runCli([flag]);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('evaluate BESTAND.json [--format json|table]');
      expect(outcome.stdout).toContain('formula-check BESTAND.json [--format json|table] [--estimated-value EUR] [--expected-learners N]');
      expect(outcome.stdout).toContain('verify BESTAND.pdf');
      expect(outcome.stdout).toContain('Afsluitcode: 0');
    }
  });

  it('--version (and -v) prints the package version', () => {
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: version });
    expect(runCli(['-v'])).toEqual({ code: 0, stdout: version });
  });

  it('exits 2 with the usage for no command, an unknown one, or a name of Object.prototype', () => {
    expect(runCli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('gebruik: gunningswijzer evaluate | formula-check | verify') });
    const unknown = runCli(['evalueer', 'x.json']);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("onbekende opdracht 'evalueer'") });
    expect(runCli(['toString'])).toMatchObject({ code: 2, stderr: expect.stringContaining("onbekende opdracht 'toString'") });
  });

  it('says in Dutch what is wrong with an option, with the usage, and exits 2', async () => {
    expect(runCli(['evaluate', 'x.json', '--formaat', 'table'])).toEqual({
      code: 2,
      stderr: 'onbekende optie --formaat\ngebruik: evaluate BESTAND.json [--format json|table]',
    });
    expect(runCli(['evaluate', 'x.json', '--format'])).toEqual({
      code: 2,
      stderr: 'optie --format mist haar waarde\ngebruik: evaluate BESTAND.json [--format json|table]',
    });
    const formulaCheck = await runCli(['formula-check', 'x.json', '--raming', '400000']);
    expect(formulaCheck.code).toBe(2);
    expect(formulaCheck.stderr?.split('\n')[0]).toBe('onbekende optie --raming');
    expect(formulaCheck.stderr).not.toMatch(/Unknown|option|argument/);
  });
});
