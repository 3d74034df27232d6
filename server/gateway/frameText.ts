import type { EnvelopeInput } from '../../shared/protocol';

/**
 * Encodes a frame the server built itself, byte for byte as `encodeFrame` does (fields in
 * envelope order, stock defaults filled in, null fields left out), without validating it
 * against the envelope schema first: every outgoing frame went through that check, which was
 * a tenth of the server's time per message, and the server's own frames are typed.
 */
export function encodeServerFrame(frame: EnvelopeInput): string {
  let text = `{"bridge":${frame.bridge === true},"type":${frame.type}`;
  if (frame.dataContent !== null && frame.dataContent !== undefined)
    text += `,"dataContent":${JSON.stringify(frame.dataContent)}`;
  text += `,"from":${JSON.stringify(frame.from ?? '-1')},"to":${JSON.stringify(frame.to ?? '-1')}`;
  if (frame.fp !== null && frame.fp !== undefined) text += `,"fp":${JSON.stringify(frame.fp)}`;
  return `${text},"QoS":${frame.QoS === true},"typeu":${frame.typeu ?? -1},"sm":${frame.sm ?? -1}}`;
}
