import { expect } from '@open-wc/testing';

const WIDGETS = ['alert-banner', 'closure-ticker', 'report-form', 'share-bar'];

/** Only `widget` is registered, and no module from another widget's folder was fetched. */
export function expectOnly(widget: string): void {
  const loaded = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
  expect(loaded.some((path) => path.startsWith(`/src/${widget}/`)), 'own modules loaded').to.equal(true);
  for (const other of WIDGETS.filter((w) => w !== widget)) {
    expect(customElements.get(`civic-${other}`), `civic-${other} registered`).to.equal(undefined);
    expect(loaded.filter((path) => path.startsWith(`/src/${other}/`)), `${other} modules loaded`).to.deep.equal([]);
  }
  expect(customElements.get(`civic-${widget}`)).to.not.equal(undefined);
}
