/**
 * Namespace-agnostic helpers over a DOMParser document. Feeds mix prefixes (`cap:alert`, `alert`
 * in a default namespace, none at all), so elements are matched by local name.
 */

/** The element children of `parent` (through childNodes: a server's XML DOM may have no `children`). */
export function elements(parent: Element | Document): Element[] {
  return [...parent.childNodes].filter((node): node is Element => node.nodeType === 1);
}

/** Direct children of `parent` called `name` (any namespace). */
export function children(parent: Element | Document, name: string): Element[] {
  return elements(parent).filter((el) => el.localName === name);
}

/** The first direct child called `name`. */
export function child(parent: Element | Document, name: string): Element | undefined {
  return children(parent, name)[0];
}

/** The text of the first direct child called `name` ('' when absent). */
export function childText(parent: Element, name: string): string {
  return child(parent, name)?.textContent ?? '';
}

/** Every descendant called `name` (any namespace). */
export function descendants(root: Element | Document, name: string): Element[] {
  return [...root.getElementsByTagNameNS('*', name)];
}

/** The kind of syndication feed a document is, or '' when it is neither RSS nor Atom. */
export function syndicationKind(doc: Document): 'rss' | 'atom' | '' {
  const root = doc.documentElement.localName.toLowerCase();
  if (root === 'rss' || root === 'rdf') return 'rss';
  if (root === 'feed') return 'atom';
  return '';
}
