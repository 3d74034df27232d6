import { describe, expect, it } from 'vitest';
import type { MessageStatus } from '../../../../shared/ipc';
import { canTransition, statusesBefore } from '../../../../electron/core/domain/messageStatus';

describe('message status rules', () => {
  it('moves outgoing messages only forward', () => {
    const allowed: Array<[MessageStatus, MessageStatus]> = [
      ['sending', 'sent'],
      ['sent', 'read'],
      ['sending', 'read'],
      ['sending', 'failed'],
      ['failed', 'sent'],
      ['received', 'read'],
    ];
    for (const [from, to] of allowed) expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    const forbidden: Array<[MessageStatus, MessageStatus]> = [
      ['sent', 'sending'],
      ['read', 'sent'],
      ['sent', 'failed'],
      ['read', 'failed'],
      ['failed', 'sending'],
      ['received', 'sent'],
      ['received', 'failed'],
      ['sending', 'received'],
      ['sent', 'sent'],
    ];
    for (const [from, to] of forbidden) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it('enters failed only from sending', () => {
    expect(statusesBefore('failed')).toEqual(['sending']);
    expect(statusesBefore('sent').sort()).toEqual(['failed', 'sending']);
  });
});
