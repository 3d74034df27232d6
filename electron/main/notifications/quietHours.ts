import type { Settings } from '../../../shared/ipc';

const MINUTES_PER_DAY = 24 * 60;

/** Minutes after local midnight: what quiet hours are compared with. */
export function minuteOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes();
}

/** "HH:MM" as minutes after midnight, or null when it is not a clock time. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Whether `minute` (after local midnight) falls in the do-not-disturb window. The window
 * includes its start and excludes its end; one that ends before it starts runs across
 * midnight (22:00–07:00); equal start and end is an empty window rather than a whole day
 * (a whole day is "notifications off"). A malformed time disables the window.
 */
export function isQuietTime(minute: number, quiet: Settings['doNotDisturb']): boolean {
  if (!quiet.enabled) return false;
  const start = parseClockTime(quiet.from);
  const end = parseClockTime(quiet.to);
  if (start === null || end === null || start === end) return false;
  const m = ((Math.floor(minute) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return start < end ? m >= start && m < end : m >= start || m < end;
}
