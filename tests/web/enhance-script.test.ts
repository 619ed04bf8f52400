/**
 * The page script `enhance.js` run against a small stand-in for the DOM (no browser; the
 * browser story runs the same file in Chromium): autosave says "not saved" only after a
 * refused save, a step that cannot be undone asks in its dialog, and a refused post's error
 * summary gets the focus.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE = readFileSync(new URL('../../src/web/static/enhance.js', import.meta.url), 'utf8');

type Listener = (event: FakeEvent) => unknown;
type FakeEvent = { target?: unknown; defaultPrevented?: boolean; preventDefault?: () => void };

class Listening {
  private listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, event: FakeEvent = {}): FakeEvent {
    const full: FakeEvent = { ...event, defaultPrevented: false };
    full.preventDefault = () => {
      full.defaultPrevented = true;
    };
    for (const listener of this.listeners.get(type) ?? []) void listener(full);
    return full;
  }
}

class FakeInput extends Listening {
  checked = false;
  constructor(
    readonly type: string,
    readonly name = '',
    private readonly field?: { hidden: boolean },
  ) {
    super();
  }
  closest(): { hidden: boolean } | null {
    return this.field ?? null;
  }
}
class FakeTextarea extends Listening {
  value = '';
}

type Page = { autosave?: unknown[]; confirm?: unknown[]; summary?: { focus: () => void } | null };

function run(page: Page, fetch: (url: string, init: unknown) => Promise<unknown> = async () => ({ ok: true, json: async () => ({ saved: true }) })) {
  const document = {
    activeElement: {},
    querySelectorAll: (selector: string) =>
      selector === 'form[data-autosave]' ? (page.autosave ?? []) : selector === 'form[data-confirm]' ? (page.confirm ?? []) : [],
    getElementById: (id: string) => (id === 'foutmeldingen' ? (page.summary ?? null) : null),
  };
  class FakeFormData {
    set(): void {}
  }
  new Function('document', 'fetch', 'FormData', 'HTMLInputElement', 'HTMLTextAreaElement', SOURCE)(document, fetch, FakeFormData, FakeInput, FakeTextarea);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function scoreForm() {
  const radio = new FakeInput('radio', 'score');
  const textarea = new FakeTextarea();
  const status = { textContent: 'Nog niet gescoord.' };
  const form = Object.assign(new Listening(), {
    action: '/aanbestedingen/t/beoordelen/B1/K1',
    querySelector: (selector: string) =>
      selector === '[role="status"]'
        ? status
        : selector === 'textarea'
          ? textarea
          : selector === 'input[type="radio"]:checked'
            ? radio.checked
              ? radio
              : null
            : null,
  });
  return { form, radio, textarea, status };
}

describe('autosave on the scoring page', () => {
  it('does not save, and does not say "not saved", when the score is chosen before the motivation', async () => {
    const { form, radio, textarea, status } = scoreForm();
    const posted: string[] = [];
    run({ autosave: [form] }, async (url) => {
      posted.push(url);
      return { ok: true, json: async () => ({ saved: true }) };
    });
    radio.checked = true;
    form.dispatch('change', { target: radio });
    await settle();
    expect(posted).toEqual([]);
    expect(status.textContent).toBe('Score gekozen. Schrijf de motivering; dan wordt de score opgeslagen.');
    expect(status.textContent).not.toMatch(/niet opgeslagen/i);

    textarea.value = 'Het plan beschrijft de aanpak concreet en met voorbeelden.';
    form.dispatch('focusout', { target: textarea });
    await settle();
    expect(posted).toEqual(['/aanbestedingen/t/beoordelen/B1/K1']);
    expect(status.textContent).toBe('Opgeslagen.');
  });

  it('says "not saved" with the server\'s reason once a save was refused', async () => {
    const { form, radio, textarea, status } = scoreForm();
    run({ autosave: [form] }, async () => ({ ok: false, status: 400, json: async () => ({ message: 'de motivering is te kort' }) }));
    radio.checked = true;
    textarea.value = 'Goed.';
    form.dispatch('focusout', { target: textarea });
    await settle();
    expect(status.textContent).toBe('Niet opgeslagen: de motivering is te kort');
  });
});

describe('a step that cannot be undone', () => {
  function confirmForm() {
    const field = { hidden: false };
    const box = new FakeInput('checkbox', 'bevestiging', field);
    const yes = new Listening();
    const no = new Listening();
    const dialog = {
      open: false,
      showModal() {
        this.open = true;
      },
      close() {
        this.open = false;
      },
      querySelector: (s: string) => (s === '[data-confirm-yes]' ? yes : s === '[data-confirm-no]' ? no : null),
    };
    let submitted = 0;
    const form = Object.assign(new Listening(), {
      querySelector: (s: string) => (s === 'dialog[data-confirm-dialog]' ? dialog : s === 'input[type="checkbox"][name="bevestiging"]' ? box : null),
      requestSubmit: () => {
        submitted += 1;
      },
    });
    return { form, field, box, dialog, yes, no, submitted: () => submitted };
  }

  it('hides the checkbox and asks in the dialog; "Ja" ticks it and sends the form, "Nee" sends nothing', () => {
    const step = confirmForm();
    run({ confirm: [step.form] });
    expect(step.field.hidden).toBe(true);
    const first = step.form.dispatch('submit');
    expect(first.defaultPrevented).toBe(true);
    expect(step.dialog.open).toBe(true);
    step.no.dispatch('click');
    expect(step.dialog.open).toBe(false);
    expect(step.submitted()).toBe(0);
    expect(step.box.checked).toBe(false);

    step.form.dispatch('submit');
    step.yes.dispatch('click');
    expect(step.box.checked).toBe(true);
    expect(step.dialog.open).toBe(false);
    expect(step.submitted()).toBe(1);
    // The form sent again after "Ja" goes through.
    expect(step.form.dispatch('submit').defaultPrevented).toBe(false);
  });
});

describe('a refused post', () => {
  it('moves the focus to the error summary', () => {
    let focused = 0;
    run({ summary: { focus: () => (focused += 1) } });
    expect(focused).toBe(1);
  });
});
