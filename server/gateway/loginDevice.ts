import { loginExtraSchema, STOCK_DEVICE_ID, TIDINGS_CAPABILITY } from '../../shared/protocol';
import type { DeviceKind } from '../storage/deviceRepository';

export type LoginDevice = Readonly<{ deviceId: string; kind: DeviceKind }>;

/**
 * The device a login speaks for, from its `extra`. No `extra`, or an `extra` that is not ours
 * (stock apps put their own text there), is the user's single stock device; a JSON object
 * naming a `deviceId` must be a valid Tidings extra, else the login is malformed (null).
 */
export function deviceFromExtra(extra: string | null): LoginDevice | null {
  const stock: LoginDevice = { deviceId: STOCK_DEVICE_ID, kind: 'stock' };
  if (extra === null || extra.trim() === '') return stock;
  let raw: unknown;
  try {
    raw = JSON.parse(extra);
  } catch {
    return stock;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('deviceId' in raw)) return stock;
  const parsed = loginExtraSchema.safeParse(raw);
  if (!parsed.success) return null;
  const kind = parsed.data.capabilities.includes(TIDINGS_CAPABILITY) ? 'tidings' : 'stock';
  return { deviceId: parsed.data.deviceId, kind };
}
