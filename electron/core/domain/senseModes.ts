import type { SenseMode } from '../../../shared/ipc';
import type { EngineTuning } from '../tuning';

/**
 * MobileIMSDK's sense modes: the client beats every interval and counts the link lost when no
 * answer came within the timeout (../shared/docs/mobileimsdk-wire.md).
 */
const modes: Readonly<Record<SenseMode, Readonly<{ intervalMs: number; timeoutMs: number }>>> = {
  '3S': { intervalMs: 3_000, timeoutMs: 5_000 },
  '5S': { intervalMs: 5_000, timeoutMs: 8_000 },
  '10S': { intervalMs: 10_000, timeoutMs: 15_000 },
  '15S': { intervalMs: 15_000, timeoutMs: 20_000 },
  '30S': { intervalMs: 30_000, timeoutMs: 35_000 },
  '60S': { intervalMs: 60_000, timeoutMs: 65_000 },
  '120S': { intervalMs: 120_000, timeoutMs: 125_000 },
};

export type Keepalive = Readonly<{ intervalMs: number; timeoutMs: number }>;

/** The keepalive timings of a sense mode, unless the tuning overrides them. */
export function keepaliveFor(
  mode: SenseMode,
  tuning: Pick<EngineTuning, 'keepaliveIntervalMs' | 'keepaliveTimeoutMs'>,
): Keepalive {
  const base = modes[mode];
  return {
    intervalMs: tuning.keepaliveIntervalMs ?? base.intervalMs,
    timeoutMs: tuning.keepaliveTimeoutMs ?? base.timeoutMs,
  };
}
