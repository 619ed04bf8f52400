/**
 * @module
 * A school's optional address and contact person, so that an award letter can be addressed
 * to it (issue 17). Every field is optional: dossiers written before these fields existed
 * stay valid and evaluate to the same result, and a letter without an address names the
 * school only. One shape serves the dossier's `bids[].provider`, the school register
 * (`/api/v1/providers`) and the web forms, so all three accept the same values.
 */
import * as z from 'zod';
import { TEXT_LIMITS } from '../text/text-limits.js';
import { emailAddress, nonBlankLine } from '../text/text-fields.js';

/** The address and contact fields of a school, each optional. */
export type ProviderAddress = {
  /** Street and house number, e.g. `Lange Voorhout 9a`. */
  street?: string | undefined;
  /** A Dutch postcode, stored as `1234 AB`. */
  postcode?: string | undefined;
  place?: string | undefined;
  contactPerson?: string | undefined;
  email?: string | undefined;
};

export const PROVIDER_ADDRESS_KEYS = ['street', 'postcode', 'place', 'contactPerson', 'email'] as const satisfies readonly (keyof ProviderAddress)[];

// Four digits not starting with 0, then two letters (PostNL). A plain pattern without flags or
// lookahead, so that the OpenAPI document states exactly the rule the server applies.
const POSTCODE_PATTERN = /^\s*[1-9][0-9]{3} ?[A-Za-z]{2}\s*$/;
export const POSTCODE_MESSAGE = 'geen geldige postcode (1234 AB)';

/** `1234ab`, ` 1234 AB ` -> `1234 AB`; only called on a postcode that matched the pattern. */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

/** `1234 AB`, with or without the space, in any case; stored normalised. */
export const postcodeSchema = z
  .string()
  .max(9, { abort: true, error: POSTCODE_MESSAGE })
  .regex(POSTCODE_PATTERN, { error: POSTCODE_MESSAGE })
  .overwrite(normalisePostcode);

/** The optional fields, to spread into a strict provider object. */
export const providerAddressShape = {
  street: nonBlankLine('de straat en het huisnummer', TEXT_LIMITS.address).trim().optional(),
  postcode: postcodeSchema.optional(),
  place: nonBlankLine('de plaats', TEXT_LIMITS.address).trim().optional(),
  contactPerson: nonBlankLine('de contactpersoon', TEXT_LIMITS.name).trim().optional(),
  email: emailAddress().optional(),
};

/** Only the address fields that are filled in, in their fixed order. */
export function addressOf(provider: ProviderAddress): ProviderAddress {
  const address: ProviderAddress = {};
  for (const key of PROVIDER_ADDRESS_KEYS) if (provider[key] !== undefined) address[key] = provider[key];
  return address;
}

/**
 * The lines of a letter's address block: the school, "t.a.v." its contact person, the street
 * and "postcode  PLAATS" (NEN 5825 and PostNL: two spaces, the place in capitals). Lines
 * that are not known are left out, so a school without an address gets its name only.
 */
export function addressBlockLines(name: string, address: ProviderAddress): string[] {
  const placeLine = [address.postcode, address.place?.toLocaleUpperCase('nl-NL')].filter((part) => part !== undefined).join('  ');
  return [
    name,
    address.contactPerson === undefined ? undefined : `t.a.v. ${address.contactPerson}`,
    address.street,
    placeLine === '' ? undefined : placeLine,
  ].filter((line): line is string => line !== undefined);
}
