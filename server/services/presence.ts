import type { Notify } from '../../shared/protocol';
import type { DeviceKind } from '../storage/deviceRepository';

/** A QoS plain-text push to a stock device (typeu -1), as from `senderId`. */
export type StockPush = Readonly<{ senderId: string; fp: string; text: string; sentAt: number }>;

/**
 * A logged-in device as the services see it. The gateway implements it; each method writes one
 * frame and returns false when nothing could be written (the socket is closing or gone).
 */
export type OnlineDevice = Readonly<{
  userId: string;
  deviceId: string;
  kind: DeviceKind;
  /** typeu 11, no QoS (Tidings devices). */
  notify(notify: Notify): boolean;
  /** typeu -1 with QoS (stock devices). */
  pushText(push: StockPush): boolean;
}>;

/** Who is online, per user (the gateway's session registry). */
export type Presence = Readonly<{ devicesOf(userId: string): readonly OnlineDevice[] }>;
