import { describe, expect, it } from 'vitest';
import { coreDb } from './coreDb';

describe('device repository', () => {
  it('records logins, moves the acknowledgement forward only, and keeps devices apart', () => {
    const { devices, alice, bob } = coreDb();
    devices.upsert(alice, 'laptop', 'tidings', 10);
    devices.upsert(alice, 'stock', 'stock', 11);
    expect(devices.find(alice, 'laptop')).toEqual({
      userId: alice,
      deviceId: 'laptop',
      kind: 'tidings',
      createdAt: 10,
      lastSeenAt: 10,
      inboxAck: 0,
    });
    devices.acknowledge(alice, 'laptop', 7, 20);
    devices.acknowledge(alice, 'laptop', 3, 21);
    devices.upsert(alice, 'laptop', 'tidings', 30);
    expect(devices.find(alice, 'laptop')).toMatchObject({ createdAt: 10, lastSeenAt: 30, inboxAck: 7 });
    expect(devices.find(alice, 'stock')?.inboxAck).toBe(0);
    expect(devices.find(bob, 'laptop')).toBeUndefined();
    devices.touch(alice, 'stock', 40);
    expect(devices.find(alice, 'stock')?.lastSeenAt).toBe(40);
    expect(devices.find("1' OR '1'='1", 'laptop')).toBeUndefined();
    devices.acknowledge('x', 'laptop', 9, 50); // ignored, never throws
    expect(() => devices.upsert('x', 'laptop', 'stock', 1)).toThrow(/malformed/);
  });
});
