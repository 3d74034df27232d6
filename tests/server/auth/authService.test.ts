import crypto from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors';
import { createLogger } from '../../../server/log/logger';
import { createServerMetrics } from '../../../server/observability/metrics';
import { createAccessTokens } from '../../../server/services/accessTokens';
import { createAuthService, type AuthService } from '../../../server/services/authService';
import { openDatabase } from '../../../server/storage/database';
import { createTokenRepository } from '../../../server/storage/tokenRepository';
import { createUserRepository, type UserRepository } from '../../../server/storage/userRepository';

const ACCESS_TTL_S = 60;
const REFRESH_TTL_S = 3600;

/** The auth service on a real (in-memory) SQLite database, with a clock the test moves. */
function setup() {
  const db = openDatabase(':memory:');
  const clock = { time: Date.UTC(2030, 0, 1), now: () => clock.time };
  const secret = crypto.randomBytes(32);
  const users = createUserRepository(db);
  const metrics = createServerMetrics({ processMetrics: false });
  const auth = createAuthService({
    users,
    tokens: createTokenRepository(db),
    accessTokens: createAccessTokens(secret, clock, ACCESS_TTL_S),
    clock,
    logger: createLogger('silent'),
    metrics,
    refreshTtlSeconds: REFRESH_TTL_S,
  });
  return { db, clock, secret, users, auth, metrics };
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

let t: ReturnType<typeof setup>;
let auth: AuthService;
let users: UserRepository;

beforeEach(() => {
  t = setup();
  ({ auth, users } = t);
});

const alice = { username: 'alice', password: 'alice-password', displayName: 'Alice' };

describe('access tokens', () => {
  it('are JWTs for their user only, checked on every use', async () => {
    const { userId, token, refreshToken } = await auth.register(alice);
    expect(token.split('.')).toHaveLength(3);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auth.authenticate(token)).toMatchObject({ ok: true, userId });
    expect(await auth.verifyLoginToken(userId, token)).toEqual({ ok: true });
    expect(await auth.verifyLoginToken(String(Number(userId) + 1), token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('expire after their lifetime and are then reported as expired, not invalid', async () => {
    const { userId, token } = await auth.register(alice);
    t.clock.time += ACCESS_TTL_S * 1000 - 1;
    expect(await auth.verifyLoginToken(userId, token)).toEqual({ ok: true });
    t.clock.time += 1000;
    expect(await auth.verifyLoginToken(userId, token)).toEqual({ ok: false, reason: 'expired' });
    expect(await auth.authenticate(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses forged, tampered, unsigned and foreign tokens as invalid', async () => {
    const { userId, token } = await auth.register(alice);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, sub: '2' })).toString('base64url');
    const unsigned = new UnsecuredJWT({ sid: claims.sid }).setSubject(userId).setIssuer('tidings').encode();
    const foreign = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('tidings')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(crypto.randomBytes(32));
    for (const bad of [
      `${header}.${otherPayload}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -2)}AA`,
      unsigned,
      foreign,
      '',
      'x'.repeat(5000),
      "' OR 1=1 --",
    ]) {
      expect(await auth.verifyLoginToken(userId, bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('report a disabled account as disabled', async () => {
    const { userId, token } = await auth.register(alice);
    users.setDisabled(userId, true);
    expect(await auth.verifyLoginToken(userId, token)).toEqual({ ok: false, reason: 'disabled' });
    await rejectsWith(auth.login(alice), 'user-disabled');
  });

  it('counts WebSocket login checks by result', async () => {
    const { userId, token } = await auth.register(alice);
    await auth.verifyLoginToken(userId, token);
    await auth.verifyLoginToken(userId, 'nope');
    const text = await t.metrics.registry.metrics();
    expect(text).toContain('tidings_ws_logins_total{result="ok"} 1');
    expect(text).toContain('tidings_ws_logins_total{result="invalid"} 1');
  });
});

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new pair in the same session, and spends the old token', async () => {
    const first = await auth.register(alice);
    t.clock.time += 5000;
    const second = await auth.refresh(first.refreshToken);
    expect(second.userId).toBe(first.userId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.token).not.toBe(first.token);
    const [a, b] = [await auth.authenticate(first.token), await auth.authenticate(second.token)];
    expect(a.ok && b.ok && a.sessionId === b.sessionId).toBe(true);
    const third = await auth.refresh(second.refreshToken);
    expect(await auth.authenticate(third.token)).toMatchObject({ ok: true });
  });

  it('revoke the whole family when a spent token is presented again (theft detection)', async () => {
    const first = await auth.register(alice);
    const second = await auth.refresh(first.refreshToken);
    await rejectsWith(auth.refresh(first.refreshToken), 'invalid-refresh-token');
    // The legitimate holder's newer tokens die with the family.
    await rejectsWith(auth.refresh(second.refreshToken), 'invalid-refresh-token');
    expect(await auth.authenticate(second.token)).toEqual({ ok: false, reason: 'invalid' });
    // Other sessions of the user are untouched.
    const other = await auth.login(alice);
    expect(await auth.authenticate(other.token)).toMatchObject({ ok: true });
  });

  it('expire after their lifetime', async () => {
    const { refreshToken } = await auth.register(alice);
    t.clock.time += REFRESH_TTL_S * 1000;
    await rejectsWith(auth.refresh(refreshToken), 'invalid-refresh-token');
  });

  it('are refused when unknown, and for a disabled account (which also ends the session)', async () => {
    await rejectsWith(auth.refresh('A'.repeat(43)), 'invalid-refresh-token');
    const { userId, refreshToken } = await auth.register(alice);
    users.setDisabled(userId, true);
    await rejectsWith(auth.refresh(refreshToken), 'user-disabled');
    users.setDisabled(userId, false);
    await rejectsWith(auth.refresh(refreshToken), 'invalid-refresh-token');
  });
});

describe('logout and revocation', () => {
  it('logout by refresh token ends the session: its access and refresh tokens stop working', async () => {
    const session = await auth.register(alice);
    const other = await auth.login(alice);
    auth.logout({ refreshToken: session.refreshToken });
    expect(await auth.authenticate(session.token)).toEqual({ ok: false, reason: 'invalid' });
    await rejectsWith(auth.refresh(session.refreshToken), 'invalid-refresh-token');
    expect(await auth.authenticate(other.token)).toMatchObject({ ok: true });
  });

  it("logout by the access token's session works without the refresh token", async () => {
    const session = await auth.register(alice);
    const checked = await auth.authenticate(session.token);
    if (!checked.ok) throw new Error('expected a valid token');
    auth.logout({ sessionId: checked.sessionId });
    await rejectsWith(auth.refresh(session.refreshToken), 'invalid-refresh-token');
    expect(await auth.verifyLoginToken(session.userId, session.token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('revokeUser ends every session of the user at once; a new login works', async () => {
    const a = await auth.register(alice);
    const b = await auth.login(alice);
    const bob = await auth.register({ username: 'bob', password: 'bob-password', displayName: 'Bob' });
    expect(auth.revokeUser(a.userId)).toBe(2);
    for (const token of [a.token, b.token])
      expect(await auth.authenticate(token)).toEqual({ ok: false, reason: 'invalid' });
    await rejectsWith(auth.refresh(b.refreshToken), 'invalid-refresh-token');
    expect(await auth.authenticate(bob.token)).toMatchObject({ ok: true });
    expect(await auth.authenticate((await auth.login(alice)).token)).toMatchObject({ ok: true });
  });
});

describe('passwords and provisioning', () => {
  it('answers a wrong password and an unknown user alike', async () => {
    await auth.register(alice);
    await rejectsWith(auth.login({ username: 'alice', password: 'wrong' }), 'invalid-credentials');
    await rejectsWith(auth.login({ username: 'nobody', password: 'wrong' }), 'invalid-credentials');
  });

  it('upgrades a skeleton scrypt hash to argon2 at the next login', async () => {
    const salt = crypto.randomBytes(16);
    const key = crypto.scryptSync('old-password', salt, 32, { N: 16_384, r: 8, p: 1 });
    const legacy = ['scrypt', 16_384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
    const inserted = users.insert({
      username: 'old',
      passwordHash: legacy,
      displayName: 'Old',
      createdAt: 1,
    });
    if (!inserted.ok) throw new Error('insert failed');
    await auth.login({ username: 'old', password: 'old-password' });
    expect(users.findById(inserted.id)?.passwordHash).toMatch(/^\$argon2id\$/);
    await auth.login({ username: 'old', password: 'old-password' });
  });

  it('starts sessions for many users in one go, with a chosen access-token lifetime', async () => {
    const provisioned = users.provision(
      Array.from({ length: 50 }, (_, i) => ({ username: `bulk${i}`, displayName: `Bulk ${i}` })),
      t.clock.now(),
    );
    const sessions = auth.startSessions(
      provisioned.map((p) => p.id),
      7200,
    );
    expect(sessions.map((s) => s.userId)).toEqual(provisioned.map((p) => p.id));
    t.clock.time += ACCESS_TTL_S * 1000 * 10;
    for (const s of sessions) expect(await auth.verifyLoginToken(s.userId, s.token)).toEqual({ ok: true });
    // A provisioned account has no password: no password logs it in.
    await rejectsWith(auth.login({ username: 'bulk0', password: '' }), 'invalid-credentials');
    await rejectsWith(auth.login({ username: 'bulk0', password: 'anything' }), 'invalid-credentials');
  });
});
