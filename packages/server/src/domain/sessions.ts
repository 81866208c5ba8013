import { requireAccount } from './accounts.js';
import type { Clock } from './clock.js';
import { DomainError } from './errors.js';
import { hashSecret, newClientSecret, newId } from './ids.js';
import type { Store } from '../store/store.js';

/** What a widget session may do beyond reading its account. */
export const PERMISSIONS = ['topup', 'payment_links', 'alerts:write', 'frequency_cap:write', 'statement:export'] as const;

/** One of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

/** Default and bounds of a session's lifetime, in seconds. */
export const SESSION_TTL = { default: 3600, min: 60, max: 86_400 } as const;

/** A short-lived grant for the widgets of one account. The secret itself is never stored. */
export interface WidgetSession {
  readonly id: string;
  readonly secretHash: string;
  readonly accountId: string;
  readonly permissions: readonly Permission[];
  readonly expiresAt: Date;
  readonly createdAt: Date;
  /** When the host revoked it (`DELETE /v1/widget-sessions/:id`, or all of the account's); null while not. */
  readonly revokedAt: Date | null;
}

/** A freshly minted session and the client secret that is shown exactly once. */
export interface MintedWidgetSession {
  readonly clientSecret: string;
  readonly session: WidgetSession;
}

/** What the host backend asks for when it mints a session. */
export interface MintWidgetSessionInput {
  readonly accountId: string;
  readonly permissions?: readonly Permission[];
  readonly ttlSeconds?: number;
}

/**
 * Mints a widget session for an existing account.
 * @throws DomainError `not_found` for an unknown account
 */
export async function mintWidgetSession(
  store: Store,
  clock: Clock,
  input: MintWidgetSessionInput,
): Promise<MintedWidgetSession> {
  await requireAccount(store, input.accountId);
  const clientSecret = newClientSecret();
  const now = clock.now();
  const session: WidgetSession = {
    id: newId('wss'),
    secretHash: hashSecret(clientSecret),
    accountId: input.accountId,
    permissions: PERMISSIONS.filter((p) => input.permissions?.includes(p)),
    expiresAt: new Date(now.getTime() + (input.ttlSeconds ?? SESSION_TTL.default) * 1000),
    createdAt: now,
    revokedAt: null,
  };
  await store.createWidgetSession(session);
  return { clientSecret, session };
}

/**
 * Finds the live session a client secret stands for.
 * @throws DomainError `unauthenticated` / `session_expired` when it is unknown, expired or revoked
 */
export async function authenticateWidgetSession(store: Store, clock: Clock, clientSecret: string): Promise<WidgetSession> {
  const session = clientSecret.startsWith('ws_') ? await store.findWidgetSession(hashSecret(clientSecret)) : null;
  if (!session || !isLive(session, clock.now())) {
    throw new DomainError('unauthenticated', 'session_expired', 'the widget session is unknown, expired or revoked');
  }
  return session;
}

/** Whether a session may still be used at `at`: neither expired nor revoked. */
export function isLive(session: WidgetSession, at: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > at.getTime();
}

/**
 * Revokes one session: from now on its client secret is `401 session_expired`, open event streams
 * included. Revoking a revoked or expired session changes nothing and answers it as it is.
 * @throws DomainError `not_found` for an unknown session id
 */
export async function revokeWidgetSession(
  store: Store,
  clock: Clock,
  sessionId: string,
): Promise<WidgetSession & { readonly revokedAt: Date }> {
  const session = await store.revokeWidgetSession(sessionId, clock.now());
  if (!session) throw new DomainError('not_found', 'session_not_found', `widget session ${sessionId} does not exist`);
  if (!session.revokedAt) throw new Error(`widget session ${sessionId} is not revoked right after its revocation`);
  return { ...session, revokedAt: session.revokedAt };
}

/**
 * Revokes every live session of an account (the host's logout); returns how many it revoked.
 * @throws DomainError `not_found` for an unknown account
 */
export async function revokeAccountWidgetSessions(store: Store, clock: Clock, accountId: string): Promise<number> {
  await requireAccount(store, accountId);
  return store.revokeAccountWidgetSessions(accountId, clock.now());
}

/**
 * Checks that a session holds a permission.
 * @throws DomainError `forbidden`
 */
export function requirePermission(session: WidgetSession, permission: Permission): void {
  if (!session.permissions.includes(permission)) {
    throw new DomainError('forbidden', 'forbidden', `this widget session lacks the ${permission} permission`);
  }
}
