// The embed-code builder: a form per widget, the live widget beside it, the exact HTML to paste, and
// a check of the feed or endpoint in plain words. Plain DOM, no framework, no inline script (CSP).
const WIDGETS = {
  'alert-banner': {
    fallback: ['/service-alerts', 'See current service alerts'],
    fields: [
      { name: 'src', label: 'Feed address', value: '/feeds/alerts.json', check: 'feed' },
      { name: 'format', label: 'Feed format', options: ['auto', 'json', 'rss', 'atom', 'cap', 'ea-floods'] },
      { name: 'refresh', label: 'Check for changes every (seconds, 0 = never)', type: 'number', value: '300', def: '300' },
      { name: 'max', label: 'Alerts shown before “Show more”', type: 'number', value: '3', def: '3' },
      { name: 'area', label: 'Only alerts for this area (optional)' },
      { name: 'empty-text', label: 'Text when there are no alerts (optional)' },
      { name: 'share', label: 'A share bar on each alert', type: 'checkbox' },
    ],
  },
  'closure-ticker': {
    fallback: ['/school-closures', 'School closures today'],
    fields: [
      { name: 'src', label: 'Feed address', value: '/feeds/school-closures.json', check: 'feed' },
      { name: 'format', label: 'Feed format', options: ['auto', 'json', 'csv', 'rss', 'atom'] },
      { name: 'mode', label: 'Show as', options: ['ticker', 'list'] },
      { name: 'refresh', label: 'Check for changes every (seconds, 0 = never)', type: 'number', value: '300', def: '300' },
      { name: 'area', label: 'Only schools in this area (optional)' },
      { name: 'list-url', label: '“See all closures” link (optional)' },
    ],
  },
  'report-form': {
    fallback: ['/report-it', 'Report a problem'],
    fields: [
      { name: 'endpoint', label: 'Open311 address', value: '/open311/v2', check: 'open311' },
      { name: 'response-format', label: 'Open311 format', options: ['json', 'xml'] },
      { name: 'services', label: 'Service codes to offer, in order (optional)', value: 'FLY,GRAF,POT' },
      { name: 'contact', label: 'Contact details', options: ['optional', 'required', 'none'] },
      { name: 'max-photos', label: 'Photos per report (0 = none)', type: 'number', value: '3', def: '3' },
      { name: 'media-endpoint', label: 'Photo upload address (optional)', value: '/open311/media' },
      { name: 'privacy-url', label: 'Privacy notice address', value: '/privacy.html' },
      { name: 'track-url', label: 'Track-your-report address, {id} for the reference (optional)', value: '/reports#r{id}' },
      { name: 'jurisdiction-id', label: 'Jurisdiction id (optional)' },
    ],
  },
  'share-bar': {
    fallback: ['mailto:?subject=Anyshire%20Council', 'Share by email'],
    fields: [
      { name: 'networks', label: 'Networks, in order', value: 'native,facebook,x,whatsapp,nextdoor,email,copy' },
      { name: 'url', label: 'Address to share (optional: the page’s own)' },
      { name: 'text', label: 'Text to share (optional: the page title)' },
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

function renderFields() {
  const { fields } = WIDGETS[form.widget.value];
  $('fields').replaceChildren(
    ...fields.map((f) => {
      const wrap = document.createElement('div');
      const label = Object.assign(document.createElement('label'), { htmlFor: `f-${f.name}`, textContent: f.label });
      let control;
      if (f.options) {
        control = document.createElement('select');
        control.append(...f.options.map((o) => new Option(o, o)));
      } else {
        control = Object.assign(document.createElement('input'), { type: f.type ?? 'text', value: f.value ?? '' });
      }
      Object.assign(control, { id: `f-${f.name}`, name: f.name });
      control.dataset.attr = '';
      if (f.check) control.dataset.check = f.check;
      if (f.def !== undefined) control.dataset.def = f.def; // the widget's own default: left out of the code
      if (f.type === 'checkbox') wrap.append(control, label);
      else wrap.append(label, control);
      return wrap;
    }),
  );
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
  const widget = form.widget.value;
  const tag = `civic-${widget}`;
  const attrs = attributes();
  const lang = form.lang.value;
  const [href, text] = WIDGETS[widget].fallback;
  // The preview: the real element, attributes set through the DOM (never as HTML).
  const el = document.createElement(tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  if (lang) el.setAttribute('lang', lang);
  for (const [name, value] of tokens()) el.style.setProperty(name, value);
  el.append(Object.assign(document.createElement('a'), { href, textContent: text }));
  $('preview').replaceChildren(el);
  // The code to paste.
  const base = form['script-base'].value.trim().replace(/\/?$/, '/');
  const attrText = [...attrs, ...(lang ? [['lang', lang]] : [])].map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escape(v)}"`)).join('');
  const style = tokens().length ? `<style>\n  ${tag} {\n${tokens().map(([n, v]) => `    ${n}: ${v};`).join('\n')}\n  }\n</style>\n` : '';
  $('snippet').value = `<script type="module" src="${escape(base)}civic-${widget}.js"></script>\n${style}<${tag}${attrText}>\n  <a href="${escape(href)}">${escape(text)}</a>\n</${tag}>\n`;
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

const NAMES = { json: 'civic JSON', rss: 'RSS', atom: 'Atom', cap: 'CAP', 'ea-floods': 'Environment Agency flood JSON', csv: 'CSV' };
let checking = 0;

async function check() {
  const control = form.querySelector('[data-check]');
  const out = $('check');
  if (!control || !control.value.trim()) return void (out.hidden = true);
  const run = ++checking;
  const say = (text, bad = false) => {
    if (run !== checking) return;
    out.hidden = false;
    out.textContent = text;
    out.classList.toggle('bad', bad);
  };
  const open311 = control.dataset.check === 'open311';
  const format = open311 ? (form['response-format']?.value ?? 'json') : undefined;
  let url;
  try {
    url = new URL(open311 ? `${control.value.trim().replace(/\/+$/, '')}/services.${format}` : control.value.trim(), location.href);
  } catch {
    return say('This is not a web address.', true);
  }
  if (!/^https?:$/.test(url.protocol)) return say('The address must start with https:// (or be a path on your site).', true);
  say('Checking…');
  let response;
  try {
    response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
  } catch {
    return say(
      url.origin === location.origin
        ? 'This address did not answer. Check that it is right and that the server is running.'
        : 'This address is not reachable from this page: the server must send Access-Control-Allow-Origin (and be online).',
      true,
    );
  }
  if (!response.ok) return say(`The address answered ${response.status} ${response.statusText}: it is not working at the moment.`, true);
  const body = await response.text();
  const kind = kindOf(response.headers.get('content-type') ?? '', body);
  if (kind === 'html') return say('This address is a web page, not a feed. Use the address of the feed itself.', true);
  if (open311) {
    const count = format === 'xml' ? (body.match(/<service>/g) ?? []).length : (() => { try { return JSON.parse(body).length; } catch { return 0; } })();
    return count ? say(`Open311 works: ${count} services found.`) : say('This does not look like an Open311 services list.', true);
  }
  if (!NAMES[kind]) return say('This is not a feed format the widgets read (civic JSON, RSS, Atom, CAP, Environment Agency JSON or CSV).', true);
  const chosen = form.format.value;
  if (chosen !== 'auto' && chosen !== kind) return say(`This feed is ${NAMES[kind]}: set the format to ${kind}.`, true);
  return say(`The feed works: ${NAMES[kind]}${chosen === 'auto' ? ' (found automatically)' : ''}.`);
}

let timer;
form.addEventListener('input', (event) => {
  if (event.target === form.widget) return; // handled on change
  update();
  clearTimeout(timer);
  if (event.target.dataset?.check !== undefined || event.target.name === 'format' || event.target.name === 'response-format') timer = setTimeout(check, 500);
});
form.addEventListener('change', (event) => {
  if (event.target === form.widget) {
    renderFields();
    update();
    void check();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').value);
    $('copied').textContent = 'Copied. Paste it into your page.';
  } catch {
    $('snippet').select();
    $('copied').textContent = 'Press Ctrl+C (or Cmd+C) to copy the selected code.';
  }
});

renderFields();
update();
void check();
