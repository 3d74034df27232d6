/** The count as a badge shows it: nothing for zero, at most two digits and a plus. */
export function badgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** The count an icon too small for two digits shows (the Windows overlay): 1–9, then 9+. */
export function shortBadgeLabel(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 9 ? '9+' : String(Math.floor(count));
}
