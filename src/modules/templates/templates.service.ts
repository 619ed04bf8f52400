/**
 * @module
 * The tender templates of `templates/tenders/*.json` (`GET /api/v1/templates`, and
 * `POST /api/v1/tenders {template}`). They ship with the code, so they are read and
 * validated once and then served from memory; an invalid template is a deployment error,
 * reported with every problem, each naming the file and the path inside it, so that whoever
 * edited the file can fix it without a debugger. The only file-system reader of templates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseTemplate, type TenderTemplate } from '../../domain/templates/template.schema.js';
import { PACKAGE_ROOT } from '../../lib/package-root.js';

export const TEMPLATES_DIRECTORY = join(PACKAGE_ROOT, 'templates', 'tenders');

/** Every problem of every template file, one line each: `templates/tenders/x.json: path: message`. */
export class InvalidTemplateError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Ongeldige aanbestedingstemplate(s):\n${problems.join('\n')}`);
    this.name = 'InvalidTemplateError';
    this.problems = problems;
  }
}

function displayName(file: string): string {
  const fromRoot = relative(PACKAGE_ROOT, file);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? file : fromRoot.split('\\').join('/');
}

/** Served objects are shared by every request: freezing makes an accidental edit throw instead of leak. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and validates every `*.json` in `directory`, in file-name order. Throws
 * `InvalidTemplateError` listing all problems of all files, including ids used twice.
 */
export function loadTemplatesFrom(directory: string): TenderTemplate[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(directory, name));
  const problems: string[] = [];
  const templates: TenderTemplate[] = [];
  const fileOfId = new Map<string, string>();

  for (const file of files) {
    const name = displayName(file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${name}: geen geldige JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const parsed = parseTemplate(json);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${name}: ${p.path}: ${p.message}`));
      continue;
    }
    const other = fileOfId.get(parsed.template.id);
    if (other !== undefined) {
      problems.push(`${name}: id: "${parsed.template.id}" wordt al gebruikt door ${other}`);
      continue;
    }
    fileOfId.set(parsed.template.id, name);
    templates.push(deepFreeze(parsed.template));
  }
  if (problems.length > 0) throw new InvalidTemplateError(problems);
  return templates;
}

let cache: readonly TenderTemplate[] | undefined;

function loadedTemplates(): readonly TenderTemplate[] {
  // A failed load is not cached: the error repeats on every call until the file is fixed.
  cache ??= loadTemplatesFrom(TEMPLATES_DIRECTORY);
  return cache;
}

/**
 * Every template, in file-name order (the objects are frozen; copy before changing).
 * @example listTemplates().map((t) => t.id) // ['b1-route', 'module-map', 'onderwijsroute', 'z-route']
 */
export function listTemplates(): readonly TenderTemplate[] {
  return loadedTemplates();
}

/** The template with this id, or undefined; the caller decides whether that is a 400 or a 404. */
export function getTemplate(id: string): TenderTemplate | undefined {
  return loadedTemplates().find((template) => template.id === id);
}
