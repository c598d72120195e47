// Live sample feeds for the demo: one set of alerts and closures, kept in memory and changed from the
// control page, served in every format the widgets read (civic JSON, RSS, Atom, CAP, Environment
// Agency JSON, CSV). A feed can be made to fail (503 with Retry-After) or to answer slowly.
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const SAMPLE = { alerts: read('./feeds/alerts.json').alerts, closures: read('./feeds/school-closures.json').closures };
// Environment Agency flood warnings (Open Government Licence v3), a real day's answer.
const EA_FLOODS = readFileSync(new URL('../test/fixtures/real/ea-floods/floods-gloucestershire-2025-11-18.json', import.meta.url));

export const SEVERITIES = ['major', 'minor', 'announcement', 'notable-death'];
export const STATUSES = ['closed', 'partially-open', 'late-start', 'early-close', 'open'];

/** What the feeds say now, and how they behave: `ok`, `fail` or `slow`. */
export const state = { alerts: [], closures: [], mode: 'ok', updated: new Date() };

export function reset() {
  state.alerts = structuredClone(SAMPLE.alerts);
  state.closures = structuredClone(SAMPLE.closures);
  state.mode = 'ok';
  touch();
}
export const touch = () => (state.updated = new Date());
reset();

export const xml = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const absolute = (path, origin) => (path ? new URL(path, origin).href : `${origin}/`);
const csvCell = (s) => (/[",\n]/.test(String(s ?? '')) ? `"${String(s).replace(/"/g, '""')}"` : String(s ?? ''));
const CAP_SEVERITY = { major: 'Severe', minor: 'Moderate', announcement: 'Minor', 'notable-death': 'Extreme' };

/** `[content-type, body]` of each feed, from the current state. */
export const FEEDS = {
  'alerts.json': () => ['application/json; charset=utf-8', JSON.stringify({ updated: state.updated.toISOString(), alerts: state.alerts }, null, 2)],
  'alerts.rss': (origin) => [
    'application/rss+xml; charset=utf-8',
    `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Anyshire Council service alerts</title><link>${origin}/</link><description>Service alerts</description>
<lastBuildDate>${state.updated.toUTCString()}</lastBuildDate>
${state.alerts.map((a) => `<item><guid isPermaLink="false">${xml(a.id)}</guid><title>${xml(a.title)}</title><description>${xml(a.message)}</description><link>${xml(absolute(a.url, origin))}</link><category>${xml(a.severity)}</category></item>`).join('\n')}
</channel></rss>`,
  ],
  'alerts.atom': (origin) => [
    'application/atom+xml; charset=utf-8',
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Anyshire Council service alerts</title><id>${origin}/feeds/alerts.atom</id><updated>${state.updated.toISOString()}</updated>
${state.alerts.map((a) => `<entry><id>urn:anyshire:${xml(a.id)}</id><title>${xml(a.title)}</title><summary>${xml(a.message)}</summary><link href="${xml(absolute(a.url, origin))}"/><category term="${xml(a.severity)}"/><updated>${state.updated.toISOString()}</updated></entry>`).join('\n')}
</feed>`,
  ],
  // CAP 1.2 alerts inside an Atom index, as alerting authorities publish them.
  'alerts.cap': (origin) => [
    'application/atom+xml; charset=utf-8',
    `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Anyshire Council CAP alerts</title><id>${origin}/feeds/alerts.cap</id><updated>${state.updated.toISOString()}</updated>
${state.alerts
  .map(
    (a) => `<entry><id>urn:anyshire:cap:${xml(a.id)}</id><title>${xml(a.title)}</title><updated>${state.updated.toISOString()}</updated><content type="text/xml">
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${xml(a.id)}</identifier><sender>alerts@anyshire.example</sender><sent>${state.updated.toISOString().replace(/\.\d+Z$/, '+00:00')}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><language>en-GB</language><category>Other</category><event>${xml(a.title)}</event><urgency>Expected</urgency><severity>${CAP_SEVERITY[a.severity] ?? 'Minor'}</severity><certainty>Likely</certainty>
<headline>${xml(a.title)}</headline><description>${xml(a.message)}</description><web>${xml(absolute(a.url, origin))}</web><area><areaDesc>${xml(a.area || 'Anyshire')}</areaDesc></area></info></alert></content></entry>`,
  )
  .join('\n')}
</feed>`,
  ],
  'ea-floods.json': () => ['application/json; charset=utf-8', EA_FLOODS],
  'school-closures.json': () => ['application/json; charset=utf-8', JSON.stringify({ updated: state.updated.toISOString(), closures: state.closures }, null, 2)],
  'school-closures.csv': () => [
    'text/csv; charset=utf-8',
    `school,urn,status,reason,area,time\n${state.closures.map((c) => [c.school, c.urn, c.status, c.reason, c.area, c.time].map(csvCell).join(',')).join('\n')}\n`,
  ],
  'school-closures.rss': (origin) => [
    'application/rss+xml; charset=utf-8',
    `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Anyshire school closures</title><link>${origin}/</link><description>School closures</description>
${state.closures.map((c) => `<item><guid isPermaLink="false">${xml(c.id)}</guid><title>${xml(`${c.school} – ${c.status === 'closed' ? 'closed' : c.status.replace('-', ' ')}`)}</title><description>${xml(c.reason)}</description></item>`).join('\n')}
</channel></rss>`,
  ],
};

/** A name for an id: lower case, dashes. */
export const slug = (s) =>
  String(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'item';
