// The finder (/obligations) with JavaScript: the filters apply as they are changed and the
// results are replaced in place, without reloading the page; the address follows (so a link can
// still be shared, and Back goes to the previous filter). Without JavaScript the form is an
// ordinary GET form and every page is complete. A refusal (a 422 naming a field) or a failed
// request falls back to loading the address, so its page explains itself.
const finder = document.querySelector('.finder');
const form = finder?.querySelector('form[action="/obligations"]');
const results = () => finder?.querySelector('section.results');

if (finder && form && results()) {
  // Tells screen readers what changed (the count), since focus stays where it was.
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  finder.append(status);

  let latest = 0;
  const load = async (url, { push }) => {
    const asked = ++latest;
    results()?.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(`${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('.finder section.results');
      if (!fresh) throw new Error('no results in the answer');
      if (asked !== latest) return; // a later change is on its way
      results()?.replaceWith(document.importNode(fresh, true));
      if (push) history.pushState({ finder: true }, '', url);
      document.title = page.title || document.title;
      status.textContent = fresh.querySelector('#results-heading')?.textContent ?? '';
    } catch {
      if (asked === latest) location.assign(url);
    }
  };

  // The form's state as a short address: empty fields left out, back to the first page.
  const address = () => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '' && name !== 'page') params.append(name, value);
    }
    const query = params.toString();
    return query ? `/obligations?${query}` : '/obligations';
  };

  let typing;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    load(address(), { push: true });
  });
  form.addEventListener('change', (event) => {
    if (event.target.matches('select')) load(address(), { push: true });
  });
  form.addEventListener('input', (event) => {
    if (!event.target.matches('input')) return;
    clearTimeout(typing);
    typing = setTimeout(() => load(address(), { push: true }), 400);
  });
  // The pages of the results, in place too; a row's own link opens its obligation.
  finder.addEventListener('click', (event) => {
    const link = event.target.closest('section.results a[href^="/obligations?"]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    load(link.getAttribute('href'), { push: true });
  });
  window.addEventListener('popstate', () => {
    if (location.pathname !== '/obligations') return;
    load(location.pathname + location.search, { push: false });
    // The form follows the address it went back to.
    const params = new URLSearchParams(location.search);
    for (const field of form.elements) {
      if (!field.name || field.type === 'submit') continue;
      const blank = field.matches('select') && !field.querySelector('option[value=""]')
        ? field.options[0]?.value ?? ''
        : '';
      field.value = params.get(field.name) ?? blank;
    }
  });
}
