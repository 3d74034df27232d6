const units: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A point in time from the command line: epoch milliseconds, an ISO 8601 date, or relative to
 * now as +30m / -7d (s, m, h, d). Null when it is none of them.
 */
export function parseTimeArg(text: string, now: number): number | null {
  const relative = /^([+-])(\d{1,9})([smhd])$/.exec(text);
  if (relative) {
    const [, sign, amount, unit] = relative;
    const delta = Number(amount) * (units[unit ?? 's'] ?? 1_000);
    return sign === '-' ? now - delta : now + delta;
  }
  if (/^\d{1,15}$/.test(text)) return Number(text);
  // Only date-shaped text: Date.parse accepts odd forms ("1", "May") we do not want to guess at.
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}
