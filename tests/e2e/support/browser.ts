/**
 * @module
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with a fresh
 * profile per run. Every page the story visits is checked with axe-core, injected from the
 * npm package (`@axe-core/playwright` needs Node 22), and saved as a screenshot under
 * `tests/e2e/screenshots/` for a reviewer to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type StoryBrowser = { context: BrowserContext; page: Page; close: () => Promise<void> };

export async function launchBrowser(): Promise<StoryBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gw-chromium-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A persistent context is how playwright takes a --user-data-dir of our choosing: a fresh one per run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    acceptDownloads: true,
    // The pages forbid inline scripts (CSP script-src 'self'); axe is injected as one.
    bypassCSP: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/**
 * axe-core's serious and critical violations on the page as it is now: the WCAG 2.1 A/AA rules
 * and best practices, or only `rules` when given. axe is added to a page once.
 */
export async function seriousViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE_SCRIPT });
  const runOnly =
    rules === undefined ? { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } : { type: 'rule', values: [...rules] };
  const violations = await page.evaluate(async (only) => {
    const axe = (globalThis as unknown as { axe: { run: (options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ runOnly: only });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, runOnly);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let shot = 0;

/**
 * Runs axe on the page and saves a full-page screenshot; answers the serious and critical
 * violations so the story can fail on them with the page named.
 */
export async function checkPage(page: Page, name: string): Promise<{ name: string; violations: AxeViolation[] }> {
  shot += 1;
  await page.screenshot({ path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  return { name, violations: await seriousViolations(page) };
}
