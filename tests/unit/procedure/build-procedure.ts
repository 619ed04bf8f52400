/**
 * Builds small procedures for allocation tests. Every lot is a `fixed-price` dossier with one
 * quality criterion on a 0..10 scale and a minimum of 1, so a bid's quality is its score:
 * equal qualities tie (the tie-break `quality` cannot separate them and `lot` is the tool's
 * "undecided"), and quality 0 excludes the bid (knock-out). Schools are letters; school X
 * has KvK number `kvkOf('X')` and the name "School X".
 */
import type { Bid, Dossier } from '../../../src/domain/evaluation/dossier.js';
import type { AwardLimit, Procedure } from '../../../src/domain/procedure/procedure.js';
import { parseProcedure } from '../../../src/domain/procedure/procedure.schema.js';

export type SimpleLotBid = { id: string; school: string; quality: number };
export type SimpleLot = { id: string; bids: SimpleLotBid[] };

const KVK_BASE = 10_000_000;
export function kvkOf(school: string): string {
  return String(KVK_BASE + school.charCodeAt(0));
}

export function lotDossier(lot: SimpleLot): Dossier {
  return {
    format: 'gunningswijzer/dossier@1',
    tender: { reference: 'REG-2027-INB', title: 'Inburgering regio Test', buyer: 'Gemeente Test', lot: `Perceel ${lot.id}` },
    award: { method: 'fixed-price', fixedPrice: 1000, tieBreak: ['quality', 'lot'] },
    criteria: [{ id: 'K1', title: 'Kwaliteit', weight: 100, scale: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], minimum: 1 }],
    lowBidRules: { preset: 'none' },
    bids: lot.bids.map(
      (bid): Bid => ({ id: bid.id, provider: { name: `School ${bid.school}`, kvk: kvkOf(bid.school), keurmerk: true }, scores: { K1: bid.quality } }),
    ),
  };
}

export function buildProcedure(options: { lots: SimpleLot[]; awardLimit?: AwardLimit; preferences?: Record<string, string[]> }): Procedure {
  return {
    format: 'gunningswijzer/procedure@1',
    procedure: { reference: 'REG-2027-INB', title: 'Inburgering regio Test 2027-2029', buyer: 'Gemeente Test' },
    ...(options.awardLimit === undefined ? {} : { awardLimit: options.awardLimit }),
    ...(options.preferences === undefined
      ? {}
      : { preferences: Object.fromEntries(Object.entries(options.preferences).map(([school, lots]) => [kvkOf(school), lots])) }),
    lots: options.lots.map((lot) => ({ id: lot.id, dossier: lotDossier(lot) })),
  };
}

/** L1: schools A and C tie at rank 1 (quality 8); L2: A best (9), B second (6). A fresh copy each call. */
export function tiedL1Lots(): SimpleLot[] {
  return [
    {
      id: 'L1',
      bids: [
        { id: 'A1', school: 'A', quality: 8 },
        { id: 'C1', school: 'C', quality: 8 },
      ],
    },
    {
      id: 'L2',
      bids: [
        { id: 'A2', school: 'A', quality: 9 },
        { id: 'B2', school: 'B', quality: 6 },
      ],
    },
  ];
}

/** What the schema finds in `input` read as a file (through JSON), as `path: message`; [] for a valid file. */
export function problemsOf(input: unknown): string[] {
  const parsed = parseProcedure(JSON.parse(JSON.stringify(input)));
  return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
}

/** `procedure` read as the CLI reads a file (through JSON and the schema); throws with the problems of an invalid one. */
export function readAsFile(procedure: unknown): Procedure {
  const parsed = parseProcedure(JSON.parse(JSON.stringify(procedure)));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.procedure;
}

/** An allocation as its winner per lot id. */
export const winners = (allocation: { lotId: string; winner: string | null }[]) => Object.fromEntries(allocation.map((a) => [a.lotId, a.winner]));
