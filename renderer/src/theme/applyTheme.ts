import type { Settings } from '../../../shared/ipc/models';

export type ThemeSetting = Settings['theme'];
export type ResolvedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(setting: ThemeSetting, systemDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}

/**
 * Puts the theme on <html data-theme> (the CSS variables in theme.css key off it) and, for
 * 'system', follows the operating system's changes live. Returns the function that stops following.
 */
export function applyTheme(setting: ThemeSetting, root: HTMLElement = document.documentElement): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const apply = (): void => {
    root.dataset.theme = resolveTheme(setting, media?.matches ?? false);
  };
  apply();
  if (setting !== 'system' || !media) return () => undefined;
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
