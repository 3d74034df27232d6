const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date from the command line as epoch ms: `YYYY-MM-DD` is a local day (its first or last
 * millisecond, so `--since` and `--until` both include it), anything else an ISO time. Null
 * when it is neither.
 */
export function parseDateArg(value: string, edge: 'start' | 'end'): number | null {
  const day = DAY.exec(value.trim());
  if (day !== null) {
    const [year, month, date] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
    const start = new Date(year, month, date);
    if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== date) return null;
    return edge === 'start' ? start.getTime() : new Date(year, month, date + 1).getTime() - 1;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
