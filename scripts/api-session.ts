/**
 * @module
 * A few lines of HTTP for the scripts that drive a real server process (load, kill -9
 * rounds, backups under writes): JSON calls with a bearer token or a session cookie.
 */

export type Credentials = { email: string; password: string };
export type Auth = { token: string } | { cookie: string } | null;

// biome-ignore lint/suspicious/noExplicitAny: the scripts read the JSON answers of many routes; a caller that needs a type passes T
export type ApiAnswer<T = any> = { status: number; body: T };

/**
 * @example const { status, body } = await callApi(baseUrl, 'POST', '/api/v1/organisations', { auth: { token }, body: { name, kind } });
 */
// biome-ignore lint/suspicious/noExplicitAny: as ApiAnswer: the default for callers that only read a field or two
export async function callApi<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  { auth = null, body }: { auth?: Auth; body?: unknown } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth !== null && 'token' in auth) headers.authorization = `Bearer ${auth.token}`;
  if (auth !== null && 'cookie' in auth) headers.cookie = auth.cookie;
  const send = () => fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  let response: Response;
  try {
    response = await send();
  } catch (error) {
    // A kept-alive socket the server closed while this process was blocked (a spawnSync of
    // a script) fails once with "other side closed". A read is safe to send again; a write
    // is not (it may have arrived), so that error stays the caller's.
    if (method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    response = await send();
  }
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
}

/** Logs in and answers the `gw_session=...` cookie pair. */
export async function loginCookie(baseUrl: string, credentials: Credentials): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || cookie === undefined) throw new Error(`login of ${credentials.email} failed: ${response.status}`);
  return cookie;
}

/** Logs in and answers a bearer token (they outlive a server restart: only their hash is stored). */
export async function issueToken(baseUrl: string, credentials: Credentials, name = 'script'): Promise<string> {
  const cookie = await loginCookie(baseUrl, credentials);
  const issued = await callApi<{ token: string }>(baseUrl, 'POST', '/api/v1/auth/tokens', { auth: { cookie }, body: { name } });
  if (issued.status !== 201) throw new Error(`token for ${credentials.email} failed: ${issued.status}`);
  return issued.body.token;
}

/** Throws unless the answer has the expected status; answers the body. */
export function expectStatus<T>(answer: ApiAnswer<T>, status: number, what: string): T {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
