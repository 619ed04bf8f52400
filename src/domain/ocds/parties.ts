/**
 * @module
 * `parties`: the buyer (role `buyer`) and every bidder once (role `tenderer`, plus `supplier`
 * for the winner once there is an award), identified by its KvK number under the org-id.guide
 * scheme `NL-KVK`, with party id `NL-KVK-<kvk>`. A school with two bids on the lot is one party
 * (the schema wants parties unique); its name is the one on its first bid.
 *
 * A school's party carries its postal `address` (core `Address`) from the first of its bids
 * that gives one, with only the fields it knows; `countryName` is `Nederland` only with a
 * postcode, since the postcode is the one field that is Dutch by its format (a school abroad
 * leaves it empty, docs/documents-of-record.md). The contact person and e-mail address are
 * never published: they name a person and were given for the award letter only
 * (docs/ocds-and-comparison.md, "Parties"). The buyer has no address: the organisation
 * register holds none.
 */
import type { Bid } from '../evaluation/dossier.js';
import type { ProviderAddress } from '../provider/provider-address.js';
import { KVK_SCHEME, partyIdForKvk } from './extensions.js';
import type { OcdsAddress, OcdsOrganization, OcdsOrganizationReference } from './release-types.js';

export type OcdsBuyer = { id: string; name: string };

/** Each school's name, as on its first bid: one name per party. */
export function partyNames(bids: readonly Bid[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const bid of bids) if (!names.has(bid.provider.kvk)) names.set(bid.provider.kvk, bid.provider.name);
  return names;
}

/**
 * The OCDS address of a school's address fields; undefined when none of street, postcode and
 * place is known.
 * @example ocdsAddress({ street: 'Lange Voorhout 9a', postcode: '2514 EA', place: 'Den Haag' })
 * // { streetAddress: 'Lange Voorhout 9a', postalCode: '2514 EA', locality: 'Den Haag', countryName: 'Nederland' }
 */
export function ocdsAddress(provider: ProviderAddress): OcdsAddress | undefined {
  const address: OcdsAddress = {};
  if (provider.street !== undefined) address.streetAddress = provider.street;
  if (provider.postcode !== undefined) address.postalCode = provider.postcode;
  if (provider.place !== undefined) address.locality = provider.place;
  if (provider.postcode !== undefined) address.countryName = 'Nederland';
  return Object.keys(address).length === 0 ? undefined : address;
}

/** Each school's address, from the first of its bids that gives one. */
function partyAddresses(bids: readonly Bid[]): Map<string, OcdsAddress> {
  const addresses = new Map<string, OcdsAddress>();
  for (const bid of bids) {
    if (addresses.has(bid.provider.kvk)) continue;
    const address = ocdsAddress(bid.provider);
    if (address !== undefined) addresses.set(bid.provider.kvk, address);
  }
  return addresses;
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
  const addresses = partyAddresses(bids);
  const bidders = [...partyNames(bids)].map(([kvk, name]): OcdsOrganization => {
    const address = addresses.get(kvk);
    return {
      id: partyIdForKvk(kvk),
      name,
      identifier: { scheme: KVK_SCHEME, id: kvk, legalName: name },
      ...(address === undefined ? {} : { address }),
      roles: suppliers.has(kvk) ? ['tenderer', 'supplier'] : ['tenderer'],
    };
  });
  return [{ id: buyer.id, name: buyer.name, roles: ['buyer'] }, ...bidders];
}

/** Every bidder once, in the order of the bids: `tender.tenderers`. */
export function uniqueTenderers(bids: readonly Bid[]): OcdsOrganizationReference[] {
  const names = partyNames(bids);
  return [...names.keys()].map((kvk) => tendererReference(kvk, names));
}
