// The demo's two server-made pages: /control (change the sample feeds live, with plain HTML forms that
// work under the strict CSP) and /reports (every report the local Open311 server has received).
import { FEEDS, SEVERITIES, STATUSES, reset, slug, state, touch, xml as h } from './feeds.mjs';
import { loadReports } from './open311.mjs';

const layout = (title, body, scripts = true) => `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${h(title)} – Anyshire Council</title>
    <link rel="stylesheet" href="/assets/site.css">
    ${scripts ? '<script type="module" src="/cdn/civic-widgets.js"></script>' : ''}
  </head>
  <body>
    <a class="skip" href="#main">Skip to main content</a>
    <header class="site-header"><p class="logo"><a href="/">Anyshire Council</a></p></header>
    <main id="main">
${body}
    </main>
    <footer class="site-footer"><p>Anyshire Council is a fictional council for this demo.</p></footer>
  </body>
</html>
`;

const options = (list, selected) => list.map((v) => `<option value="${h(v)}"${v === selected ? ' selected' : ''}>${h(v)}</option>`).join('');
const MODES = { ok: 'Working', fail: 'Failing (503 Service Unavailable, Retry-After 30 s)', slow: 'Slow (answers after 8 seconds)' };

export function controlPage() {
  return layout(
    'Control the sample feeds',
    `      <h1>Control the sample feeds</h1>
      <p>Change the feeds here, then watch the widgets on the <a href="/">home page</a> (open it in another
        tab): they poll every 30 seconds, keep what they last showed when a feed fails, say it may be out
        of date, and recover by themselves.</p>
      <section aria-labelledby="mode">
        <h2 id="mode">How the feeds behave</h2>
        <form method="post" action="/control/mode" class="control">
          <fieldset><legend>Every feed is</legend>
            ${Object.entries(MODES)
              .map(([value, label]) => `<div><input type="radio" id="mode-${value}" name="mode" value="${value}"${state.mode === value ? ' checked' : ''}><label for="mode-${value}">${h(label)}</label></div>`)
              .join('\n            ')}
          </fieldset>
          <button type="submit">Change</button>
        </form>
      </section>
      <section aria-labelledby="alerts">
        <h2 id="alerts">Service alerts (${state.alerts.length})</h2>
        <ul class="rows">
          ${state.alerts.map((a) => `<li><strong>${h(a.severity)}</strong>: ${h(a.title)} <form method="post" action="/control/alerts/remove" class="inline"><input type="hidden" name="id" value="${h(a.id)}"><button type="submit">Remove<span class="visually-hidden"> ${h(a.title)}</span></button></form></li>`).join('\n          ')}
        </ul>
        <form method="post" action="/control/alerts" class="control">
          <h3>Add an alert</h3>
          <label for="alert-title">Title</label><input id="alert-title" name="title" required maxlength="200" value="Bins not collected in Northgate">
          <label for="alert-message">Message</label><textarea id="alert-message" name="message" rows="2" maxlength="1000">We will collect on Saturday.</textarea>
          <label for="alert-severity">Severity</label><select id="alert-severity" name="severity">${options(SEVERITIES, 'minor')}</select>
          <label for="alert-area">Area (optional)</label><input id="alert-area" name="area" maxlength="100">
          <button type="submit">Add the alert</button>
        </form>
      </section>
      <section aria-labelledby="closures">
        <h2 id="closures">School closures (${state.closures.length})</h2>
        <ul class="rows">
          ${state.closures.map((c) => `<li>${h(c.school)}: <strong>${h(c.status)}</strong> <form method="post" action="/control/closures/remove" class="inline"><input type="hidden" name="id" value="${h(c.id)}"><button type="submit">Reopen<span class="visually-hidden"> ${h(c.school)}</span></button></form></li>`).join('\n          ')}
        </ul>
        <form method="post" action="/control/closures" class="control">
          <h3>Close a school</h3>
          <label for="school">School</label><input id="school" name="school" required maxlength="200" value="Meadow Lane Infant School">
          <label for="status">Status</label><select id="status" name="status">${options(STATUSES, 'closed')}</select>
          <label for="reason">Reason (optional)</label><input id="reason" name="reason" maxlength="200" value="Snow">
          <button type="submit">Close the school</button>
        </form>
      </section>
      <section aria-labelledby="reset">
        <h2 id="reset">Start again</h2>
        <form method="post" action="/control/reset"><button type="submit">Put the sample data back</button></form>
      </section>
      <section aria-labelledby="formats">
        <h2 id="formats">The same data in every format</h2>
        <ul>${Object.keys(FEEDS)
          .map((name) => `<li><a href="/feeds/${name}">/feeds/${name}</a></li>`)
          .join('')}</ul>
      </section>
      <section aria-labelledby="live">
        <h2 id="live">The widgets, live</h2>
        <civic-alert-banner src="/feeds/alerts.json" refresh="30" empty-text="No service alerts."><a href="/feeds/alerts.json">Service alerts</a></civic-alert-banner>
        <civic-closure-ticker src="/feeds/school-closures.json" refresh="30" mode="list"><a href="/feeds/school-closures.json">School closures</a></civic-closure-ticker>
      </section>`,
  );
}

