// Cairn's progressive enhancement (an ES module; the CSP allows no inline
// script). Every page works without it: expanders are native <details>, the
// search box is a plain GET form to /search. With it: expanders open for
// printing, the skip link moves keyboard focus, and the header search box
// offers suggestions as you type (ARIA 1.2 combobox with a listbox popup).

const SUGGEST_DELAY_MS = 150;
const SUGGEST_MIN_CHARS = 2;
const SUGGEST_MAX = 8;

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

// ---- Printing: open every expander, then put them back as they were.

function setUpPrinting() {
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = [];
    for (const details of document.querySelectorAll('details:not([open])')) {
      details.open = true;
      opened.push(details);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}

// ---- Phone menu: "Menu" opens the links in place (without JavaScript it is a
// link to the #cairn-menu panel, which CSS shows as the :target).

function setUpMenu() {
  const toggle = document.querySelector('.cairn-menu-toggle');
  const menu = document.getElementById('cairn-menu');
  if (!toggle || !menu) return;
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  const setOpen = (open) => {
    menu.classList.toggle('cairn-nav--open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', (event) => {
    event.preventDefault();
    setOpen(toggle.getAttribute('aria-expanded') !== 'true');
  });
  toggle.addEventListener('keydown', (event) => {
    if (event.key === ' ') {
      event.preventDefault();
      toggle.click();
    }
  });
  for (const close of menu.querySelectorAll('.cairn-menu-close')) {
    close.addEventListener('click', (event) => {
      event.preventDefault();
      setOpen(false);
      toggle.focus();
    });
  }
}

// ---- Word list: a term's link opens the closed "Words used on this page"
// before the jump (Chromium does this by itself; other browsers may not).

function setUpTermLinks() {
  for (const link of document.querySelectorAll('a.cairn-term[href^="#term-"]')) {
    link.addEventListener('click', () => {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      const details = target?.closest('details');
      if (details) details.open = true;
    });
  }
}

// ---- Skip link: move keyboard focus, not just the scroll position.

function setUpSkipLink() {
  for (const link of document.querySelectorAll('.nhsuk-skip-link[href^="#"]')) {
    link.addEventListener('click', () => {
      const target = document.getElementById(link.getAttribute('href').slice(1));
      if (!target) return;
      if (!target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
        target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
      }
      target.focus();
    });
  }
}

// ---- Search suggestions.

// The endpoint may answer ["a", "b"] or {"suggestions": ["a", "b"]}.
function suggestionsFrom(json) {
  const list = Array.isArray(json) ? json : json && Array.isArray(json.suggestions) ? json.suggestions : [];
  const seen = new Set();
  const out = [];
  for (const item of list) {
    const text = typeof item === 'string' ? item.trim() : '';
    if (text && !seen.has(text.toLowerCase())) {
      seen.add(text.toLowerCase());
      out.push(text);
    }
    if (out.length === SUGGEST_MAX) break;
  }
  return out;
}

function setUpSuggestions(input) {
  const endpoint = input.dataset.suggest;
  const form = input.form;
  const wrapper = input.parentElement;
  if (!endpoint || !form || !wrapper) return;

  const listId = `${input.id}-suggestions`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'cairn-suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Search suggestions');
  list.hidden = true;

  // Tells screen reader users that suggestions have appeared.
  const status = document.createElement('div');
  status.className = 'nhsuk-u-visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  wrapper.classList.add('cairn-suggest-wrapper');
  wrapper.append(list, status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);

  let options = [];
  let active = -1;
  let timer = 0;
  let controller = null;
  let disabled = false; // the endpoint does not exist (yet): stop asking

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(index) {
    const option = options[index];
    if (!option) return;
    input.value = option.textContent;
    close();
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  }

  function show(suggestions) {
    close();
    if (!suggestions.length || document.activeElement !== input) {
      status.textContent = '';
      return;
    }
    options = suggestions.map((text, i) => {
      const option = document.createElement('li');
      option.id = `${listId}-${i}`;
      option.className = 'cairn-suggest__option';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.textContent = text;
      // mousedown, not click: keep focus in the input until we submit.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(i);
      });
      return option;
    });
    list.replaceChildren(...options);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = `${options.length} suggestion${options.length === 1 ? '' : 's'}. ` +
      'Use the up and down arrow keys to choose.';
  }

  async function fetchSuggestions(query) {
    controller?.abort();
    controller = new AbortController();
    const url = `${endpoint}?q=${encodeURIComponent(query)}`;
    try {
      const response = await fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        // No suggestion service here: do not ask again on this page.
        if ([404, 405, 410, 501].includes(response.status)) disabled = true;
        close();
        return;
      }
      const suggestions = suggestionsFrom(await response.json());
      if (input.value.trim() === query) show(suggestions);
    } catch {
      // Aborted, offline or not JSON: the search box still works without us.
      if (!controller.signal.aborted) close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (disabled || query.length < SUGGEST_MIN_CHARS) {
      controller?.abort();
      close();
      return;
    }
    timer = setTimeout(() => fetchSuggestions(query), SUGGEST_DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    switch (event.key) {
      case 'ArrowDown':
        if (!open) return;
        event.preventDefault();
        highlight(active + 1 >= options.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        if (!open) return;
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter':
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => {
    clearTimeout(timer);
    close();
  });
}

setUpPrinting();
setUpMenu();
setUpTermLinks();
setUpSkipLink();
const searchInput = document.getElementById('search-field');
if (searchInput) setUpSuggestions(searchInput);
