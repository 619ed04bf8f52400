/**
 * @module
 * A form with one file, read as a stream (busboy on the request's body): the text fields that
 * come before the file are collected, and the file is handed on as a stream the moment it
 * starts, so a 25 MB document is never held in memory (Hono's `parseBody` would buffer it
 * whole). The form must put its file input last: a browser sends the parts in the form's order.
 * When the handler gives up before the file is read (a refusal, a file too large), the rest of
 * the body is not read: the request stream is destroyed.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from 'hono';
import { AppError } from '../../lib/app-error.js';
import type { FormValues } from './form-values.js';

export type StreamedFile = { fields: FormValues; body: ReadableStream<Uint8Array>; fileName: string; mimeType: string };

/** Few, short fields: a reason is the longest (TEXT_LIMITS.remark). */
const FIELD_LIMITS = { fields: 12, fieldSize: 16 * 1024, files: 1, parts: 14 };

/**
 * Reads the form; `onFile` gets the fields before the file named `fileField` and its stream.
 * Answers its result, or undefined (with the fields) when the form held no such file.
 */
export function streamFormFile<T>(
  c: Context,
  fileField: string,
  onFile: (file: StreamedFile) => Promise<T>,
): Promise<{ fields: FormValues; result: T | undefined }> {
  const raw = c.req.raw.body;
  if (raw === null) return Promise.resolve({ fields: {}, result: undefined });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: Object.fromEntries(c.req.raw.headers), limits: FIELD_LIMITS });
  } catch {
    throw new AppError('invalid-input', { detail: 'Het formulier is niet als multipart/form-data verstuurd.', errors: [] });
  }
  const source = Readable.fromWeb(raw as NodeReadableStream<Uint8Array>);
  const fields: FormValues = {};
  return new Promise((resolve, reject) => {
    let handled = false;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, file, info) => {
      if (handled || name !== fileField) {
        file.resume();
        return;
      }
      handled = true;
      const body = Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>;
      onFile({ fields: { ...fields }, body, fileName: info.filename ?? '', mimeType: info.mimeType }).then(
        (result) => {
          // Whatever follows the file (nothing, in our forms) is not needed.
          source.unpipe(parser);
          source.destroy();
          finish(() => resolve({ fields, result }));
        },
        (error: unknown) => {
          // Refused before or while the file streamed: the rest of the body is not read.
          source.unpipe(parser);
          source.destroy();
          file.resume();
          finish(() => reject(error));
        },
      );
    });
    parser.on('close', () => {
      if (!handled) finish(() => resolve({ fields, result: undefined }));
    });
    parser.on('error', () => {
      if (!handled) finish(() => reject(new AppError('invalid-input', { detail: 'Het formulier is onleesbaar; verstuur het opnieuw.', errors: [] })));
    });
    source.on('error', (error) => finish(() => reject(error)));
    source.pipe(parser);
  });
}
