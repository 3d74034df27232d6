import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED, redactedKeys } from '../../../server/log/logger';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger(level, (line) => {
    raw.push(line);
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  return { logger, lines, raw };
}

describe('logger (pino)', () => {
  it('writes one JSON object per line with an ISO time, level name, message, bindings and fields', () => {
    const { logger, lines, raw } = capture('info');
    logger.child({ component: 'test' }).info('hello', { userId: '1' });
    expect(raw).toHaveLength(1);
    expect(raw[0]).toMatch(/\n$/);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect({ ...lines[0], time: 'T' }).toEqual({
      time: 'T',
      level: 'info',
      msg: 'hello',
      component: 'test',
      userId: '1',
    });
  });

  it('drops records below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'c'],
      ['error', 'd'],
    ]);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  it('redacts tokens, passwords, refresh tokens and message bodies at every level, nested and in bindings', () => {
    const { logger, lines, raw } = capture('debug');
    const secrets = {
      token: 'S1-access-token',
      refreshToken: 'S2-refresh-token',
      loginToken: 'S3-login-token',
      password: 'S4-hunter2',
      dataContent: 'S5-message-body',
    };
    logger.child({ adminToken: 'S6-admin-token' }).info('login', {
      ...secrets,
      request: { password: 'S7-nested', headers: { authorization: 'Bearer S8-header', Authorization: 'S9' } },
      message: { body: { text: 'S10-secret words' } },
      frames: [{ dataContent: 'S11-in-array' }],
    });
    logger.debug('oops', { deep: { a: { b: { accessToken: 'S12-deep' } } } });
    for (let i = 1; i <= 12; i++) expect(raw.join('')).not.toMatch(new RegExp(`S${i}-`));
    // The keys stay, so a reader sees that something was there.
    expect(lines[0]).toMatchObject({ token: REDACTED, refreshToken: REDACTED, adminToken: REDACTED });
    expect(lines[0]?.request).toEqual({
      password: REDACTED,
      headers: { authorization: REDACTED, Authorization: REDACTED },
    });
    expect(lines[1]).toMatchObject({ deep: { a: { b: { accessToken: REDACTED } } } });
    expect(redactedKeys).toEqual(
      expect.arrayContaining(['token', 'refreshToken', 'password', 'dataContent']),
    );
  });

  it('keeps ordinary fields, including ids and counts', () => {
    const { logger, lines } = capture('info');
    logger.info('users provisioned', { requested: 3, created: 2, userId: '7', tokenCount: 3 });
    expect(lines[0]).toMatchObject({ requested: 3, created: 2, userId: '7', tokenCount: 3 });
  });

  it('serializes errors with their type, message and stack', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', { error: new TypeError('bad') });
    const error = lines[0]?.error as { type: string; message: string; stack: string };
    expect(error).toMatchObject({ type: 'TypeError', message: 'bad' });
    expect(error.stack).toContain('TypeError');
  });
});
