/**
 * @module
 * A browser-like client over `app.request()` for the pages: keeps the cookies the server
 * sets, sends form posts as a same-origin browser does (`Origin` and `Sec-Fetch-Site`), and
 * does not follow redirects, so a test can assert where a form sends the browser.
 */
import type { TestApp } from '../helpers/test-app.js';

export const ORIGIN = 'http://localhost';

export type PageResponse = { status: number; html: string; location: string | null; headers: Headers };

export type PageClient = {
  get: (path: string) => Promise<PageResponse>;
  post: (path: string, form: Record<string, string> | FormData, headers?: Record<string, string>) => Promise<PageResponse>;
  cookies: Map<string, string>;
};

export function createPageClient(t: Pick<TestApp, 'app'>): PageClient {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  async function send(method: string, path: string, body?: URLSearchParams | FormData, extra: Record<string, string> = {}): Promise<PageResponse> {
    const headers: Record<string, string> = { host: 'localhost', ...extra };
    if (cookies.size > 0) headers.cookie = cookieHeader();
    if (method === 'POST') {
      headers.origin ??= ORIGIN;
      headers['sec-fetch-site'] ??= 'same-origin';
    }
    const response = await t.app.request(`${ORIGIN}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return { status: response.status, html: await response.text(), location: response.headers.get('location'), headers: response.headers };
  }
  return {
    cookies,
    get: (path) => send('GET', path),
    post: (path, form, headers) => send('POST', path, form instanceof FormData ? form : new URLSearchParams(form), headers),
  };
}

/** Logs in through the login form and answers the client. */
export async function loginPage(t: Pick<TestApp, 'app'>, email: string, password: string): Promise<PageClient> {
  const client = createPageClient(t);
  const response = await client.post('/inloggen', { email, password });
  if (response.status !== 303) throw new Error(`login failed: ${response.status} ${response.html.slice(0, 500)}`);
  return client;
}

/**
 * The text of the page without tags, whitespace collapsed: for asserting what a reader sees.
 * A non-breaking space stays one (an amount is written `€\u00a01.234,56`, and must not wrap).
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim();
}

/** The settings form as the browser would send it back unchanged. */
export function formValuesOf(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    const type = /type="([^"]+)"/.exec(tag)?.[1];
    if (type === 'checkbox' && !/ checked/.test(tag)) continue;
    values[m[1] ?? ''] = /value="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? '';
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    values[m[1] ?? ''] = /<option value="([^"]*)" selected/.exec(m[2] ?? '')?.[1] ?? '';
  }
  return values;
}

/**
 * Whether a refused post's error summary is the first thing under the tender's tabs (where the
 * reader looks, not at the form far below), the only one on the page, and takes focus.
 */
export function errorSummaryOnTop(html: string): boolean {
  const onTop =
    /aria-label="Onderdelen van deze aanbesteding">[\s\S]*?<\/nav><div class="utrecht-alert utrecht-alert--error" role="alert" id="foutmeldingen" tabindex="-1" autofocus="">/.test(
      html,
    );
  return onTop && html.split('id="foutmeldingen"').length === 2;
}
