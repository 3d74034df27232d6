import type { RawData } from 'ws';
import { FrameType } from '../../shared/protocol';

/** A received WebSocket message as text (ws hands over a Buffer, a list of them, or an ArrayBuffer). */
export function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

const knownTypes: ReadonlySet<number> = new Set(Object.values(FrameType));

/** Metric label for an envelope type: the defined ones, anything a client invents as "other" (labels stay a small set). */
export function typeLabel(type: number): string {
  return knownTypes.has(type) ? String(type) : 'other';
}
