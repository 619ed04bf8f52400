/**
 * @module
 * `verify FILE.pdf`: checks a signed report offline, as an auditor or a bidder would without
 * access to the server. Prints the verification as JSON; exits 0 when the signature is valid
 * and covers the whole file, 1 when it does not, 2 when the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { verifyPdfSignature } from '../reports/signing/verify-pdf-signature.js';
import type { Outcome } from './read-json.js';

export async function verifyCommand(args: string[]): Promise<Outcome> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) return { code: 2, stderr: 'gebruik: verify BESTAND.pdf' };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { code: 2, stderr: `${file}: bestand kan niet worden gelezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'})` };
  }
  const verification = await verifyPdfSignature(bytes);
  const valid = verification.signatureValid && verification.coversWholeDocument;
  return { code: valid ? 0 : 1, stdout: JSON.stringify(verification, null, 2) };
}
