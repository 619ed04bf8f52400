/**
 * @module
 * Bid documents for tests: a small real PDF (one page with a line of text, correct cross-
 * reference table, so a browser's viewer shows it), optionally padded to a size with an
 * unused stream object, and an upload through `app.request` with a binary body.
 */
import type { TestClient, TestResponse } from './client.js';
import type { TestApp } from './test-app.js';

/** A one-page PDF saying `text`, at least `padTo` bytes long. */
export function pdfDocument(text: string, padTo = 0): Buffer {
  const content = `BT /F1 18 Tf 40 150 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const padding = Math.max(0, padTo - 600);
  objects.push(`<< /Length ${padding} >>\nstream\n${'x'.repeat(padding)}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Query string of an upload. */
export const documentQuery = (query: Record<string, string>) => new URLSearchParams(query).toString();

/**
 * POSTs `bytes` as the body; `chunked` sends it as a stream without Content-Length.
 * @example await uploadDocument(t, inkoper, `/api/v1/tenders/${id}/bids/B1/documents?envelope=quality&name=plan.pdf`, pdf)
 */
export async function uploadDocument(
  t: Pick<TestApp, 'app'>,
  client: TestClient,
  path: string,
  bytes: Uint8Array,
  { type = PDF, chunked = false }: { type?: string; chunked?: boolean } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { 'content-type': type };
  if (client.cookie !== null) headers.cookie = client.cookie;
  let body: RequestInit['body'];
  if (chunked) {
    let offset = 0;
    body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + 256 * 1024));
        offset += 256 * 1024;
      },
    });
  } else {
    headers['content-length'] = String(bytes.length);
    body = Buffer.from(bytes);
  }
  const response = await t.app.request(path, { method: 'POST', headers, body, ...(chunked ? { duplex: 'half' } : {}) } as RequestInit);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed as any, headers: response.headers };
}

/** GETs a document's bytes with the client's session. */
export async function downloadDocument(
  t: Pick<TestApp, 'app'>,
  client: TestClient,
  path: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await t.app.request(path, { headers: client.cookie === null ? {} : { cookie: client.cookie } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}
