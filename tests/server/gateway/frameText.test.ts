import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, type EnvelopeInput } from '../../../shared/protocol';
import { encodeServerFrame } from '../../../server/gateway/frameText';

const samples: EnvelopeInput[] = [
  { type: 4, from: '2', to: '1', dataContent: 'fp-1' },
  { type: 50, from: '0', dataContent: JSON.stringify({ code: 0, firstLoginTime: 5 }) },
  { type: 52, dataContent: null },
  {
    type: 2,
    from: '0',
    to: '7',
    typeu: 11,
    dataContent: JSON.stringify({ cursors: { inbox: 3 }, events: [{ text: 'quote " \\ 基准 👋 \u0001' }] }),
  },
  { type: 2, from: '1', to: '2', fp: 'f"p', QoS: true, typeu: -1, sm: 1_700_000_000_123, dataContent: 'hi' },
  { bridge: true, type: 5, from: 'a\u2028b', to: '', fp: null, QoS: false, typeu: 0, sm: -1 },
];

describe('server frame encoding', () => {
  it('writes exactly what the validating codec writes', () => {
    for (const frame of samples) expect(encodeServerFrame(frame)).toBe(encodeFrame(frame));
  });

  it('writes frames the codec decodes back to the same envelope', () => {
    for (const frame of samples) {
      const decoded = decodeFrame(encodeServerFrame(frame));
      expect(decoded.ok).toBe(true);
      expect(decoded).toEqual(decodeFrame(encodeFrame(frame)));
    }
  });
});
