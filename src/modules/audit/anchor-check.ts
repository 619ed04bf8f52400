/**
 * @module
 * Checks the signed heads against the chain as it is read, one event at a time. A signed
 * head is broken when its signature does not verify with the configured certificate it
 * names, when the event at its seq no longer has its hash (the chain was rewritten and
 * re-hashed), or when the chain ends before its seq (the newest events were deleted).
 * A head signed by a certificate the server is not configured with is neither trusted nor
 * held against the chain: it is counted, with its fingerprint, so the operator can list
 * that certificate (see docs/operations.md, certificate rotation).
 */
import { checkAnchorSignature, type AnchorCertificates, type StoredAnchor } from './anchor-signature.js';

export type AnchorProblem = {
  anchorId: number;
  seq: number;
  /** `signature`: does not verify; `hash`: the event at `seq` has another hash; `beyond-end`: the chain ends before `seq`. */
  kind: 'signature' | 'hash' | 'beyond-end';
};

export type AnchorCheck = {
  /** `verified`: every signed head that could be checked holds and there is one; `none`: no head signed with a configured certificate. */
  status: 'verified' | 'none' | 'broken' | 'not-checked';
  /** Signed heads in the database. */
  anchors: number;
  /** Of which verified with a configured certificate. */
  verified: number;
  /** Of which signed with a certificate the server is not configured with. */
  unverifiable: number;
  unverifiableCertificates: string[];
  /** The newest signed head that verified. */
  newest: { seq: number; head: string; at: string; reason: string; certificateFingerprint: string } | null;
  problem: AnchorProblem | null;
  /** Events after the newest verified head: a signature does not cover them yet. */
  unanchoredEvents: number;
  /** When the first of those was written. */
  unanchoredSince: string | null;
};

/** The check when the chain itself is broken: the chain's finding is the one that counts. */
export const ANCHORS_NOT_CHECKED: AnchorCheck = {
  status: 'not-checked',
  anchors: 0,
  verified: 0,
  unverifiable: 0,
  unverifiableCertificates: [],
  newest: null,
  problem: null,
  unanchoredEvents: 0,
  unanchoredSince: null,
};

/**
 * @example const check = createAnchorCheck(anchors, certificates); for (const e of chain) check.push(e); check.result();
 */
export function createAnchorCheck(
  anchors: readonly StoredAnchor[],
  certificates: AnchorCertificates,
): { push(event: { seq: number; hash: string; at: string }): void; result(): AnchorCheck } {
  const problems: AnchorProblem[] = [];
  const unknown = new Set<string>();
  const verified: StoredAnchor[] = [];
  for (const anchor of anchors) {
    const outcome = checkAnchorSignature(anchor, certificates);
    if (outcome === 'verified') verified.push(anchor);
    else if (outcome === 'unknown-certificate') unknown.add(anchor.certificateFingerprint);
    else problems.push({ anchorId: anchor.id, seq: anchor.seq, kind: 'signature' });
  }
  const bySeq = new Map<number, StoredAnchor[]>();
  for (const anchor of verified) bySeq.set(anchor.seq, [...(bySeq.get(anchor.seq) ?? []), anchor]);
  const newest = verified.reduce<StoredAnchor | undefined>((a, b) => (a === undefined || b.seq > a.seq || (b.seq === a.seq && b.id > a.id) ? b : a), undefined);
  let lastSeq = 0;
  let unanchoredSince: string | null = null;
  return {
    push(event) {
      lastSeq = event.seq;
      for (const anchor of bySeq.get(event.seq) ?? []) {
        if (anchor.head !== event.hash) problems.push({ anchorId: anchor.id, seq: anchor.seq, kind: 'hash' });
      }
      if (event.seq === (newest?.seq ?? 0) + 1) unanchoredSince = event.at;
    },
    result() {
      for (const anchor of verified) if (anchor.seq > lastSeq) problems.push({ anchorId: anchor.id, seq: anchor.seq, kind: 'beyond-end' });
      const problem = problems.reduce<AnchorProblem | null>((a, b) => (a === null || b.seq < a.seq ? b : a), null);
      return {
        status: problem !== null ? 'broken' : newest === undefined ? 'none' : 'verified',
        anchors: anchors.length,
        verified: verified.length,
        unverifiable: anchors.length - verified.length - problems.filter((p) => p.kind === 'signature').length,
        unverifiableCertificates: [...unknown].sort(),
        newest:
          newest === undefined
            ? null
            : { seq: newest.seq, head: newest.head, at: newest.at, reason: newest.reason, certificateFingerprint: newest.certificateFingerprint },
        problem,
        unanchoredEvents: Math.max(0, lastSeq - (newest?.seq ?? 0)),
        unanchoredSince: lastSeq > (newest?.seq ?? 0) ? unanchoredSince : null,
      };
    },
  };
}

/**
 * The problem in a sentence (Dutch), for the audit page.
 * @example describeAnchorProblem({ anchorId: 3, seq: 40, kind: 'beyond-end' }, 38)
 */
export function describeAnchorProblem(problem: AnchorProblem, events: number): string {
  switch (problem.kind) {
    case 'signature':
      return `De ondertekening van de vastgelegde stand bij gebeurtenis ${problem.seq} klopt niet met het certificaat van de server: de vastlegging is gewijzigd of nagemaakt.`;
    case 'hash':
      return `Gebeurtenis ${problem.seq} heeft niet meer de hash die op dat moment is ondertekend: de keten is herschreven en opnieuw doorgerekend.`;
    case 'beyond-end':
      return `De keten eindigt bij gebeurtenis ${events}, maar de server ondertekende al een stand tot en met gebeurtenis ${problem.seq}: de nieuwste gebeurtenissen zijn verwijderd.`;
  }
}
