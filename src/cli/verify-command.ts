/**
 * @module
 * `verify FILE.pdf`: checks a signed report offline, as an auditor or a bidder would without
 * access to the server. Prints the verification as JSON: the signature, what the document
 * says of itself (PDF/A, purpose, tender, signer) and, for an evaluation report, its embedded
 * dossier re-computed against the embedded result and the printed winner and ranking (for a
 * procedure's report, its embedded procedure re-computed against its result). Exits 0
 * when the signature is valid over the whole file and the proof holds, 1 when not, 2 when
 * the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { isIntact, verifyDocument } from '../reports/proof/verify-document.js';
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
  const verification = await verifyDocument(bytes);
  return { code: isIntact(verification) ? 0 : 1, stdout: JSON.stringify({ ...verification, intact: isIntact(verification) }, null, 2) };
}
