import { describe, expect, it } from 'vitest';
import { groupPermissions } from '../../../../renderer/src/features/groups/groupPermissions';

describe('groupPermissions', () => {
  it('lets the owner do everything but quit, and kick anyone but the owner', () => {
    const p = groupPermissions('owner', 'member');
    expect([p.canInvite, p.canRename, p.canEditNotice, p.canDissolve, p.canTransfer, p.canSetAdmin]).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(p.canQuit).toBe(false);
    expect([p.canKick('admin'), p.canKick('member'), p.canKick('owner')]).toEqual([true, true, false]);
  });

  it('lets an admin rename, edit the notice and kick plain members only', () => {
    const p = groupPermissions('admin', 'member');
    expect([p.canRename, p.canEditNotice, p.canQuit, p.canInvite]).toEqual([true, true, true, true]);
    expect([p.canDissolve, p.canTransfer, p.canSetAdmin]).toEqual([false, false, false]);
    expect([p.canKick('member'), p.canKick('admin')]).toEqual([true, false]);
  });

  it('lets a plain member invite and quit, nothing else', () => {
    const p = groupPermissions('member', 'member');
    expect([p.canInvite, p.canQuit]).toEqual([true, true]);
    expect([p.canRename, p.canEditNotice, p.canDissolve, p.canKick('member')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('makes a left or dissolved group read-only, whatever the role was', () => {
    for (const state of ['left', 'dissolved'] as const) {
      const p = groupPermissions('owner', state);
      expect(p.active).toBe(false);
      expect([
        p.canInvite,
        p.canQuit,
        p.canRename,
        p.canEditNotice,
        p.canDissolve,
        p.canKick('member'),
      ]).toEqual([false, false, false, false, false, false]);
    }
  });
});