/** Applies a control form; returns the section to go back to, or undefined for an unknown form. */
export function applyControl(action, form) {
  const text = (name, max = 1000) => String(form.get(name) ?? '').trim().slice(0, max);
  switch (action) {
    case 'mode':
      if (MODES[form.get('mode')]) state.mode = form.get('mode');
      return 'mode';
    case 'alerts': {
      const title = text('title', 200);
      if (title) {
        const severity = SEVERITIES.includes(form.get('severity')) ? form.get('severity') : 'minor';
        state.alerts.unshift({ id: `${slug(title)}-${Date.now()}`, title, message: text('message'), severity, area: text('area', 100) || undefined, updated: new Date().toISOString() });
        touch();
      }
      return 'alerts';
    }
    case 'alerts/remove':
      state.alerts = state.alerts.filter((a) => a.id !== form.get('id'));
      touch();
      return 'alerts';
    case 'closures': {
      const school = text('school', 200);
      if (school) {
        const status = STATUSES.includes(form.get('status')) ? form.get('status') : 'closed';
        state.closures = [...state.closures.filter((c) => c.school !== school), { id: slug(school), school, status, reason: text('reason', 200) || undefined }];
        touch();
      }
      return 'closures';
    }
    case 'closures/remove':
      state.closures = state.closures.filter((c) => c.id !== form.get('id'));
      touch();
      return 'closures';
    case 'reset':
      reset();
      return 'reset';
    default:
      return undefined;
  }
}

export async function reportsPage() {
  const reports = (await loadReports()).reverse();
  const value = (fields, name) => fields.filter(([n]) => n === name).map(([, v]) => v);
  const rows = reports.map((r) => {
    const fields = Array.isArray(r.fields) ? r.fields : [];
    const place = value(fields, 'address_string')[0] ?? (value(fields, 'lat')[0] ? `${value(fields, 'lat')[0]}, ${value(fields, 'long')[0]}` : '');
    const answers = fields.filter(([n]) => n.startsWith('attribute[')).map(([n, v]) => `${n.slice(10).replace(/\]\[?\]?$/, '').replace(/\]$/, '')}: ${v}`);
    // The demo's own photo store (shown from this site), or the relay's (shown from the relay, which the CSP allows).
    const photos = value(fields, 'media_url').flatMap((u) =>
      /^https?:\/\/[^/]+\/open311\/media\/[0-9a-f-]{36}\.jpg$/.test(u) ? [new URL(u).pathname] : /^http:\/\/(localhost|127\.0\.0\.1):\d+\/media\/[\w-]{24}\.jpg$/.test(u) ? [u] : [],
    );
    return `<li id="r${h(r.service_request_id)}" class="report">
          <h2>${h(r.service_request_id)}: ${h(r.service_name)}</h2>
          <p>Received ${h(new Date(r.received).toLocaleString('en-GB', { timeZone: 'Europe/London' }))}</p>
          <dl>
            <dt>Place</dt><dd>${h(place)}</dd>
            <dt>Description</dt><dd>${h(value(fields, 'description')[0])}</dd>
            ${answers.length ? `<dt>Answers</dt><dd>${answers.map(h).join('<br>')}</dd>` : ''}
            ${value(fields, 'email')[0] ? `<dt>Email</dt><dd>${h(value(fields, 'email')[0])}</dd>` : ''}
          </dl>
          ${photos.map((u, i) => `<img src="${h(u)}" alt="Photo ${i + 1} of report ${h(r.service_request_id)}" width="240">`).join('')}
        </li>`;
  });
  return layout(
    'Reports received',
    `      <h1>Reports received (${reports.length})</h1>
      <p>Every report the demo's Open311 server has accepted, newest first. They are kept in
        <code>demo/data/reports.json</code> (photos in <code>demo/data/media/</code>, or the relay's in <code>demo/data/relay/media/</code>), so they survive a restart.
        <a href="/report.html">Report a problem</a>.</p>
      ${reports.length ? `<ol class="reports">\n        ${rows.join('\n        ')}\n      </ol>` : '<p>No reports yet.</p>'}`,
    false,
  );
}
