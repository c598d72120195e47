// The embed-code builder: a form per widget, the live widget beside it, the exact HTML to paste (and
// the CSS for the council's own stylesheet), and a check of the feed or endpoint in plain words.
// Plain DOM, no framework, no inline script or style (CSP). Whatever it writes must work pasted alone
// into a blank page under the README's strict CSP: `npm test` pastes every kind of snippet it makes.

/** Every network the share bar knows, in the README's order (the demo check compares it with the source). */
export const NETWORKS = ['native', 'facebook', 'x', 'linkedin', 'whatsapp', 'bluesky', 'mastodon', 'threads', 'reddit', 'telegram', 'nextdoor', 'email', 'sms', 'copy', 'print'];

const whole = (min, max, what) => (v) => (/^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? '' : `${what} must be a whole number from ${min} to ${max}.`);
const refresh = (v) =>
  !/^\d+$/.test(v) ? 'Enter a number of seconds, like 300 (or 0 to never check).' : Number(v) > 0 && Number(v) < 30 ? `The widgets check at most every 30 seconds, so ${v} will be treated as 30. Enter 30 or more (or 0 to never check).` : '';
const address = (v) => (/^(https?:\/\/[^\s/]+|\/(?!\/))\S*$/.test(v) ? '' : 'Enter an address starting with https:// or a path on your site starting with /.');
const template = (v) => address(v) || (v.includes('{id}') ? '' : 'Put {id} where the reference goes, for example /reports/{id}.');
const places = (v) => address(v) || (v.includes('{lat}') && v.includes('{long}') ? '' : 'Put {lat} and {long} where the position goes.');
const time = (v) => (/^([01]?\d|2[0-3]):[0-5]\d$/.test(v) ? '' : 'Enter a time in 24-hour form, like 15:30.');
const networks = (v) => {
  const unknown = v.split(',').map((n) => n.trim().toLowerCase()).filter((n) => n && !NETWORKS.includes(n));
  return unknown.length ? `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a network' : 'are not networks'} the share bar knows. Use any of: ${NETWORKS.join(', ')}.` : '';
};
const label = { name: 'label', label: 'Name of this region for screen readers (optional: needed when a page has two)' };

