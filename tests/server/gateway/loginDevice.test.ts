import { describe, expect, it } from 'vitest';
import { deviceFromExtra } from '../../../server/gateway/loginDevice';

describe('login device', () => {
  it.each([
    ['no extra', null, { deviceId: 'stock', kind: 'stock' }],
    ['an empty extra', '  ', { deviceId: 'stock', kind: 'stock' }],
    ['a stock app’s own text', 'hello from my app', { deviceId: 'stock', kind: 'stock' }],
    ['a stock app’s own JSON', '{"theme":"dark"}', { deviceId: 'stock', kind: 'stock' }],
    ['a JSON array', '[1,2]', { deviceId: 'stock', kind: 'stock' }],
    [
      'a Tidings extra',
      JSON.stringify({ deviceId: 'laptop-1', capabilities: ['tidings/1', 'x/2'] }),
      { deviceId: 'laptop-1', kind: 'tidings' },
    ],
    [
      'a device without the Tidings capability',
      JSON.stringify({ deviceId: 'kiosk', capabilities: [] }),
      { deviceId: 'kiosk', kind: 'stock' },
    ],
  ])('%s', (_, extra, device) => {
    expect(deviceFromExtra(extra)).toEqual(device);
  });

  it.each([
    [
      'an injection-looking device id',
      { deviceId: "x'; DROP TABLE devices; --", capabilities: ['tidings/1'] },
    ],
    ['an empty device id', { deviceId: '', capabilities: ['tidings/1'] }],
    ['a device id of the wrong type', { deviceId: 42, capabilities: ['tidings/1'] }],
    ['a long device id', { deviceId: 'x'.repeat(129), capabilities: [] }],
    ['capabilities of the wrong type', { deviceId: 'ok', capabilities: 'tidings/1' }],
  ])('refuses %s', (_, extra) => {
    expect(deviceFromExtra(JSON.stringify(extra))).toBeNull();
  });
});
