/**
 * @module
 * The data of the opening record (proces-verbaal van opening van de prijsenveloppen): plain
 * values, so that the renderer needs nothing of the server.
 */
import type { CertificateInfo, SignatureLevel } from './signing/signer.js';

export type PriceOpeningRecordBid = {
  bidId: string;
  providerName: string;
  withdrawn: boolean;
  /** The price envelope's documents as received, with the SHA-256 recorded at receipt. */
  envelopes: { name: string; sha256: string; receivedAt: string; version: number }[];
  /** The confirmed price in euros; null for a withdrawn bid. */
  price: number | null;
  priceLines: { description: string; quantity: number; unitPrice: number }[];
  /** The locked consensus score per criterion. */
  qualityScores: Record<string, number>;
};

export type PriceOpeningRecordData = {
  reportId: string;
  tender: { id: string; reference: string; title: string; buyer: string; lot: string };
  qualityLockedAt: string;
  pricesEnteredAt: string;
  confirmedAt: string;
  firstOfficer: string;
  secondOfficer: string;
  criteria: { id: string; title: string; weight: number }[];
  bids: PriceOpeningRecordBid[];
  certificate: CertificateInfo;
  signatureLevel: SignatureLevel;
  checkUrl: string;
};
