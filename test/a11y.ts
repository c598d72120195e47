/**
 * Runs axe-core in the real browser against WCAG 2.0, 2.1 and 2.2 A and AA rules, and fails with
 * each violation's rule and elements. axe checks what can be computed; tests still check focus,
 * announcements and keyboard paths by hand.
 */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect } from '@open-wc/testing';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Axe {
  run(context: Element | Document, options: RunOptions): Promise<AxeResults>;
}

/**
 * Rules about names whose "needs review" (incomplete) results are failures too: axe reports, for
 * example, aria-labelledby on a div with no role as incomplete, though it names nothing.
 */
const NAME_RULES = new Set(['aria-prohibited-attr', 'aria-allowed-attr', 'button-name', 'link-name', 'label', 'select-name', 'aria-input-field-name', 'aria-toggle-field-name', 'image-alt', 'frame-title']);

export async function expectAccessible(el: Element, what = el.localName): Promise<void> {
  const { axe } = window as unknown as { axe: Axe };
  const results = await axe.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations', 'incomplete'] });
  const failing = [...results.violations, ...results.incomplete.filter((r) => NAME_RULES.has(r.id))];
  const problems = failing.map(
    (v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(problems.join('\n'), `axe violations in ${what}`).to.equal('');
}
