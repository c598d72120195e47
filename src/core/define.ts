import { VERSION } from './version.js';

/** Shared across every copy of the library on the page (CDN build beside npm build). */
const WARNED = Symbol.for('civic-widgets.version-warned');

interface Versioned {
  civicVersion?: string;
}

/**
 * Registers `tag` unless it is already registered. Registering twice (the script tag pasted twice,
 * or the CDN build beside the npm build) never throws: the first registration wins, and a different
 * version of the library warns once per tag.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & Versioned): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing: (CustomElementConstructor & Versioned) | undefined = registry.get(tag);
  if (existing) {
    const theirs = existing.civicVersion;
    const warned = ((globalThis as unknown as Record<symbol, Set<string>>)[WARNED] ??= new Set());
    if (theirs !== VERSION && !warned.has(tag)) {
      warned.add(tag);
      console.warn(`civic-widgets ${VERSION}: <${tag}> was already defined by version ${theirs ?? '?'}`);
    }
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch (error) {
    // A constructor can be registered under one name only (NotSupportedError); never break the host page.
    console.warn(`civic-widgets: could not define <${tag}>`, error);
  }
}
