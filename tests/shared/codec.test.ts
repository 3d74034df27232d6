import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  decodePayload,
  encodeFrame,
  FrameType,
  loginRequestSchema,
  MAX_FRAME_BYTES,
  utf8ByteLength,
} from '../../shared/protocol';

describe('frame codec', () => {
  it('fills the stock defaults for omitted fields', () => {
    const decoded = decodeFrame('{"type":1}');
    expect(decoded).toEqual({
      ok: true,
      value: {
        bridge: false,
        type: 1,
        dataContent: null,
        from: '-1',
        to: '-1',
        fp: null,
        QoS: false,
        typeu: -1,
        sm: -1,
      },
    });
  });

  it('omits null fields when encoding, as the stock server does', () => {
    const text = encodeFrame({ type: FrameType.keepaliveResponse, dataContent: '{}', from: '0', to: '42' });
    expect(JSON.parse(text)).not.toHaveProperty('fp');
    expect(JSON.parse(text)).toMatchObject({ type: 51, dataContent: '{}', QoS: false, typeu: -1 });
  });

  it.each([
    ['not json', 'not-json'],
    ['[1,2]', 'invalid-envelope'],
    ['{"type":"1"}', 'invalid-envelope'],
    ['{"type":2,"QoS":"yes"}', 'invalid-envelope'],
    ['{"type":2,"dataContent":{"nested":true}}', 'invalid-envelope'],
  ])('rejects %s as %s', (text, reason) => {
    const decoded = decodeFrame(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toBe(reason);
  });

  it('rejects frames over the limit measured in UTF-8 bytes', () => {
    const cjk = '你'.repeat(Math.ceil(MAX_FRAME_BYTES / 3) + 1); // fewer UTF-16 units than the limit, more bytes
    expect(cjk.length).toBeLessThan(MAX_FRAME_BYTES);
    const decoded = decodeFrame(JSON.stringify({ type: 2, dataContent: cjk }));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toBe('too-large');
  });

  it('counts UTF-8 bytes like Buffer does', () => {
    for (const text of ['', 'abc', '你好', '👋🏽', 'a\u{1F469}\u200D\u{1F4BB}b', '\uD800x']) {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('parses double-encoded control payloads and reports bad ones', () => {
    const ok = decodePayload('{"loginUserId":"7","loginToken":"t"}', loginRequestSchema);
    expect(ok).toEqual({
      ok: true,
      value: { loginUserId: '7', loginToken: 't', extra: null, firstLoginTime: 0 },
    });
    expect(decodePayload('{"loginUserId":7}', loginRequestSchema).ok).toBe(false);
    expect(decodePayload('{', loginRequestSchema).ok).toBe(false);
    expect(decodePayload(null, loginRequestSchema).ok).toBe(false);
  });
});
