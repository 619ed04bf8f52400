/**
 * @module
 * A school's optional address and contact in a form (issue 17): the inputs are named by the
 * API's problem paths (`provider.postcode`) so a refusal lands at its field; an empty input
 * leaves the field out, as the API's optional fields expect.
 */
import { PROVIDER_ADDRESS_KEYS, type ProviderAddress } from '../../domain/provider/provider-address.js';
import { optionalText, type FormValues } from './form-values.js';

/** Input name -> label, in the order of the form. */
export const PROVIDER_ADDRESS_FIELDS: readonly (readonly [name: `provider.${keyof ProviderAddress}`, label: string])[] = [
  ['provider.contactPerson', 'Contactpersoon'],
  ['provider.street', 'Straat en huisnummer'],
  ['provider.postcode', 'Postcode'],
  ['provider.place', 'Plaats'],
  ['provider.email', 'E-mailadres'],
];

/** The address fields typed into the form; an empty one is left out. */
export function providerAddressFromForm(values: FormValues): ProviderAddress {
  const address: ProviderAddress = {};
  for (const key of PROVIDER_ADDRESS_KEYS) {
    const value = optionalText(values[`provider.${key}`]);
    if (value !== undefined) address[key] = value;
  }
  return address;
}

/** The form's values for a school's address as it is. */
export function providerAddressValues(address: ProviderAddress): FormValues {
  const values: FormValues = {};
  for (const key of PROVIDER_ADDRESS_KEYS) {
    const value = address[key];
    if (value !== undefined) values[`provider.${key}`] = value;
  }
  return values;
}
