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
    sendText: () => true,
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
  it('displaces or refuses according to firstLoginTime', () => {
    const registry = createSessionRegistry();
    const first = fakeSession();
    const second = fakeSession();
    const stale = fakeSession();
    expect(registry.admit('7', first.session, 0, 1_000)).toBe('admitted');
    expect(registry.admit('7', second.session, 1_000, 1_000)).toBe('admitted');
    expect(first.events).toEqual(['silent']);
    expect(registry.admit('7', stale.session, 999, 999)).toBe('stale');
    expect(registry.get('7')).toBe(second.session);
    expect(registry.admit('7', first.session, 0, 2_000)).toBe('admitted');
    expect(second.events).toEqual(['kick']);
  });

  it('removes a session only while it is the current one', () => {
    const registry = createSessionRegistry();
    const old = fakeSession();
    const current = fakeSession();
    registry.admit('7', old.session, 0, 1);
    registry.admit('7', current.session, 0, 2);
    expect(registry.remove('7', old.session)).toBe(false);
    expect(registry.get('7')).toBe(current.session);
    expect(registry.remove('7', current.session)).toBe(true);
    expect(registry.size()).toBe(0);
  });
});
