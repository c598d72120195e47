/**
 * The relay's config: a JSON file checked against the JSON Schema shipped in this package (unknown
 * keys are errors), with every secret read from the environment, never from the file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';

export interface Upstream {
  id: string;
  endpoint: string;
  format: 'json' | 'xml';
  apiKey: string | undefined;
  jurisdictionId: string | undefined;
  origins: string[];
  services: string[] | undefined;
  servicesTtlSeconds: number;
  timeoutMs: number;
  language: { attribute?: string; descriptionLine?: boolean };
}

export interface FeedConfig {
  id: string;
  src: string;
  format: string;
  widget: 'alert-banner' | 'closure-ticker';
  ttlSeconds: number;
  timeoutMs: number;
  origins: string[];
  /** How the fragment shows the items (the widget's attributes). */
  fragment?: { max?: number; headingLevel?: number; label?: string; area?: string; moreUrl?: string | { en: string; cy?: string }; cutoff?: string; mode?: 'ticker' | 'list' } | undefined;
}

export interface Config {
  publicUrl: string;
  upstreams: Upstream[];
  feeds: FeedConfig[];
  media: { dir: string; maxBytes: number; retentionDays: number; maxPixels: number } | undefined;
  limits: { reportsPerIpPerHour: number; mediaPerIpPerHour: number; reportsPerOriginPerHour: number; readsPerIpPerMinute: number };
  reports: { keepDays: number; giveUpDays: number; retryFirstMs: number };
  store: { sqlite: string } | { postgres: string; redis: string | undefined };
  redis: string | undefined;
  trustProxy: number;
}

/** A config that cannot be used, with a message naming the field. */
export class ConfigError extends Error {}

const schemaPath = resolve(dirname(fileURLToPath(import.meta.url)), '../schema/relay.config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

/** One message per problem, each naming the field: `upstreams[0].endpoint: must match …`. */
function describe(errors: ErrorObject[]): string {
  const field = (e: ErrorObject) =>
    e.instancePath
      .split('/')
      .slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '') || '(top level)';
  const lines = errors
    // oneOf and its branches repeat the real problem; keep the one a person can act on.
    .filter((e) => e.keyword !== 'oneOf' || errors.length === 1)
    .map((e) => {
      if (e.keyword === 'additionalProperties') return `${field(e) === '(top level)' ? '' : `${field(e)}.`}${String(e.params.additionalProperty)}: is not a known setting`;
      if (e.keyword === 'required') return `${field(e) === '(top level)' ? '' : `${field(e)}.`}${String(e.params.missingProperty)}: is required`;
      return `${field(e)}: ${e.message ?? 'is not valid'}`;
    });
  return [...new Set(lines)].join('\n');
}

/** Reads `env:NAME` or a variable's name from the environment; missing is an error naming the field. */
function secret(env: NodeJS.ProcessEnv, name: string, field: string): string {
  const variable = name.replace(/^env:/, '');
  const value = env[variable];
  if (!value) throw new ConfigError(`${field}: the environment variable ${variable} is not set`);
  return value;
}

/** Checks a parsed config and resolves its secrets, relative paths against the config file's folder. */
export function parseConfig(raw: unknown, env: NodeJS.ProcessEnv, base = process.cwd()): Config {
  const copy: unknown = structuredClone(raw);
  if (!validate(copy)) throw new ConfigError(describe(validate.errors ?? []));
  const file = copy as Record<string, never> & {
    publicUrl: string;
    upstreams: (Omit<Upstream, 'apiKey' | 'jurisdictionId' | 'services' | 'language'> & { apiKeyEnv?: string; jurisdictionId?: string; services?: string[]; language?: Upstream['language'] })[];
    feeds: (Omit<FeedConfig, 'origins'> & { origins?: string[] })[];
    media?: Config['media'];
    limits?: Config['limits'];
    reports?: Config['reports'];
    store: { sqlite?: string; postgres?: string; redis?: string };
    trustProxy: number;
  };
  const ids = new Set<string>();
  const upstreams = file.upstreams.map((u, i): Upstream => {
    if (ids.has(u.id)) throw new ConfigError(`upstreams[${i}].id: "${u.id}" is used twice`);
    ids.add(u.id);
    return {
      id: u.id,
      endpoint: u.endpoint.replace(/\/+$/, ''),
      format: u.format,
      apiKey: u.apiKeyEnv ? secret(env, u.apiKeyEnv, `upstreams[${i}].apiKeyEnv`) : undefined,
      jurisdictionId: u.jurisdictionId,
      origins: u.origins,
      services: u.services,
      servicesTtlSeconds: u.servicesTtlSeconds,
      timeoutMs: u.timeoutMs,
      language: u.language ?? {},
    };
  });
  const everyOrigin = [...new Set(upstreams.flatMap((u) => u.origins))];
  const feedIds = new Set<string>();
  const feeds = file.feeds.map((f, i): FeedConfig => {
    if (feedIds.has(f.id)) throw new ConfigError(`feeds[${i}].id: "${f.id}" is used twice`);
    feedIds.add(f.id);
    return { ...f, origins: f.origins ?? everyOrigin };
  });
  const limits = { reportsPerIpPerHour: 20, mediaPerIpPerHour: 60, reportsPerOriginPerHour: 2000, readsPerIpPerMinute: 300, ...file.limits };
  const reports = { keepDays: 30, giveUpDays: 7, retryFirstMs: 5000, ...file.reports };
  const media = file.media && { ...file.media, dir: resolve(base, file.media.dir) };
  const redis = file.store.redis ? secret(env, file.store.redis, 'store.redis') : undefined;
  const store = file.store.sqlite ? { sqlite: file.store.sqlite === ':memory:' ? ':memory:' : resolve(base, file.store.sqlite) } : { postgres: secret(env, file.store.postgres ?? '', 'store.postgres'), redis };
  return { publicUrl: file.publicUrl, upstreams, feeds, media, limits, reports, store, redis, trustProxy: file.trustProxy };
}

/** Reads and checks the config file. */
export function loadConfig(path: string, env: NodeJS.ProcessEnv): Config {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: is not JSON (${(error as Error).message})`);
  }
  return parseConfig(raw, env, dirname(resolve(path)));
}
