import { z } from 'zod';
import { DEFAULT_PATHS } from './paths.js';

const OriginListSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins = (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean);
    for (const origin of origins) {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
        ctx.addIssue({ code: 'custom', message: `${origin} is not an origin such as https://console.example.com` });
      }
    }
    return origins;
  });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  WA_DB: z.string().min(1).default(DEFAULT_PATHS.database),
  WA_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  WA_ALLOWED_ORIGINS: OriginListSchema,
  WA_PUBLIC_URL: z.url().optional(),
  WA_DEMO: z.string().optional().transform((value) => value !== '0'),
  WA_HOST_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WA_HOST_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Settings of the Node process, read from the environment only. */
export interface ServerConfig {
  readonly port: number;
  /** SQLite file, or `:memory:`. */
  readonly databaseFile: string;
  /** Absent when `WA_SECRET_KEY` is unset; demo mode then generates one. */
  readonly secretKey: string | undefined;
  readonly allowedOrigins: string[];
  readonly publicUrl: string | undefined;
  /** Seed the demo account and serve `POST /demo/session` (on unless `WA_DEMO=0`). */
  readonly demo: boolean;
  /** Where host events are POSTed and the key they are signed with; absent: they stay in the outbox. */
  readonly hostWebhook: { readonly url: string; readonly secret: string } | undefined;
}

/**
 * Reads and validates the environment.
 * @throws Error listing every invalid variable
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const { data } = parsed;
  if (!data.WA_DEMO && !data.WA_SECRET_KEY) throw new Error('invalid environment:\n  WA_SECRET_KEY: required when WA_DEMO=0');
  if (data.WA_HOST_WEBHOOK_URL && !data.WA_HOST_WEBHOOK_SECRET) {
    throw new Error('invalid environment:\n  WA_HOST_WEBHOOK_SECRET: required with WA_HOST_WEBHOOK_URL');
  }
  return {
    port: data.PORT,
    databaseFile: data.WA_DB,
    secretKey: data.WA_SECRET_KEY,
    allowedOrigins: data.WA_ALLOWED_ORIGINS,
    publicUrl: data.WA_PUBLIC_URL,
    demo: data.WA_DEMO,
    hostWebhook:
      data.WA_HOST_WEBHOOK_URL && data.WA_HOST_WEBHOOK_SECRET
        ? { url: data.WA_HOST_WEBHOOK_URL, secret: data.WA_HOST_WEBHOOK_SECRET }
        : undefined,
  };
}
