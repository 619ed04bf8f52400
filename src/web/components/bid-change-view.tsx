/**
 * @module
 * The parts of the pages that change a bid: its figures as form fields, the change laid out
 * before and after for the confirmation, and the confirmation's own form, which carries the
 * typed values along unseen so that "Ja" records exactly what was shown.
 */
import type { Bid, PriceLine } from '../../domain/evaluation/dossier.js';
import type { BidFields } from '../../modules/bids/bid-input.js';
import { formatDutchTrimmed, formatOptionalEuros } from '../format.js';
import type { FormErrors } from '../forms/form-errors.js';
import type { FormValues } from '../forms/form-values.js';
import { SubmitButton } from './alerts.js';
import { CheckboxField, TextField } from './form-field.js';
import { Cell, Row, Table } from './table.js';
import { PROVIDER_ADDRESS_FIELDS } from '../forms/provider-address-form.js';
import type { ProviderAddress } from '../../domain/provider/provider-address.js';
import { ProviderAddressFields } from './provider-address-fields.js';

/** The inschrijver as fields: name, KvK number, keurmerk and the optional address. */
export function ProviderFields({ values, errors }: { values: FormValues; errors: FormErrors }) {
  return (
    <>
      <TextField name="provider.name" label="Inschrijver" value={values['provider.name']} errors={errors} size={40} />
      <TextField
        name="provider.kvk"
        label="KvK-nummer"
        value={values['provider.kvk']}
        errors={errors}
        inputMode="numeric"
        size={10}
        description="Acht cijfers"
      />
      <CheckboxField name="provider.keurmerk" label="Heeft het keurmerk Blik op Werk" errors={errors} checked={values['provider.keurmerk'] === 'ja'} />
      <ProviderAddressFields values={values} errors={errors} />
    </>
  );
}

/** The inschrijver (when asked) and the price, or each price line, as fields. */
export function BidFigureFields({ bid, values, errors, withProvider }: { bid: Bid; values: FormValues; errors: FormErrors; withProvider: boolean }) {
  return (
    <>
      {withProvider ? <ProviderFields values={values} errors={errors} /> : null}
      {bid.priceLines === undefined ? (
        <TextField name="price" label="Prijs (EUR)" value={values.price} errors={errors} inputMode="decimal" amount="totaal" />
      ) : (
        bid.priceLines.map((_line, i) => (
          <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--html-fieldset">
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Prijsregel {i + 1}</legend>
            <TextField
              name={`priceLines[${i}].description`}
              label={`Prijsregel ${i + 1}, omschrijving`}
              value={values[`priceLines[${i}].description`]}
              errors={errors}
              size={60}
            />
            <TextField
              name={`priceLines[${i}].quantity`}
              label={`Prijsregel ${i + 1}, aantal`}
              value={values[`priceLines[${i}].quantity`]}
              errors={errors}
              inputMode="decimal"
              size={10}
            />
            <TextField
              name={`priceLines[${i}].unitPrice`}
              label={`Prijsregel ${i + 1}, eenheidsprijs (EUR)`}
              value={values[`priceLines[${i}].unitPrice`]}
              errors={errors}
              inputMode="decimal"
              size={12}
              amount="per-eenheid"
            />
          </fieldset>
        ))
      )}
      {bid.priceLines === undefined ? null : (
        <p class="utrecht-paragraph utrecht-paragraph--distanced">
          De prijs is de som van de prijsregels (aantal maal eenheidsprijs, per regel afgerond op de cent).
        </p>
      )}
    </>
  );
}

const lineText = (line: PriceLine | undefined) =>
  line === undefined ? '-' : `${line.description}: ${formatDutchTrimmed(line.quantity)} x ${formatOptionalEuros(line.unitPrice)}`;

type Figures = { price?: number | null | undefined; priceLines?: PriceLine[] | undefined; provider?: BidFields['provider'] | undefined };

/** Every part of the bid that can change, now and after; a changed row says so. */
export function ChangeTable({ before, after, caption = 'Wat verandert' }: { before: Figures; after: Figures; caption?: string }) {
  const rows: [string, string, string][] = [];
  if (before.provider !== undefined && after.provider !== undefined) {
    rows.push(['Inschrijver', before.provider.name, after.provider.name]);
    rows.push(['KvK-nummer', before.provider.kvk, after.provider.kvk]);
    rows.push(['Keurmerk Blik op Werk', before.provider.keurmerk ? 'ja' : 'nee', after.provider.keurmerk ? 'ja' : 'nee']);
    for (const [name, label] of PROVIDER_ADDRESS_FIELDS) {
      const key = name.slice('provider.'.length) as keyof ProviderAddress;
      rows.push([label, before.provider[key] ?? '-', after.provider[key] ?? '-']);
    }
  }
  const lines = Math.max(before.priceLines?.length ?? 0, after.priceLines?.length ?? 0);
  for (let i = 0; i < lines; i++) rows.push([`Prijsregel ${i + 1}`, lineText(before.priceLines?.[i]), lineText(after.priceLines?.[i])]);
  rows.push(['Prijs', formatOptionalEuros(before.price), formatOptionalEuros(after.price)]);
  return (
    <Table caption={caption} columns={[{ label: 'Onderdeel' }, { label: 'Nu' }, { label: 'Wordt' }, { label: 'Gewijzigd' }]}>
      {rows.map(([label, now, next]) => (
        <Row>
          <Cell header>{label}</Cell>
          <Cell>{now}</Cell>
          <Cell>{next}</Cell>
          <Cell>{now === next ? 'nee' : 'ja'}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/**
 * The confirmation's form: the values as typed, unseen, and two buttons. "Ja" records them
 * (`actie=bevestigen`), "Nee" goes back to the form with them (`actie=terug`).
 */
export function ConfirmForm({ action, values, confirm, back }: { action: string; values: FormValues; confirm: string; back: string }) {
  return (
    <form method="post" action={action} class="utrecht-form">
      {Object.entries(values)
        .filter(([name]) => name !== 'actie')
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
      <div class="gw-inline">
        <SubmitButton name="actie" value="bevestigen">
          {confirm}
        </SubmitButton>
        <SubmitButton name="actie" value="terug" kind="secondary-action">
          {back}
        </SubmitButton>
      </div>
    </form>
  );
}
