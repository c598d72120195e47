/**
 * The `strings` attribute of every widget. Reads a JSON attribute; bad JSON (or anything but an object) is
 * ignored, never thrown.
 */
export const jsonObjectConverter = {
  fromAttribute(value: string | null): unknown {
    if (!value) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      /* fall through */
    }
    console.warn('civic-widgets: strings must be a JSON object');
    return undefined;
  },
};
