import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../../shared/ipc/channels/contacts';
import { localeTag, resolveLanguage } from '../../i18n/createI18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5 minutes ago", "yesterday", "3 days ago" in the UI language. */
export function relativeTime(epochMs: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const ago = Math.max(0, now - epochMs);
  if (ago < HOUR) return format.format(-Math.max(1, Math.round(ago / MINUTE)), 'minute');
  if (ago < DAY) return format.format(-Math.round(ago / HOUR), 'hour');
  return format.format(-Math.round(ago / DAY), 'day');
}

/** "Online", "Last seen 5 minutes ago", or "Offline" when the last-seen time is hidden or unknown. */
export function usePresenceText(): (presence: Presence | null, now?: number) => string {
  const { t, i18n } = useTranslation('contacts');
  const locale = localeTag(resolveLanguage(i18n.language, []));
  return useCallback(
    (presence, now = Date.now()) => {
      if (presence?.online) return t('presence.online');
      if (presence?.lastSeen != null)
        return t('presence.lastSeen', { when: relativeTime(presence.lastSeen, now, locale) });
      return t('presence.offline');
    },
    [t, locale],
  );
}
