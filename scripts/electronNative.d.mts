export const SQLITE_BINDING_ENV: 'TIDINGS_SQLITE_BINDING';
export function electronBindingPath(options: {
  root: string;
  electronVersion: string;
  moduleVersion: string;
  platform?: string;
  arch?: string;
}): string;
export function ensureElectronSqliteBinding(options: {
  root: string;
  electronVersion: string;
  log?: (message: string) => void;
}): Promise<string>;
