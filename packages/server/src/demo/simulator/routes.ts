import { createRoute, z } from '@hono/zod-openapi';
import { requireAccount } from '../../domain/accounts.js';
import type { PhoneStatusService } from '../../domain/quality/phone-status-service.js';
import { RATINGS } from '../../domain/quality/tiers.js';
import { createRouter } from '../../routes/router.js';
import { errorResponses, jsonBody, jsonResponse } from '../../routes/schemas.js';
import type { Store } from '../../store/store.js';
import type { DemoSimulator } from './simulator.js';

const DemoQualitySchema = z
  .object({
    rating: z.enum(RATINGS).optional(),
    tier: z
      .string()
      .regex(/^TIER_[A-Z0-9_]+$/, 'must be a tier such as TIER_2K')
      .optional(),
  })
  .strict();

const DemoQualityResultSchema = z.object({ rating: z.enum(RATINGS), tier: z.string() });

/**
 * `POST /demo/quality` `{rating?, tier?}` (demo mode only, no auth like `/demo/session`): changes
 * what the simulated Meta says about the demo number. A tier change travels as a signed
 * `phone_number_quality_update` through `POST /webhooks/meta`; the rating, which no webhook
 * carries, is picked up by an immediate Graph read of the simulator, as a real change would be.
 */
export function demoQualityRoutes(simulator: DemoSimulator, accountId: string, store: Store, phoneStatus: PhoneStatusService) {
  const change = createRoute({
    method: 'post',
    path: '/demo/quality',
    tags: ['demo'],
    summary: "Change the demo number's quality rating or messaging tier on the simulated Meta side",
    hide: true,
    request: { body: jsonBody(DemoQualitySchema) },
    responses: { 200: jsonResponse(DemoQualityResultSchema, 'The simulated state'), ...errorResponses(400) },
  });

  return createRouter().openapi(change, async (c) => {
    const body = c.req.valid('json');
    await simulator.setQuality(body);
    const account = await requireAccount(store, accountId);
    await phoneStatus.allowImmediateFetch(accountId);
    await phoneStatus.read(account, { refresh: true });
    return c.json({ rating: simulator.state.rating, tier: simulator.state.tier }, 200);
  });
}
