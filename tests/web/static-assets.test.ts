import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

it('serves the NL Design System CSS, its tokens, the font, our theme, layout, script and favicon, and nothing else', async () => {
  for (const [path, type] of [
    ['/static/utrecht-components.css', 'text/css'],
    ['/static/utrecht-tokens.css', 'text/css'],
    ['/static/noto-sans.css', 'text/css'],
    ['/static/gunningswijzer-theme.css', 'text/css'],
    ['/static/layout.css', 'text/css'],
    ['/static/enhance.js', 'text/javascript'],
    ['/static/favicon.svg', 'image/svg+xml'],
    ['/static/files/noto-sans-latin-wght-normal.woff2', 'font/woff2'],
  ] as const) {
    const response = await t.app.request(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
  }
  expect(await (await t.app.request('/static/utrecht-components.css')).text()).toContain('.utrecht-page-header');
  expect(await (await t.app.request('/static/gunningswijzer-theme.css')).text()).toContain('.gunningswijzer-theme {');
  for (const path of ['/static/package.json', '/static/..%2F..%2Fpackage.json', '/static/files/..%2Findex.css', '/static/files/x.woff2']) {
    expect((await t.app.request(path)).status, path).toBe(404);
  }
});

it('answers an unknown page with the Dutch 404 page, and an unknown API path with problem JSON as before', async () => {
  const page = await t.app.request('/aanbestedingen/x/onbekend');
  expect(page.status).toBe(303); // not logged in: to the login form first
  const api = await t.app.request('/api/v1/onbekend');
  expect(api.headers.get('content-type')).toBe('application/problem+json');
  const health = await t.app.request('/health');
  expect(health.status).toBe(200);
});

it('dresses every page in the Gunningswijzer theme, after the published tokens, with its favicon and logo', async () => {
  const html = await (await t.app.request('/inloggen')).text();
  expect(html).toMatch(/<html lang="nl" class="[^"]*\bgunningswijzer-theme\b/);
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  // Our tokens come after the published ones, so ours win; the components read them.
  expect(sheets.indexOf('/static/gunningswijzer-theme.css')).toBeGreaterThan(sheets.indexOf('/static/utrecht-tokens.css'));
  expect(html).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
  expect(html).toMatch(/<img class="gw-logo__mark" src="\/static\/favicon.svg" alt=""/);
  // No other organisation's brand: the Utrecht red footer is replaced by our own.
  const theme = await (await t.app.request('/static/gunningswijzer-theme.css')).text();
  expect(theme).toContain('--utrecht-page-footer-background-image: none;');
  expect(theme).not.toMatch(/utrecht-color-red/);
});

it('sets its own type scale as tokens, and every text size and line height reads them', async () => {
  const theme = await (await t.app.request('/static/gunningswijzer-theme.css')).text();
  const layout = await (await t.app.request('/static/layout.css')).text();
  const tokens = new Map([...theme.matchAll(/(--gw-(?:font-size|line-height)-[a-z0-9]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]));
  expect(Object.fromEntries(tokens)).toEqual({
    '--gw-font-size-sm': '0.875rem',
    '--gw-font-size-md': '1rem',
    '--gw-font-size-lg': '1.125rem',
    '--gw-font-size-xl': '1.25rem',
    '--gw-font-size-2xl': '1.5rem',
    '--gw-font-size-3xl': '2rem',
    '--gw-font-size-secondary': '0.875em',
    '--gw-line-height-heading': '1.25',
    '--gw-line-height-compact': '1.35',
    '--gw-line-height-body': '1.5',
  });
  // Each heading a step apart, body text and headings from the scale.
  expect(theme).toContain('--utrecht-heading-1-font-size: var(--gw-font-size-3xl);');
  expect(theme).toContain('--utrecht-heading-2-font-size: var(--gw-font-size-2xl);');
  expect(theme).toContain('--utrecht-heading-3-font-size: var(--gw-font-size-xl);');
  expect(theme).toContain('--utrecht-paragraph-line-height: var(--gw-line-height-body);');
  // Every component text property the theme sets reads a token, and layout.css has no size of its own.
  const typeProperties = [...theme.matchAll(/(--utrecht-[a-z0-9-]+-(?:font-size|line-height)):\s*([^;]+);/g)];
  expect(typeProperties.length).toBeGreaterThanOrEqual(16);
  for (const [, property, value] of typeProperties) expect(value, property).toMatch(/^var\(--gw-(?:font-size|line-height)-[a-z0-9]+\)$/);
  const sizes = [...layout.matchAll(/(?:font-size|line-height):\s*([^;]+);/g)].map((m) => m[1]);
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) expect(size).toMatch(/^var\(--gw-(?:font-size|line-height)-[a-z0-9]+\)$/);
  // Every token used is defined.
  for (const used of new Set([...`${theme}${layout}`.matchAll(/var\((--gw-(?:font-size|line-height)-[a-z0-9]+)\)/g)].map((m) => m[1])))
    expect(tokens.has(used), used).toBe(true);
});
