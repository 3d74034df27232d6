import type { Presence } from '../../../../shared/ipc/channels/contacts';

/** A small dot on an avatar: green when online. Decorative; the text beside it says the same. */
export function PresenceDot({ presence }: Readonly<{ presence: Presence | null }>) {
  return (
    <span
      className={presence?.online ? 'presence-dot online' : 'presence-dot'}
      data-testid="presence-dot"
      data-online={presence?.online ? 'true' : 'false'}
      aria-hidden="true"
    />
  );
}

/** Initials in a circle, with the presence dot when given. */
export function Avatar({
  name,
  presence,
  size = 'normal',
}: Readonly<{ name: string; presence?: Presence | null; size?: 'normal' | 'large' }>) {
  return (
    <span className={`contact-avatar ${size}`} aria-hidden="true">
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
      {presence !== undefined ? <PresenceDot presence={presence} /> : null}
    </span>
  );
}
