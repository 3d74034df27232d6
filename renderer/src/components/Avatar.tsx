/** The first letter (or CJK character) of each of the first two words, upper-cased. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return (letters.join('') || '?').toUpperCase();
}

/** A stable colour slot (0–7) for an id, so a person keeps their colour everywhere. */
export function colourSlot(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 8;
}

export type AvatarProps = Readonly<{ id: string; name: string; size?: 'small' | 'medium' | 'large' }>;

/** A round avatar with initials: the default picture for people and groups without one. */
export function Avatar({ id, name, size = 'medium' }: AvatarProps) {
  return (
    <span className={`avatar avatar-${size} avatar-c${colourSlot(id)}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
