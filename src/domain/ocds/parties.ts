/**
 * @module
 * `parties`: the buyer (role `buyer`) and every bidder once (role `tenderer`, plus `supplier`
 * for the winner once there is an award), identified by its KvK number under the org-id.guide
 * scheme `NL-KVK`, with party id `NL-KVK-<kvk>`. A school with two bids on the lot is one party
 * (the schema wants parties unique); its name is the one on its first bid.
 */
import type { Bid } from '../evaluation/dossier.js';
import { KVK_SCHEME, partyIdForKvk } from './extensions.js';
import type { OcdsOrganization, OcdsOrganizationReference } from './release-types.js';

export type OcdsBuyer = { id: string; name: string };

/** Each school's name, as on its first bid: one name per party. */
export function partyNames(bids: readonly Bid[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const bid of bids) if (!names.has(bid.provider.kvk)) names.set(bid.provider.kvk, bid.provider.name);
  return names;
}

/** The reference a bid or award uses for the school with KvK number `kvk`. */
export function tendererReference(kvk: string, names: ReadonlyMap<string, string>): OcdsOrganizationReference {
  return { id: partyIdForKvk(kvk), name: names.get(kvk) ?? kvk };
}

/**
 * @example buildParties({ id: 'gemeente-zwolle', name: 'Gemeente Zwolle' }, dossier.bids, 'B2')
 */
export function buildParties(buyer: OcdsBuyer, bids: readonly Bid[], supplierBidId: string | null): OcdsOrganization[] {
  const supplierKvk = bids.find((bid) => bid.id === supplierBidId)?.provider.kvk;
  return buildPartiesWithSuppliers(buyer, bids, new Set(supplierKvk === undefined ? [] : [supplierKvk]));
}

/**
 * The buyer and every school of `bids` once, a school with one of the KvK numbers of
 * `suppliers` also as `supplier`: a procedure's schools bid on several lots and may win
 * more than one (build-procedure-release.ts).
 */
export function buildPartiesWithSuppliers(buyer: OcdsBuyer, bids: readonly Bid[], suppliers: ReadonlySet<string>): OcdsOrganization[] {
  const bidders = [...partyNames(bids)].map(
    ([kvk, name]): OcdsOrganization => ({
      id: partyIdForKvk(kvk),
      name,
      identifier: { scheme: KVK_SCHEME, id: kvk, legalName: name },
      roles: suppliers.has(kvk) ? ['tenderer', 'supplier'] : ['tenderer'],
    }),
  );
  return [{ id: buyer.id, name: buyer.name, roles: ['buyer'] }, ...bidders];
}

/** Every bidder once, in the order of the bids: `tender.tenderers`. */
export function uniqueTenderers(bids: readonly Bid[]): OcdsOrganizationReference[] {
  const names = partyNames(bids);
  return [...names.keys()].map((kvk) => tendererReference(kvk, names));
}
