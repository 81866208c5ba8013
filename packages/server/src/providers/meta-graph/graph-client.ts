import { z } from 'zod';
import { parseRating, parseTier } from '../../domain/quality/tiers.js';
import type { MetaGraph, PhoneNumberRead } from './meta-graph.js';
import { MetaGraphError } from './meta-graph.js';

/** Graph API base used when `META_GRAPH_URL` is unset: the current version per Meta's changelog. */
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v26.0';

/** Settings of {@link createGraphClient}. */
export interface GraphClientOptions {
  readonly accessToken: string;
  /** Base URL including the version, e.g. `https://graph.facebook.com/v26.0`. */
  readonly baseUrl?: string | undefined;
  /** Per-request timeout in ms (3000 by default). */
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
}

const BASE_FIELDS = ['display_phone_number', 'verified_name', 'quality_rating', 'name_status', 'status'];

const PhoneNumberNodeSchema = z.looseObject({
  display_phone_number: z.string().nullish(),
  verified_name: z.string().nullish(),
  quality_rating: z.string().nullish(),
  whatsapp_business_manager_messaging_limit: z.unknown().optional(),
  messaging_limit_tier: z.string().nullish(),
  name_status: z.string().nullish(),
  status: z.string().nullish(),
});

/**
 * The real Graph API client: `GET {base}/{phone-number-id}?fields=…` with the access token.
 *
 * `messaging_limit_tier` is requested only from v23.0 and older: Meta deprecated it in favour of
 * `whatsapp_business_manager_messaging_limit` (v24.0+), and asking a version for a field it no
 * longer has fails the whole request.
 */
export function createGraphClient(options: GraphClientOptions): MetaGraph {
  const baseUrl = (options.baseUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const doFetch = options.fetch ?? fetch;
  const fields = [...BASE_FIELDS, 'whatsapp_business_manager_messaging_limit'];
  if (hasLegacyLimitField(baseUrl)) fields.push('messaging_limit_tier');

  return {
    async getPhoneNumber(phoneNumberId, { signal } = {}) {
      const url = `${baseUrl}/${encodeURIComponent(phoneNumberId)}?fields=${fields.join(',')}`;
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { Authorization: `Bearer ${options.accessToken}`, Accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        if (timeout.aborted) throw new MetaGraphError('timeout', `Graph API gave no answer within ${timeoutMs} ms`, undefined, { cause: error });
        throw new MetaGraphError('network', 'Graph API unreachable', undefined, { cause: error });
      }
      const text = await readBody(response, timeout, timeoutMs);
      if (!response.ok) {
        throw new MetaGraphError('http', `Graph API answered ${response.status}: ${graphErrorMessage(text)}`, response.status);
      }
      return toPhoneNumberRead(text);
    },
  };
}

/**
 * Maps a phone number node. `whatsapp_business_manager_messaging_limit` wins over the deprecated
 * `messaging_limit_tier`. Meta documents the former as a string (`"TIER_250"`); an object holding
 * the tier is accepted too, in case a version wraps it.
 */
export function toPhoneNumberRead(text: string): PhoneNumberRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MetaGraphError('invalid_response', 'Graph API answered something other than JSON', undefined, { cause: error });
  }
  const parsed = PhoneNumberNodeSchema.safeParse(json);
  if (!parsed.success) throw new MetaGraphError('invalid_response', `Graph API answer not understood: ${parsed.error.message}`);
  const node = parsed.data;
  return {
    displayPhoneNumber: node.display_phone_number ?? null,
    verifiedName: node.verified_name ?? null,
    qualityRating: parseRating(node.quality_rating),
    messagingLimitTier: limitTier(node.whatsapp_business_manager_messaging_limit) ?? parseTier(node.messaging_limit_tier),
    nameStatus: node.name_status ?? null,
    status: node.status ?? null,
  };
}

function limitTier(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return parseTier(value);
  const record = value as Record<string, unknown>;
  for (const key of ['max_daily_conversations_per_business', 'current_limit', 'messaging_limit', 'tier', 'value']) {
    const tier = parseTier(record[key]);
    if (tier !== null) return tier;
  }
  return null;
}

function hasLegacyLimitField(baseUrl: string): boolean {
  const version = /\/v(\d+)(?:\.\d+)?(?:\/|$)/.exec(baseUrl);
  return version !== null && Number(version[1]) <= 23;
}

async function readBody(response: Response, timeout: AbortSignal, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    if (timeout.aborted) throw new MetaGraphError('timeout', `Graph API gave no answer within ${timeoutMs} ms`, undefined, { cause: error });
    throw new MetaGraphError('network', 'Graph API connection broke', undefined, { cause: error });
  }
}

function graphErrorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: fall through to a short excerpt
  }
  return text.slice(0, 200) || '(empty body)';
}
