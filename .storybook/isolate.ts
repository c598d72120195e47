/**
 * Every story on its own, on a Docs page too, where all of a component's stories share one document.
 *
 * - Each story's addresses (`src`, `endpoint`, `media-endpoint`) get a path prefix of their own,
 *   `/__story/<story id>/…`, so its stored feed copy, report draft and in-flight requests are its own.
 * - Its msw handlers answer only under that prefix, and are added, never reset, on a Docs page: a later
 *   story's handlers used to replace an earlier one's before its request was made, so 20 alert
 *   previews showed only their fallback link.
 */
import { getResponse, http, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';

const PREFIX = '__story';
const URL_ARGS = ['src', 'endpoint', 'media-endpoint'];

/** `/feeds/alerts.json` → `/__story/<id>/feeds/alerts.json`; an absolute http(s) URL keeps its origin. */
export function storyUrl(id: string, url: string): string {
  if (!url) return url;
  if (url.startsWith('/')) return `/${PREFIX}/${id}${url}`;
  try {
    const parsed = new URL(url);
    if (!parsed.protocol.startsWith('http')) return url;
    parsed.pathname = `/${PREFIX}/${id}${parsed.pathname}`;
    return parsed.href;
  } catch {
    return url;
  }
}

/** The story's args with its addresses under its own prefix. */
export function isolatedArgs(id: string, args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, URL_ARGS.includes(key) && typeof value === 'string' ? storyUrl(id, value) : value]));
}

/** One handler that answers the story's prefix with the story's own handlers (the prefix removed). */
function isolatedHandler(id: string, handlers: RequestHandler[]): RequestHandler {
  const marker = `/${PREFIX}/${id}/`;
  return http.all(new RegExp(`/${PREFIX}/${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`), async ({ request }) => {
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(marker, '/');
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const forwarded = new Request(url, { method: request.method, headers: request.headers, body });
    return getResponse(handlers, forwarded);
  });
}

/** `parameters.msw`: a list, `{ handlers }`, or a function that makes them (a server with its own state). */
function resolveHandlers(parameter: unknown): RequestHandler[] {
  if (typeof parameter === 'function') return resolveHandlers((parameter as () => unknown)());
  if (Array.isArray(parameter)) return parameter as RequestHandler[];
  const list = (parameter as { handlers?: unknown } | undefined)?.handlers;
  if (!list) return [];
  return (Array.isArray(list) ? list : Object.values(list)).flat().filter(Boolean) as RequestHandler[];
}

let started: Promise<ReturnType<typeof setupWorker>> | undefined;

/** The loader: starts msw once, then gives each story its handlers under its own prefix. */
export async function isolatedMswLoader(context: { id: string; viewMode?: string; parameters: Record<string, unknown> }): Promise<Record<string, never>> {
  const worker = await (started ??= (async () => {
    const w = setupWorker();
    await w.start({ quiet: true });
    return w;
  })());
  // A single story starts clean; on a Docs page every story's handlers stay, side by side.
  if (context.viewMode !== 'docs') worker.resetHandlers();
  worker.use(isolatedHandler(context.id, resolveHandlers(context.parameters['msw'])));
  return {};
}
