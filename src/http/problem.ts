/**
 * @module
 * Rendering errors as RFC 9457 problem details. This is the only place an error becomes a
 * response; a 5xx never carries the message or stack of the underlying error.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../lib/app-error.js';
import type { Logger } from '../lib/logger.js';

export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
};

/** `type` URIs are relative references (RFC 9457 §3.1.1) naming the error code. */
export function problemType(code: ErrorCode): string {
  return `/problems/${code}`;
}

/** Maps what Hono itself throws (malformed JSON, 415, body limit) onto our codes. */
function fromHttpException(error: HTTPException): AppError {
  const byStatus: Partial<Record<number, ErrorCode>> = {
    400: 'malformed-json',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
  };
  const code = byStatus[error.status] ?? 'internal';
  return new AppError(code, code === 'internal' ? {} : { detail: error.message || ERROR_CODES[code].title });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  return new AppError('internal');
}

/**
 * The app's `onError`.
 * @example app.onError(createErrorHandler(logger))
 */
export function createErrorHandler(logger: Logger) {
  return (error: unknown, c: Context): Response => {
    const appError = toAppError(error);
    // 'unavailable' is expected and logged where it arises; only the unexpected is an error here.
    if (appError.code === 'internal') {
      logger.error('onverwachte fout', {
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
    return renderProblem(appError);
  };
}

export function renderProblem(error: AppError): Response {
  const body: ProblemDetails = {
    type: problemType(error.code),
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail: error.detail ?? ERROR_CODES[error.code].title,
    errors: error.errors,
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
  });
}
