/**
 * A programming error, as opposed to bad data. Bad data gets its resident-facing message; a bug must
 * be seen by whoever can fix it, without ever being thrown at the host page: it is reported the way
 * the platform reports an uncaught error (the console, and the window's `error` event, which fails
 * our test suite), and the widget carries on as for bad data.
 */
export function reportBug(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error('civic-widgets:', error);
}
