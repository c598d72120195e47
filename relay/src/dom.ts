/**
 * A `DOMParser` for the widgets' own parsing code when it runs in the relay (see ../build-widgets.mjs):
 * XML through @xmldom/xmldom (namespaces as browsers read them; a malformed document gives a
 * `<parsererror>` document, as browsers do, and no entity is ever expanded), HTML through linkedom,
 * as a whole document, since the browser's parser makes one from any fragment.
 */
import { DOMParser as XmlParser } from '@xmldom/xmldom';
import { DOMParser as HtmlParser } from 'linkedom';

class ServerDOMParser {
  parseFromString(text: string, type: string): unknown {
    if (type === 'text/html') return new HtmlParser().parseFromString(`<!doctype html><html><head></head><body>${text}</body></html>`, 'text/html');
    try {
      return new XmlParser({
        onError: (level: string, message: string) => {
          if (level !== 'warning') throw new Error(message);
        },
      }).parseFromString(text, 'application/xml');
    } catch {
      return new XmlParser().parseFromString('<parsererror/>', 'application/xml');
    }
  }
}

/** Installs the parser once, for the bundled widget code that calls `new DOMParser()`. */
export function installDomParser(): void {
  (globalThis as { DOMParser?: unknown }).DOMParser ??= ServerDOMParser;
}
