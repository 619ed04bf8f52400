/**
 * The project passes its tests with nothing beside it: a fresh clone has no `../shared`, so
 * no source, test, script or configuration file may refer to it or to any other path outside
 * the repository. What the tests need from outside is copied in: the standards (with their
 * licences) under standards/, the example dossier under tests/fixtures/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'tests', 'scripts', 'bench', 'templates', 'standards', '.ci'];
const ROOT_FILES = ['package.json', 'tsconfig.json', 'vitest.config.ts', 'vitest.e2e.config.ts', 'drizzle.config.ts'];
const TEXT = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.sh', '.yaml', '.yml', '']);

/** `../shared`, `../../../shared/`: the folder beside the checkout, in code or in a comment. */
const SHARED = /(?:^|[^\w.])(?:\.\.\/)+shared\b/;
/** A file system path outside the repository, written out; the system's own tools and scratch space excepted. */
const ABSOLUTE = /['"`]\/(?:work|home|root|srv|opt|var|mnt|media|etc|bin|sbin|lib|usr|run|snap)\/[^'"`\s]*/g;
const ALLOWED_ABSOLUTE = /^['"`]\/usr\/bin\//;
/** `new URL('../x', import.meta.url)`: resolved against the file that writes it. */
const URL_OF_FILE = /new URL\(\s*(['"`])([^'"`$]*)\1\s*,\s*import\.meta\.url\s*\)/g;

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return [];
  if (stat.isFile()) return TEXT.has(extname(path)) ? [path] : [];
  return readdirSync(path).flatMap((name) => (name === 'node_modules' ? [] : filesUnder(join(path, name))));
}

function isInside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

/** Every reference to the outside in one file's text, as `file:line: what`. */
function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${relative(ROOT, file)}:${index + 1}`;
    if (SHARED.test(line)) found.push(`${where}: refers to ../shared: ${line.trim()}`);
    for (const [literal] of line.matchAll(ABSOLUTE)) if (!ALLOWED_ABSOLUTE.test(literal)) found.push(`${where}: absolute path ${literal}`);
    for (const match of line.matchAll(URL_OF_FILE)) {
      const target = fileURLToPath(new URL(match[2]!, pathToFileURL(file)));
      if (!isInside(target)) found.push(`${where}: ${match[0]} resolves outside the repository`);
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  const files = [...FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))), ...ROOT_FILES.map((name) => join(ROOT, name))];

  it('reads the files it checks', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['src/app.ts', 'tests/unit/ocds/ocds-schemas.ts', '.ci/run']));
  });

  it('has no source, test, script or configuration file that refers to ../shared or a path outside it', () => {
    const found = files.filter((file) => file !== fileURLToPath(import.meta.url)).flatMap((file) => outsideReferences(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('would notice each kind of reference', () => {
    const here = join(ROOT, 'tests', 'unit', 'example.ts');
    const lines = [
      "readFileSync(new URL('../../../shared/fixtures/x.json', import.meta.url))",
      '// the rule of ../shared/spec/evaluation.md',
      "const ocds = '/work/wt/shared/ocds/release-schema.json';",
      "new URL('../../../standards/x.json', import.meta.url)",
      "new URL('../fixtures/dossiers/x.json', import.meta.url)",
      "const chromium = '/usr/bin/chromium';",
    ];
    expect(outsideReferences(here, lines.join('\n')).map((line) => line.replace(/: .*$/, ''))).toEqual([
      'tests/unit/example.ts:1',
      'tests/unit/example.ts:1',
      'tests/unit/example.ts:2',
      'tests/unit/example.ts:3',
      'tests/unit/example.ts:4',
    ]);
  });
});
