/**
 * @module
 * A tiny HTTP client over `app.request()` that keeps a session cookie or a bearer token,
 * and answers parsed JSON so tests can assert values.
 */
import type { TestApp } from './test-app.js';

export type TestResponse<T = any> = { status: number; body: T; headers: Headers };

export type TestClient = {
  request: <T = any>(method: string, path: string, options?: { json?: unknown; headers?: Record<string, string>; raw?: string }) => Promise<TestResponse<T>>;
  get: <T = any>(path: string) => Promise<TestResponse<T>>;
  post: <T = any>(path: string, json?: unknown) => Promise<TestResponse<T>>;
  put: <T = any>(path: string, json?: unknown) => Promise<TestResponse<T>>;
  patch: <T = any>(path: string, json?: unknown) => Promise<TestResponse<T>>;
  cookie: string | null;
};

export function createClient(t: Pick<TestApp, 'app'>, auth: { cookie?: string; bearer?: string } = {}): TestClient {
  const client: TestClient = {
    cookie: auth.cookie ?? null,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (client.cookie !== null) headers.cookie = client.cookie;
      if (auth.bearer !== undefined) headers.authorization = `Bearer ${auth.bearer}`;
      let body: string | undefined = options.raw;
      if (options.json !== undefined) {
        body = JSON.stringify(options.json);
        headers['content-type'] ??= 'application/json';
      }
      const response = await t.app.request(path, { method, headers, body });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie !== null) {
        const pair = setCookie.split(';')[0] ?? '';
        client.cookie = /=$/.test(pair) || /Max-Age=0/i.test(setCookie) ? null : pair;
      }
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed as any, headers: response.headers };
    },
    get: (path) => client.request('GET', path),
    post: (path, json) => client.request('POST', path, json === undefined ? {} : { json }),
    put: (path, json) => client.request('PUT', path, json === undefined ? {} : { json }),
    patch: (path, json) => client.request('PATCH', path, json === undefined ? {} : { json }),
  };
  return client;
}

export type BinaryResponse = { status: number; headers: Headers; bytes: Buffer };

/**
 * A request with `client`'s session whose answer is read as bytes (a PDF, a download), not
 * parsed: `body` (the bytes of a file) is sent as `type`.
 */
export async function binaryRequest(
  t: Pick<TestApp, 'app'>,
  client: TestClient,
  method: string,
  path: string,
  body?: Uint8Array,
  type = 'application/pdf',
): Promise<BinaryResponse> {
  const headers: Record<string, string> = {};
  if (client.cookie !== null) headers.cookie = client.cookie;
  if (body !== undefined) headers['content-type'] = type;
  const response = await t.app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
