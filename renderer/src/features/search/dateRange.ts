/**
 * The date filters come from `<input type="date">` ("YYYY-MM-DD", local calendar days); the
 * engine wants epoch milliseconds, both ends inclusive.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localMidnight(value: string): Date | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The first millisecond of the day, or undefined for an empty or malformed value. */
export function startOfDay(value: string): number | undefined {
  return localMidnight(value)?.getTime();
}

/** The last millisecond of the day (the next local midnight minus one, so DST days are right). */
export function endOfDay(value: string): number | undefined {
  const day = localMidnight(value);
  if (!day) return undefined;
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime() - 1;
}
