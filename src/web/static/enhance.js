// Progressive enhancement, nothing more: every form works without this file.
// 1. Forms marked data-preview refresh their preview regions (ids in data-preview, separated
//    by spaces) when a field changes: the same POST the "Voorbeeld bijwerken" button makes,
//    with only the regions' contents swapped in, so focus stays where it is (WCAG 3.2.2: no
//    change of context on input) and each aria-live region stays in the page to announce it.
// 2. Forms marked data-autosave save a score once a score is chosen and a motivation written
//    (when either changes), and announce the outcome in their role="status" element; "not
//    saved" only ever follows a save the server refused.
// 3. Forms marked data-confirm (a step that cannot be undone) ask in their native <dialog>
//    instead of the checkbox that asks without JavaScript: the checkbox is hidden, and ticked
//    when the dialog's "Ja" is chosen.
// 4. A page that answers a refused post with an error summary moves focus to it, also where
//    the browser does not honour its autofocus.
const post = (form, fields, accept) => {
  const body = new FormData(form);
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return fetch(form.action, { method: 'POST', body, headers: { accept } });
};

for (const form of document.querySelectorAll('form[data-preview]')) {
  const regionIds = form.dataset.preview.split(/\s+/).filter((id) => id !== '');
  let latest = 0;
  form.addEventListener('change', async () => {
    const request = ++latest;
    const response = await post(form, { actie: 'voorbeeld' }, 'text/html');
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    // An older answer arriving after a newer one must not overwrite it.
    if (request !== latest) return;
    for (const regionId of regionIds) {
      const fresh = page.getElementById(regionId);
      const current = document.getElementById(regionId);
      if (fresh && current) current.replaceChildren(...fresh.childNodes);
    }
  });
}

for (const form of document.querySelectorAll('form[data-autosave]')) {
  const status = form.querySelector('[role="status"]');
  const motivation = form.querySelector('textarea');
  const save = async () => {
    if (!form.querySelector('input[type="radio"]:checked')) return;
    // An evaluator who picks the score first is not done yet: a save without the motivation
    // would only come back refused, and "not saved" would blame a step not yet reached.
    if (motivation && motivation.value.trim() === '') {
      if (status) status.textContent = 'Score gekozen. Schrijf de motivering; dan wordt de score opgeslagen.';
      return;
    }
    const response = await post(form, {}, 'application/json');
    const answer = await response.json().catch(() => ({}));
    if (status) status.textContent = response.ok ? 'Opgeslagen.' : `Niet opgeslagen: ${answer.message ?? response.status}`;
  };
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'radio') void save();
  });
  form.addEventListener('focusout', (event) => {
    if (event.target instanceof HTMLTextAreaElement) void save();
  });
}

for (const form of document.querySelectorAll('form[data-confirm]')) {
  const dialog = form.querySelector('dialog[data-confirm-dialog]');
  const box = form.querySelector('input[type="checkbox"][name="bevestiging"]');
  const field = box?.closest('[data-confirm-field]');
  if (!dialog || !box || !field || typeof dialog.showModal !== 'function') continue;
  field.hidden = true;
  form.addEventListener('submit', (event) => {
    if (box.checked) return;
    event.preventDefault();
    dialog.showModal();
  });
  dialog.querySelector('[data-confirm-yes]')?.addEventListener('click', () => {
    box.checked = true;
    dialog.close();
    form.requestSubmit();
  });
  dialog.querySelector('[data-confirm-no]')?.addEventListener('click', () => dialog.close());
}

const summary = document.getElementById('foutmeldingen');
if (summary && document.activeElement !== summary) summary.focus();

// 5. A table that is wider than its box scrolls inside it (layout.css .gw-scroll); a keyboard
//    user can only scroll a box that takes focus (WCAG 2.1.1), so a box that overflows gets a
//    place in the tab order, named by its table's caption. Re-measured when the window resizes.
// A box the page already made a named region (the consensus matrix) is left as it is.
const scrollBoxes = [...document.querySelectorAll('.gw-scroll:not([tabindex])')];
const markScrollable = () => {
  for (const box of scrollBoxes) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    if (overflows && !box.hasAttribute('tabindex')) {
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      const caption = box.querySelector('caption');
      if (caption !== null) box.setAttribute('aria-label', caption.textContent.trim());
    } else if (!overflows && box.hasAttribute('tabindex')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
};
markScrollable();
if (typeof ResizeObserver === 'function') new ResizeObserver(markScrollable).observe(document.documentElement);
