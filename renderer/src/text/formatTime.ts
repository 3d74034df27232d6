const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** Clock time for a bubble. */
export function formatTime(epochMs: number): string {
  return timeFormat.format(epochMs);
}

/** Clock time today, a short date otherwise (conversation list). */
export function formatListTime(epochMs: number, now: number = Date.now()): string {
  return new Date(epochMs).toDateString() === new Date(now).toDateString()
    ? timeFormat.format(epochMs)
    : dateFormat.format(epochMs);
}
