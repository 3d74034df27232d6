import { describe, expect, it } from 'vitest';
import {
  createSessionRegistry,
  decideDuplicateLogin,
  type Session,
} from '../../../server/gateway/sessionRegistry';

function fakeSession() {
  const events: string[] = [];
  const session: Session = {
    displace: (how) => void events.push(how),
    kick: (reason) => void events.push(`admin:${reason}`),
  };
  return { session, events };
}

describe('duplicate login rule', () => {
  it.each([
    [0, 500, 'kick-existing'],
    [-1, 500, 'kick-existing'],
    [600, 500, 'kick-existing'],
    [500, 500, 'replace-existing'],
    [400, 500, 'reject-new'],
  ] as const)('requested %i against existing %i → %s', (requested, existing, decision) => {
    expect(decideDuplicateLogin(requested, existing)).toBe(decision);
  });
});

describe('session registry', () => {
  it('displaces or refuses per device according to firstLoginTime', () => {
    const registry = createSessionRegistry();
    const first = fakeSession();
    const second = fakeSession();
    const stale = fakeSession();
    expect(registry.admit('7', 'laptop', first.session, 0, 1_000)).toBe('admitted');
    expect(registry.admit('7', 'laptop', second.session, 1_000, 1_000)).toBe('admitted');
    expect(first.events).toEqual(['silent']);
    expect(registry.admit('7', 'laptop', stale.session, 999, 999)).toBe('stale');
    expect(registry.get('7', 'laptop')).toBe(second.session);
    expect(registry.admit('7', 'laptop', first.session, 0, 2_000)).toBe('admitted');
    expect(second.events).toEqual(['kick']);
  });

  it('keeps the devices of one user apart', () => {
    const registry = createSessionRegistry();
    const laptop = fakeSession();
    const phone = fakeSession();
    const stock = fakeSession();
    registry.admit('7', 'laptop', laptop.session, 0, 1);
    registry.admit('7', 'phone', phone.session, 0, 2);
    registry.admit('7', 'stock', stock.session, 0, 3);
    expect(laptop.events).toEqual([]);
    expect(registry.sessionsOf('7')).toEqual([laptop.session, phone.session, stock.session]);
    expect(registry.sessionsOf('8')).toEqual([]);
    expect(registry.size()).toBe(1);
  });

  it('removes a session only while it is its device’s current one', () => {
    const registry = createSessionRegistry();
    const old = fakeSession();
    const current = fakeSession();
    registry.admit('7', 'd', old.session, 0, 1);
    registry.admit('7', 'd', current.session, 0, 2);
    expect(registry.remove('7', 'd', old.session)).toBe(false);
    expect(registry.get('7', 'd')).toBe(current.session);
    expect(registry.remove('7', 'other', current.session)).toBe(false);
    expect(registry.remove('7', 'd', current.session)).toBe(true);
    expect(registry.size()).toBe(0);
  });
});