const WIDGETS = {
  'alert-banner': {
    fallback: ['/service-alerts.html', 'See current service alerts'],
    fields: [
      { name: 'src', label: 'Feed address', value: '/feeds/alerts.json', check: 'feed', validate: address },
      { name: 'format', label: 'Feed format', options: ['auto', 'json', 'rss', 'atom', 'cap', 'ea-floods'], check: 'format' },
      { name: 'refresh', label: 'Check for changes every (seconds, 0 = never)', type: 'number', value: '60', def: '60', validate: refresh },
      { name: 'max', label: 'Alerts shown before “Show more”', type: 'number', value: '3', def: '3', validate: whole(1, 50, 'The number of alerts') },
      { name: 'heading-level', label: 'Heading level of each alert (2 to 6)', type: 'number', value: '2', def: '2', validate: whole(2, 6, 'The heading level') },
      { name: 'area', label: 'Only alerts for this area (optional)' },
      { name: 'empty-text', label: 'Text when there are no alerts (optional)' },
      label,
      { name: 'share', label: 'A share bar on each alert', type: 'checkbox', needs: 'share-bar' },
      { name: 'show-test', label: 'Show test alerts (for a preview page only)', type: 'checkbox' },
    ],
  },
  'closure-ticker': {
    fallback: ['/school-closures.html', 'School closures today'],
    fields: [
      { name: 'src', label: 'Feed address', value: '/feeds/school-closures.json', check: 'feed', validate: address },
      { name: 'format', label: 'Feed format', options: ['auto', 'json', 'csv', 'rss', 'atom'], check: 'format' },
      { name: 'mode', label: 'Show as', options: ['ticker', 'list'] },
      { name: 'refresh', label: 'Check for changes every (seconds, 0 = never)', type: 'number', value: '60', def: '60', validate: refresh },
      { name: 'speed', label: 'Ticker speed (pixels per second)', type: 'number', value: '60', def: '60', validate: whole(10, 400, 'The speed') },
      { name: 'cutoff', label: 'Show tomorrow’s closures after (24-hour time)', value: '15:30', def: '15:30', validate: time },
      { name: 'area', label: 'Only schools in this area (optional)' },
      { name: 'list-url', label: '“See all closures” link (optional)', validate: address },
      label,
      { name: 'share', label: 'A share bar on each school (list only)', type: 'checkbox', needs: 'share-bar' },
    ],
  },
  'report-form': {
    fallback: ['/report.html', 'Report a problem on our website'],
    fields: [
      // Not an attribute: it fills in the two addresses below from the council's civic-relay.
      { name: 'relay', label: 'Your civic-relay and upstream id (optional: fills in both addresses), like https://relay.council.example/anyshire', validate: (v) => address(v) || (/^https?:\/\//.test(v) ? '' : 'Enter the relay’s full address, starting with https://.'), notAttribute: true },
      { name: 'endpoint', label: 'Open311 address', value: '/open311/v2', check: 'open311', validate: address },
      { name: 'response-format', label: 'Open311 format', options: ['json', 'xml'], check: 'format' },
      { name: 'services', label: 'Service codes to offer, in order (optional)', value: 'FLY,GRAF,POT', check: 'services' },
      { name: 'contact', label: 'Contact details', options: ['optional', 'required', 'none'] },
      { name: 'max-photos', label: 'Photos per report (0 = none)', type: 'number', value: '3', def: '3', validate: whole(0, 10, 'The number of photos') },
      { name: 'media-endpoint', label: 'Photo upload address (optional)', value: '/open311/media', validate: address },
      { name: 'privacy-url', label: 'Privacy notice address', value: '/privacy.html', validate: address },
      { name: 'track-url', label: 'Track-your-report address, {id} for the reference (optional)', value: '/reports#r{id}', validate: template },
      { name: 'reverse-geocode-url', label: 'Address lookup for a position, with {lat} and {long} (optional)', validate: places },
      { name: 'jurisdiction-id', label: 'Jurisdiction id (optional)' },
    ],
  },
  'share-bar': {
    fallback: ['mailto:?subject=Share%20this%20page', 'Share this page by email'],
    fields: [
      { name: 'networks', label: 'Networks, in order', value: 'native,facebook,x,whatsapp,nextdoor,email,copy', validate: networks },
      { name: 'url', label: 'Address to share (optional: the page’s own)', validate: address },
      { name: 'text', label: 'Text to share (optional: the page title)' },
      { name: 'label', label: 'Name of the bar for screen readers (optional: “Share this page”)' },
      { name: 'variant', label: 'Style', options: ['buttons', 'icons'] },
      { name: 'mastodon-instance', label: 'Mastodon server (optional)' },
      { name: 'utm', label: 'Add utm_source and utm_medium to shared links', type: 'checkbox' },
      { name: 'brand-colours', label: 'Icons in each network’s colours', type: 'checkbox' },
    ],
  },
};

const $ = (id) => document.getElementById(id);
const form = $('builder');
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function field(f) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const labelEl = Object.assign(document.createElement('label'), { htmlFor: `f-${f.name}`, textContent: f.label });
  let control;
  if (f.options) {
    control = document.createElement('select');
    control.append(...f.options.map((o) => new Option(o, o)));
  } else {
    control = Object.assign(document.createElement('input'), { type: f.type === 'checkbox' ? 'checkbox' : 'text', value: f.value ?? '' });
    if (f.type === 'number') control.inputMode = 'numeric';
    if (f.type !== 'checkbox') control.spellcheck = false;
  }
  Object.assign(control, { id: `f-${f.name}`, name: f.name });
  if (!f.notAttribute) control.dataset.attr = '';
  if (f.check) control.dataset.check = f.check;
  if (f.def !== undefined) control.dataset.def = f.def; // the widget's own default: left out of the code
  const error = Object.assign(document.createElement('p'), { id: `f-${f.name}-error`, className: 'field-error', hidden: true });
  if (f.type === 'checkbox') wrap.append(control, labelEl);
  else wrap.append(labelEl, error, control);
  return wrap;
}

function renderFields() {
  const { fields, fallback } = WIDGETS[form.widget.value];
  $('fields').replaceChildren(...fields.map(field));
  // The fallback: what residents see without JavaScript or while the feed is down.
  [form['fallback-href'].value, form['fallback-text'].value] = fallback;
}

/** Messages for what a web team typed, beside each field (GOV.UK's error message pattern). */
function validate() {
  const { fields } = WIDGETS[form.widget.value];
  for (const f of [...fields, { name: 'fallback-href', validate: (v) => (/^mailto:/.test(v) ? '' : address(v)) }, { name: 'script-base', validate: address }]) {
    const control = $(`f-${f.name}`) ?? $(f.name); // by id: form.elements also finds the colour inputs
    const error = $(`f-${f.name}-error`) ?? $(`${f.name}-error`);
    if (!control || !error) continue;
    const value = control.value.trim();
    const message = f.validate && value ? f.validate(value) : '';
    error.hidden = !message;
    error.textContent = message;
    if (message) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    } else {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }
}

/** The chosen attributes, in order, leaving out defaults and empty values. */
function attributes() {
  return [...form.querySelectorAll('[data-attr]')].flatMap((c) => {
    if (c.type === 'checkbox') return c.checked ? [[c.name, '']] : [];
    const standard = c.tagName === 'SELECT' ? c.options[0].value : c.dataset.def;
    return c.value.trim() && c.value.trim() !== standard ? [[c.name, c.value.trim()]] : [];
  });
}

function tokens() {
  return [...form.querySelectorAll('[name^="--civic-"]')].flatMap((c) => (c.value.trim() && c.value !== c.dataset.default ? [[c.name, c.value.trim()]] : []));
}

function update() {
  validate();
  const widget = form.widget.value;
  const tag = `civic-${widget}`;
  const attrs = attributes();
  const lang = form.lang.value;
  const href = form['fallback-href'].value.trim() || WIDGETS[widget].fallback[0];
  const text = form['fallback-text'].value.trim() || WIDGETS[widget].fallback[1];
  // The preview: the real element, attributes set through the DOM (never as HTML).
  const el = document.createElement(tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  if (lang) el.setAttribute('lang', lang);
  for (const [name, value] of tokens()) el.style.setProperty(name, value);
  el.append(Object.assign(document.createElement('a'), { href, textContent: text }));
  $('preview').replaceChildren(el);
  // The code to paste: a script per widget it needs (the share bar too when it is asked for).
  const base = form['script-base'].value.trim().replace(/\/?$/, '/');
  const needs = WIDGETS[widget].fields.filter((f) => f.needs && attrs.some(([n]) => n === f.name)).map((f) => f.needs);
  const blocking = form.blocking.checked ? ' blocking="render"' : '';
  const scripts = [widget, ...new Set(needs)].map((w) => `<script type="module" src="${escape(base)}civic-${w}.js"${blocking}></script>\n`).join('');
  const attrText = [...attrs, ...(lang ? [['lang', lang]] : [])].map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escape(v)}"`)).join('');
  $('snippet').value = `${scripts}<${tag}${attrText}>\n  <a href="${escape(href)}">${escape(text)}</a>\n</${tag}>\n`;
  // Colours go in the council's stylesheet: a strict CSP (style-src 'self') blocks a <style> in the page.
  const css = tokens();
  $('css-part').hidden = !css.length;
  $('css').value = css.length ? `${tag} {\n${css.map(([n, v]) => `  ${n}: ${v};`).join('\n')}\n}\n` : '';
}

/** What a feed really is, from its type and first bytes. */
function kindOf(type, body) {
  const head = body.trimStart().slice(0, 2000);
  if (/html/.test(type) || /^<!doctype html|^<html/i.test(head)) return 'html';
  if (/^[[{]/.test(head)) {
    try {
      const json = JSON.parse(body);
      if (Array.isArray(json?.alerts)) return 'json';
      if (Array.isArray(json?.closures)) return 'json';
      if (Array.isArray(json?.items)) return 'ea-floods';
      return 'unknown-json';
    } catch {
      return 'broken-json';
    }
  }
  if (/urn:oasis:names:tc:emergency:cap/.test(head) || /<alert[\s>]/.test(head)) return 'cap';
  if (/<rss[\s>]/.test(head)) return 'rss';
  if (/<feed[\s>]/.test(head)) return 'atom';
  if (/^[^\n]*\bschool\b[^\n]*,[^\n]*\bstatus\b/i.test(head)) return 'csv';
  return 'unknown';
}

/** The service codes in an Open311 services list (JSON or XML). */
function serviceCodes(format, body) {
  if (format === 'xml') {
    const doc = new DOMParser().parseFromString(body, 'application/xml');
    return doc.querySelector('parsererror') ? [] : [...doc.querySelectorAll('service > service_code')].map((n) => n.textContent.trim());
  }
  try {
    const list = JSON.parse(body);
    return Array.isArray(list) ? list.map((s) => String(s?.service_code ?? '')).filter(Boolean) : [];
  } catch {
    return [];
  }
}

const NAMES = { json: 'civic JSON', rss: 'RSS', atom: 'Atom', cap: 'CAP', 'ea-floods': 'Environment Agency flood JSON', csv: 'CSV' };
let checking;

/**
 * Checks the address in the form now. The verdict always belongs to the address shown: a newer check
 * aborts the older one, and an answer for an address that is no longer in the field is thrown away.
 */
async function check() {
  checking?.abort();
  const control = form.querySelector('[data-check="feed"], [data-check="open311"]');
  const out = $('check');
  if (!control || !control.value.trim()) return void (out.hidden = true);
  const controller = (checking = new AbortController());
  const value = control.value.trim();
  const say = (text, bad = false) => {
    if (controller.signal.aborted || control.value.trim() !== value) return;
    out.hidden = false;
    out.textContent = text;
    out.dataset.for = value;
    out.classList.toggle('bad', bad);
  };
  const open311 = control.dataset.check === 'open311';
  const format = open311 ? (form['response-format']?.value ?? 'json') : undefined;
  let url;
  try {
    url = new URL(open311 ? `${value.replace(/\/+$/, '')}/services.${format}` : value, location.href);
  } catch {
    return say('This is not a web address.', true);
  }
  if (!/^https?:$/.test(url.protocol)) return say('The address must start with https:// (or be a path on your site).', true);
  say('Checking…');
  let response;
  let body;
  try {
    response = await fetch(url, { credentials: 'omit', signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10_000)]) });
    body = await response.text();
  } catch {
    return say(
      url.origin === location.origin
        ? 'This address did not answer. Check that it is right and that the server is running.'
        : 'This address is not reachable from this page: the server must send Access-Control-Allow-Origin (and be online).',
      true,
    );
  }
  if (!response.ok) return say(`The address answered ${response.status} ${response.statusText}: it is not working at the moment.`, true);
  const kind = kindOf(response.headers.get('content-type') ?? '', body);
  if (kind === 'html') return say('This address is a web page, not a feed. Use the address of the feed itself.', true);
  if (open311) {
    const codes = serviceCodes(format, body);
    if (!codes.length) return say('This does not look like an Open311 services list.', true);
    const wanted = (form.services?.value ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    const unknown = wanted.filter((c) => !codes.includes(c));
    if (unknown.length) return say(`Open311 works, but it has no service ${unknown.join(', ')}. Its codes are: ${codes.join(', ')}.`, true);
    return say(`Open311 works: ${codes.length} services found${wanted.length ? `, ${wanted.length} offered` : ''}.`);
  }
  if (!NAMES[kind]) return say('This is not a feed format the widgets read (civic JSON, RSS, Atom, CAP, Environment Agency JSON or CSV).', true);
  const chosen = form.format.value;
  if (chosen !== 'auto' && chosen !== kind) return say(`This feed is ${NAMES[kind]}: set the format to ${kind}.`, true);
  return say(`The feed works: ${NAMES[kind]}${chosen === 'auto' ? ' (found automatically)' : ''}.`);
}

let timer;
/** A change to what is checked: the old verdict goes at once, the new check starts once typing pauses. */
function checkSoon() {
  checking?.abort();
  clearTimeout(timer);
  const out = $('check');
  out.hidden = false;
  out.textContent = 'Checking…';
  out.classList.remove('bad');
  delete out.dataset.for;
  timer = setTimeout(check, 500);
}

form.addEventListener('input', (event) => {
  if (event.target === form.widget) return; // handled on change
  // The relay's two routes for this upstream (no api-key: the relay holds it).
  const relay = event.target.name === 'relay' ? event.target.value.trim().replace(/\/+$/, '') : '';
  if (relay && /^https?:\/\/[^\s/]+\/[a-z0-9-]+$/.test(relay)) {
    $('f-endpoint').value = `${relay}/open311/v2`;
    $('f-media-endpoint').value = `${relay}/media`;
    checkSoon();
  }
  update();
  if (event.target.dataset?.check !== undefined) checkSoon();
});
form.addEventListener('change', (event) => {
  if (event.target === form.widget) {
    renderFields();
    update();
    void check();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
for (const [button, source, status] of [['copy', 'snippet', 'copied'], ['copy-css', 'css', 'copied-css']]) {
  $(button).addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($(source).value);
      $(status).textContent = 'Copied. Paste it into your page.';
    } catch {
      $(source).select();
      $(status).textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected code.';
    }
  });
}

renderFields();
update();
void check();
