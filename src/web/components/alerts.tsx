/**
 * @module
 * The error summary at the top of a form, and notices. The summary links each message to
 * its field and takes focus when the page loads, so keyboard and screen-reader users hear
 * at once that the form was not accepted (WCAG 3.3.1).
 */
import type { Child } from 'hono/jsx';
import type { FormErrors } from '../forms/form-errors.js';

export function ErrorSummary({ errors, title = 'Het formulier is niet verwerkt' }: { errors: FormErrors; title?: string }) {
  if (errors.summary.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert" id="foutmeldingen" tabindex={-1} autofocus>
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-2 utrecht-heading-2--distanced">{title}</h2>
        <ul class="utrecht-unordered-list utrecht-unordered-list--distanced">
          {errors.summary.map((item) => (
            <li class="utrecht-unordered-list__item">
              {item.fieldId === undefined ? (
                `${item.label}: ${item.message}`
              ) : (
                <a class="utrecht-link utrecht-link--html-a" href={`#${item.fieldId}`}>
                  {item.label}: {item.message}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'ok' | 'warning' | 'error'; children?: Child }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'ok' ? 'status' : undefined}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  kind = 'primary-action',
}: {
  children?: Child;
  name?: string;
  value?: string;
  kind?: 'primary-action' | 'secondary-action' | 'subtle';
}) {
  return (
    <button type="submit" class={`utrecht-button utrecht-button--${kind}`} name={name} value={value}>
      {children}
    </button>
  );
}
