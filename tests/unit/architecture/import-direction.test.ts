/**
 * Imports point one way (docs/architecture.md): web -> modules -> http -> db and reports ->
 * domain and lib, with the composition root (app.ts, index.ts, server.ts, first-start.ts,
 * env.ts) above everything and the command line beside the server. A file may import its own
 * layer and any layer below; no import ring may form, not even of type-only imports; and the
 * domain stays pure: of the packages it imports only zod.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/build.js';
import { importCycles, importGraph, type ImportGraph } from './import-graph.js';

type Layer = 'composition' | 'cli' | 'web' | 'modules' | 'http' | 'reports' | 'db' | 'domain' | 'lib';

/** What each layer may import besides itself. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  composition: ['cli', 'web', 'modules', 'http', 'reports', 'db', 'domain', 'lib'],
  cli: ['reports', 'domain', 'lib'],
  web: ['modules', 'http', 'reports', 'db', 'domain', 'lib'],
  modules: ['http', 'reports', 'db', 'domain', 'lib'],
  http: ['db', 'domain', 'lib'],
  reports: ['domain', 'lib'],
  db: ['domain', 'lib'],
  domain: [],
  lib: [],
};

function layerOf(file: string): Layer {
  const [, top = ''] = file.split('/');
  if (['app.ts', 'index.ts', 'server.ts', 'first-start.ts', 'env.ts'].includes(top)) return 'composition';
  if (top === 'cli.ts') return 'cli';
  if (top in MAY_IMPORT) return top as Layer;
  throw new Error(`${file}: in no layer; add its folder to MAY_IMPORT and to docs/architecture.md`);
}

function layerViolations(graph: ImportGraph): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets.flatMap((target) => {
      const from = layerOf(file);
      const to = layerOf(target);
      return from === to || MAY_IMPORT[from].includes(to) ? [] : [`${file} (${from}) imports ${target} (${to})`];
    }),
  );
}

/** Packages the domain imports; it must stay free of I/O and frameworks. */
function domainPackages(graph: ImportGraph): string[] {
  return [...graph.keys()]
    .filter((file) => layerOf(file) === 'domain')
    .flatMap((file) =>
      ts
        .preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((name) => !name.startsWith('.') && name !== 'zod')
        .map((name) => `${file} imports ${name}`),
    );
}

const graph = importGraph(ROOT);

describe('the import graph of src', () => {
  it('reads every source file and its imports', () => {
    expect(graph.size).toBeGreaterThan(250);
    expect(graph.get('src/app.ts')).toContain('src/http/types.ts');
    // Type-only imports count: they tie two files together as surely.
    expect(graph.get('src/modules/tenders/tender-access.ts')).toContain('src/modules/tenders/tenders.queries.ts');
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('imports only downwards: web -> modules -> http -> db/reports -> domain/lib', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('keeps the domain free of packages other than zod', () => {
    expect(domainPackages(graph)).toEqual([]);
  });

  it('would notice a ring, a type-only ring and an upward import', () => {
    const ring: ImportGraph = new Map([
      ['src/http/types.ts', ['src/modules/queries.ts']],
      ['src/modules/queries.ts', ['src/modules/x.ts']],
      ['src/modules/x.ts', ['src/http/types.ts']],
      ['src/domain/a.ts', ['src/domain/a.ts']],
      ['src/domain/b.ts', []],
    ]);
    expect(importCycles(ring)).toEqual([['src/domain/a.ts'], ['src/http/types.ts', 'src/modules/queries.ts', 'src/modules/x.ts']]);
    expect(layerViolations(ring)).toEqual(['src/http/types.ts (http) imports src/modules/queries.ts (modules)']);
  });
});
