/** msw handlers serving the alert fixtures, shared by tests, stories and the demo. */
import { http, HttpResponse } from 'msw';
import { bilingualCap, civicAlerts, civicAtom, civicRss } from '../fixtures/alerts.js';

export const alertHandlers = [
  http.get('/feeds/alerts.json', () => HttpResponse.json(civicAlerts)),
  http.get('/feeds/alerts.rss', () => HttpResponse.xml(civicRss, { headers: { 'content-type': 'application/rss+xml' } })),
  http.get('/feeds/alerts.atom', () => HttpResponse.xml(civicAtom, { headers: { 'content-type': 'application/atom+xml' } })),
  http.get('/feeds/alerts.cap', () => HttpResponse.xml(bilingualCap(), { headers: { 'content-type': 'application/cap+xml' } })),
  http.get('/feeds/broken.json', () => HttpResponse.html('<!DOCTYPE html><html><body>Website under maintenance</body></html>')),
];
