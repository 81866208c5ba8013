import { randomBytes } from 'node:crypto';
import type { ServerConfig } from './config.js';
import type { DemoSimulator } from './demo/simulator/simulator.js';
import { createDemoSimulator } from './demo/simulator/simulator.js';
import type { Account } from './domain/accounts.js';
import type { Clock } from './domain/clock.js';
import { phoneDigits } from './domain/quality/tiers.js';
import { createGraphClient } from './providers/meta-graph/graph-client.js';
import type { MetaGraph } from './providers/meta-graph/meta-graph.js';

/** Who plays Meta in this process. */
export interface MetaSetup {
  readonly metaGraph: MetaGraph | undefined;
  /** Set when the demo simulator plays Meta; connect it to the app, then start it. */
  readonly simulator: DemoSimulator | undefined;
  /** The app secret webhooks are verified with (generated for the simulator when unset). */
  readonly appSecret: string | undefined;
  /** One line for the start-up output. */
  readonly description: string;
}

/**
 * Chooses Meta's Graph API when `META_GRAPH_URL` or `META_ACCESS_TOKEN` is set; otherwise, in demo
 * mode with a demo account, the simulator for that account; otherwise nothing (webhooks only).
 */
export function setUpMeta(config: ServerConfig, demoAccount: Account | null, clock: Clock, log: (message: string, error?: unknown) => void): MetaSetup {
  if (config.metaGraphUrl || config.metaAccessToken) {
    const metaGraph = createGraphClient({ baseUrl: config.metaGraphUrl, accessToken: config.metaAccessToken ?? '' });
    return { metaGraph, simulator: undefined, appSecret: config.metaAppSecret, description: `Meta Graph API at ${config.metaGraphUrl ?? 'graph.facebook.com'}` };
  }
  if (!demoAccount) {
    return { metaGraph: undefined, simulator: undefined, appSecret: config.metaAppSecret, description: 'no Meta Graph API (webhooks only)' };
  }
  const appSecret = config.metaAppSecret ?? `demo_${randomBytes(24).toString('base64url')}`;
  const simulator = createDemoSimulator({
    number: {
      wabaId: demoAccount.wabaId,
      phoneNumberId: demoAccount.phoneNumberId,
      displayPhoneNumber: demoAccount.displayPhoneNumber ?? '+1 555-010-4477',
      displayDigits: phoneDigits(demoAccount.displayPhoneNumber ?? '15550104477'),
      verifiedName: 'Acme Coffee',
    },
    appSecret,
    clock,
    onError: log,
  });
  return { metaGraph: simulator.graph, simulator, appSecret, description: 'simulated by the demo (no META_GRAPH_URL)' };
}
