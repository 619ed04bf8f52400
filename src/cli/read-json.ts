/**
 * @module
 * Reads a JSON file for a command, telling "cannot read" from "not JSON": the commands exit
 * 2 for both, with a Dutch message naming the file.
 */
import { readFileSync } from 'node:fs';

/** What a command answers: its exit code and what it prints. */
export type Outcome = { code: number; stdout?: string; stderr?: string };

export function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: bestand kan niet worden gelezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `${file}: geen geldige JSON (${(error as Error).message})` };
  }
}
