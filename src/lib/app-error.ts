/**
 * @module
 * The one error type of the server. Services throw `AppError(code)`; `onError` renders it
 * once as RFC 9457 problem details, so no route builds an error response by hand and the
 * status of every failure is decided in the table below, not at the throw site.
 */

/** One problem with the input, `path` in the `bids[2].price` form of the dossier spec. */
export type FieldError = { path: string; message: string };

/** Every error code the server can answer, with its HTTP status and a stable title. */
export const ERROR_CODES = {
  'invalid-input': { status: 400, title: 'Invalid input' },
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  unauthenticated: { status: 401, title: 'Not logged in' },
  forbidden: { status: 403, title: 'Forbidden' },
  'csrf-rejected': { status: 403, title: 'Cross-site request rejected' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'tender-locked': { status: 409, title: 'Tender locked' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  /** A service we depend on (the timestamp authority) failed; nothing was changed, try again. */
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type AppErrorOptions = {
  detail?: string;
  errors?: FieldError[];
  /** Extra response headers, e.g. `Retry-After` for 429, `Allow` for 405. */
  headers?: Record<string, string>;
};

/**
 * @example throw new AppError('not-found', { detail: 'Aanbesteding T1 bestaat niet.' })
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = options.detail;
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }
}
