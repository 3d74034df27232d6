import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../server/commandLine';

/** The gateway's timings as a config file sets them. */
function timingsFrom(file: Readonly<Record<string, unknown>>) {
  const parsed = parseCommandLine(['--config', 'c.json'], {}, '/tmp', () => JSON.stringify(file));
  if (parsed.kind !== 'run') throw new Error(parsed.kind === 'error' ? parsed.message : 'help');
  return parsed.config;
}

describe('sense mode and gateway limits in the config file', () => {
  it.each([
    ['3S', 7_000],
    ['5S', 11_000],
    ['15S', 20_000],
    ['120S', 125_000],
  ])('sense mode %s closes silent sockets after %i ms', (senseMode, expiry) => {
    const config = timingsFrom({ senseMode });
    expect(config.senseMode).toBe(senseMode);
    expect(config.timings.idleExpiryMs).toBe(expiry);
  });

  it('defaults to 15S, lets an explicit idleExpiryMs win, and takes the rate limit and sync timings', () => {
    expect(timingsFrom({}).timings.idleExpiryMs).toBe(20_000);
    const config = timingsFrom({
      senseMode: '3S',
      rateLimit: { burst: 600, perSecond: 250 },
      timings: {
        idleExpiryMs: 1_500,
        notifyJitterMs: 0,
        inboxRetentionMs: 86_400_000 * 90,
        recallWindowMs: 0,
      },
    });
    expect(config.timings).toMatchObject({
      idleExpiryMs: 1_500,
      notifyJitterMs: 0,
      inboxRetentionMs: 86_400_000 * 90,
      recallWindowMs: 0,
    });
    expect(config.rateLimit).toEqual({ burst: 600, perSecond: 250 });
  });

  it.each([
    [{ senseMode: '4S' }],
    [{ rateLimit: { burst: 0, perSecond: 10 } }],
    [{ rateLimit: { burst: 10 } }],
    [{ timings: { notifyJitterMs: -1 } }],
  ])('refuses %j', (file) => {
    const parsed = parseCommandLine(['--config', 'c.json'], {}, '/tmp', () => JSON.stringify(file));
    expect(parsed.kind).toBe('error');
  });
});
