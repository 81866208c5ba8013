import { randomBytes } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import type { Rating } from '../../domain/quality/tiers.js';
import type { MetaGraph, PhoneNumberRead } from '../../providers/meta-graph/meta-graph.js';
import { MetaGraphError } from '../../providers/meta-graph/meta-graph.js';
import type { SimulatedCategory, SimulatedNumber, SimulatedStatus } from './payloads.js';
import { qualityUpdateWebhook, statusWebhook } from './payloads.js';
import { metaSignature } from './signature.js';

/** Path of the Meta webhook receiver the simulator posts to. */
export const META_WEBHOOK_PATH = '/webhooks/meta';

/** Recipients in several pricing markets: IN, BR, US, GB, ID, MX (fictional numbers). */
export const DEMO_RECIPIENTS: readonly string[] = [
  '919876543210',
  '5511987654321',
  '14155550123',
  '447700900123',
  '6281234567890',
  '5215512345678',
];

const CATEGORIES: readonly SimulatedCategory[] = ['marketing', 'marketing', 'utility', 'utility', 'authentication'];
const LADDER = ['TIER_50', 'TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'];
const MAX_OPEN_MESSAGES = 20;

/** Sends a request into the app in-process; `app.request` fits. */
export type DeliverRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

/** Settings of {@link createDemoSimulator}. */
export interface DemoSimulatorOptions {
  readonly number: SimulatedNumber & { readonly verifiedName: string; readonly displayPhoneNumber: string };
  /** Signs each webhook as Meta does; must be the secret `POST /webhooks/meta` verifies with. */
  readonly appSecret: string;
  readonly clock: Clock;
  /** Where webhooks go; set later with {@link DemoSimulator.connect} when the app is built after the simulator. */
  readonly deliver?: DeliverRequest | undefined;
  /** Uniform in [0, 1); Math.random by default. */
  readonly random?: (() => number) | undefined;
  /** Told when a webhook could not be delivered or was refused. */
  readonly onError?: ((message: string, error?: unknown) => void) | undefined;
}

/** The number's state on the simulated Meta side. */
export interface SimulatedPhoneState {
  rating: Rating;
  tier: string;
}

/** Plays Meta for the demo account: a Graph API stand-in and a source of signed webhooks. */
export interface DemoSimulator {
  /** Serves the demo number's fields from the simulated state. */
  readonly graph: MetaGraph;
  readonly state: Readonly<SimulatedPhoneState>;
  connect(deliver: DeliverRequest): void;
  /** Emits the next status webhook (a new `sent`, or the next step of an open message). */
  tick(): Promise<void>;
  /** Calls {@link tick} every `intervalMs` until stopped; 0 or less does nothing. */
  start(intervalMs: number): void;
  stop(): void;
  /** Changes the simulated rating and tier; a tier change is announced by a signed `phone_number_quality_update`. */
  setQuality(change: { rating?: Rating | undefined; tier?: string | undefined }): Promise<void>;
}

interface OpenMessage {
  readonly wamid: string;
  readonly recipientId: string;
  readonly category: SimulatedCategory;
  stage: 'sent' | 'delivered';
}

/** Creates a {@link DemoSimulator} starting GREEN at TIER_10K, the number CONNECTED with its name APPROVED. */
export function createDemoSimulator(options: DemoSimulatorOptions): DemoSimulator {
  const { number, clock } = options;
  const random = options.random ?? Math.random;
  const state: SimulatedPhoneState = { rating: 'GREEN', tier: 'TIER_10K' };
  const open: OpenMessage[] = [];
  let deliver = options.deliver;
  let timer: NodeJS.Timeout | undefined;

  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length) % items.length] as T;

  async function post(payload: object): Promise<void> {
    if (!deliver) return options.onError?.('simulator: not connected to the app');
    const body = JSON.stringify(payload);
    try {
      const response = await deliver(META_WEBHOOK_PATH, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': metaSignature(options.appSecret, body) },
      });
      if (!response.ok) options.onError?.(`simulator: ${META_WEBHOOK_PATH} answered ${response.status}`);
    } catch (error) {
      options.onError?.(`simulator: ${META_WEBHOOK_PATH} failed`, error);
    }
  }

  function nextStatus(): SimulatedStatus {
    const at = clock.now();
    const sent = open.find((message) => message.stage === 'sent');
    const delivered = open.find((message) => message.stage === 'delivered');
    const roll = random();
    if (sent && roll < 0.45) {
      // A read may come without a delivered before it; pricing rides on whichever comes first.
      const status = random() < 0.25 ? 'read' : 'delivered';
      if (status === 'read') open.splice(open.indexOf(sent), 1);
      else sent.stage = 'delivered';
      return { ...sent, status, withPricing: true, at };
    }
    if (delivered && roll < 0.7) {
      open.splice(open.indexOf(delivered), 1);
      return { ...delivered, status: 'read', withPricing: false, at };
    }
    const message: OpenMessage = {
      wamid: `wamid.${randomBytes(24).toString('base64')}`,
      recipientId: pick(DEMO_RECIPIENTS),
      category: pick(CATEGORIES),
      stage: 'sent',
    };
    open.push(message);
    if (open.length > MAX_OPEN_MESSAGES) open.shift();
    return { ...message, status: 'sent', withPricing: true, at };
  }

  const graph: MetaGraph = {
    async getPhoneNumber(phoneNumberId): Promise<PhoneNumberRead> {
      if (phoneNumberId !== number.phoneNumberId) {
        throw new MetaGraphError('http', `the simulator only plays Meta for ${number.phoneNumberId}`, 404);
      }
      return {
        displayPhoneNumber: number.displayPhoneNumber,
        verifiedName: number.verifiedName,
        qualityRating: state.rating,
        messagingLimitTier: state.tier,
        nameStatus: 'APPROVED',
        status: 'CONNECTED',
      };
    },
  };

  return {
    graph,
    state,
    connect(next) {
      deliver = next;
    },
    tick: () => post(statusWebhook(number, nextStatus())),
    start(intervalMs) {
      if (intervalMs <= 0 || timer) return;
      timer = setInterval(() => void this.tick(), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    async setQuality({ rating, tier }) {
      if (rating) state.rating = rating;
      if (!tier || tier === state.tier) return;
      const oldTier = state.tier;
      state.tier = tier;
      await post(qualityUpdateWebhook(number, { event: tierEvent(oldTier, tier), tier, oldTier, at: clock.now() }));
    },
  };
}

function tierEvent(from: string, to: string): string {
  if (to === 'TIER_UNLIMITED') return 'THROUGHPUT_UPGRADE';
  return LADDER.indexOf(to) < LADDER.indexOf(from) ? 'DOWNGRADE' : 'UPGRADE';
}
