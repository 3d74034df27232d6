import path from 'node:path';

/** The argument a login launch carries: the app starts in the tray, without a window. */
export const HIDDEN_ARG = '--hidden';

export type LoginItemPlan =
  /** `app.setLoginItemSettings` (macOS, Windows). */
  | Readonly<{ kind: 'login-item'; openAtLogin: boolean; args: readonly string[] }>
  /** An XDG autostart entry (Linux): written when enabled, removed when not. */
  | Readonly<{ kind: 'autostart'; file: string; content: string | null }>;

export type LoginItemInput = Readonly<{
  enabled: boolean;
  platform: NodeJS.Platform;
  /** `process.execPath`. */
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}>;

/** One argument of a desktop entry's Exec key, quoted as the Desktop Entry spec asks. */
export function desktopExecArg(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/**
 * How to start (or not start) Tidings at login on this platform. Electron's login items cover
 * macOS and Windows only; Linux desktops read `~/.config/autostart/*.desktop`. An AppImage
 * runs from a temporary mount, so its entry points at the AppImage file itself ($APPIMAGE).
 * https://specifications.freedesktop.org/autostart-spec/latest/
 */
export function loginItemPlan({ enabled, platform, execPath, env, homeDir }: LoginItemInput): LoginItemPlan {
  if (platform !== 'linux') {
    // Login-item arguments exist on Windows only; macOS launches login items as they are.
    return { kind: 'login-item', openAtLogin: enabled, args: platform === 'win32' ? [HIDDEN_ARG] : [] };
  }
  const configHome = env.XDG_CONFIG_HOME?.trim() || path.join(homeDir, '.config');
  const file = path.join(configHome, 'autostart', 'tidings.desktop');
  if (!enabled) return { kind: 'autostart', file, content: null };
  const executable = env.APPIMAGE?.trim() || execPath;
  const content = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Tidings',
    `Exec=${desktopExecArg(executable)} ${HIDDEN_ARG}`,
    'Icon=tidings',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
  return { kind: 'autostart', file, content };
}
