// Progressive enhancement, nothing more: every form works without this file.
// 1. Forms marked data-preview refresh their preview regions (ids in data-preview, separated
//    by spaces) when a field changes: the same POST the "Voorbeeld bijwerken" button makes,
//    with only the regions' contents swapped in, so focus stays where it is (WCAG 3.2.2: no
//    change of context on input) and each aria-live region stays in the page to announce it.
// 2. Forms marked data-autosave save a score as soon as it is chosen or the motivation is
//    left, and announce the outcome in their role="status" element.
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
  const save = async () => {
    if (!form.querySelector('input[type="radio"]:checked')) return;
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
