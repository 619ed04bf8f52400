/**
 * @module
 * A school's optional address and contact as form fields (issue 17: the award letter is
 * addressed to the school when these are known).
 */
import type { FormErrors } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { TextField } from './form-field.js';

/** Contact person, street and number, postcode, place and e-mail; each may stay empty. */
export function ProviderAddressFields({ values, errors }: { values: FormValues; errors: FormErrors }) {
  return (
    <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Adres voor de gunningsbrief (niet verplicht)</legend>
      <TextField name="provider.contactPerson" label="Contactpersoon" value={values['provider.contactPerson']} errors={errors} size={40} />
      <TextField name="provider.street" label="Straat en huisnummer" value={values['provider.street']} errors={errors} size={40} />
      <TextField name="provider.postcode" label="Postcode" value={values['provider.postcode']} errors={errors} size={8} description="Bijvoorbeeld 1234 AB" />
      <TextField name="provider.place" label="Plaats" value={values['provider.place']} errors={errors} size={30} />
      <TextField name="provider.email" label="E-mailadres" value={values['provider.email']} errors={errors} type="email" size={40} />
    </fieldset>
  );
}
