import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDeliveryRepository } from '../../../server/storage/deliveryRepository';
import { createMessageRepository, type MessageDraft } from '../../../server/storage/messageRepository';
import { migrate } from '../../../server/storage/migrate';
import { migrations } from '../../../server/storage/migrations';
import { createUserRepository } from '../../../server/storage/userRepository';

function setup() {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const users = createUserRepository(db);
  const id = (name: string): string => {
    const result = users.insert({ username: name, passwordHash: 'h', displayName: name, createdAt: 1 });
    if (!result.ok) throw new Error('taken');
    return result.id;
  };
  return {
    db,
    messages: createMessageRepository(db),
    deliveries: createDeliveryRepository(db),
    alice: id('alice'),
    bob: id('bob'),
  };
}

const draft = (from: string, to: string, fp: string, text = fp): MessageDraft => ({
  conversationId: `d:${[from, to].sort().join(':')}`,
  conversationKind: 'direct',
  memberIds: [from, to],
  senderId: from,
  recipientIds: [to],
  fp,
  kind: 'text',
  bodyJson: JSON.stringify({ text }),
});

let clock = 1_000;
const now = (): number => ++clock;

describe('message repository', () => {
  it('assigns gap-free seqs per conversation and records members and deliveries', () => {
    const { db, messages, alice, bob } = setup();
    const results = messages.appendBatch(
      [draft(alice, bob, 'a1'), draft(bob, alice, 'b1'), draft(alice, bob, 'a2')],
      now,
    );
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    expect(results.map((r) => (r.status === 'stored' ? r.message.seq : 0))).toEqual([1, 2, 3]);
    expect(db.prepare('SELECT user_id FROM conversation_members ORDER BY user_id').all()).toEqual([
      { user_id: Number(alice) },
      { user_id: Number(bob) },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM deliveries WHERE delivered_at IS NULL').get()).toEqual({
      n: 3,
    });
  });

  it('returns the first copy for a repeated (sender, fp), in the same batch or a later one', () => {
    const { messages, alice, bob } = setup();
    const [first, sameBatch] = messages.appendBatch(
      [draft(alice, bob, 'x', 'one'), draft(alice, bob, 'x', 'two')],
      now,
    );
    const [later] = messages.appendBatch([draft(alice, bob, 'x', 'three')], now);
    expect(first?.status).toBe('stored');
    expect(sameBatch).toEqual({
      status: 'duplicate',
      message: first?.status === 'stored' ? first.message : null,
    });
    expect(later).toEqual(sameBatch);
    const [other] = messages.appendBatch([draft(bob, alice, 'x')], now);
    expect(other?.status).toBe('stored'); // fps are per sender
  });

  it('fails a bad draft alone, without burning a seq', () => {
    const { messages, alice, bob } = setup();
    const broken = { ...draft(alice, bob, 'bad'), recipientIds: ['424242'] }; // no such user: FOREIGN KEY
    const results = messages.appendBatch([draft(alice, bob, 'ok1'), broken, draft(alice, bob, 'ok2')], now);
    expect(results.map((r) => r.status)).toEqual(['stored', 'failed', 'stored']);
    expect(results.map((r) => (r.status === 'stored' ? r.message.seq : null))).toEqual([1, null, 2]);
  });
});

describe('delivery repository', () => {
  it('lists pending messages oldest first and marks only the recipient’s own', () => {
    const { messages, deliveries, alice, bob } = setup();
    messages.appendBatch([draft(alice, bob, 'm1'), draft(alice, bob, 'm2'), draft(bob, alice, 'm3')], now);
    expect(deliveries.listPending(bob).map((m) => m.fp)).toEqual(['m1', 'm2']);
    expect(deliveries.listPending(alice).map((m) => m.fp)).toEqual(['m3']);

    expect(deliveries.markDelivered(alice, alice, 'm1', now())).toBeNull(); // not Alice's to acknowledge
    expect(deliveries.markDelivered(bob, bob, 'm1', now())).toBeNull(); // wrong sender
    const id = deliveries.markDelivered(bob, alice, 'm1', now());
    expect(id).toMatch(/^\d+$/);
    expect(deliveries.markDelivered(bob, alice, 'm1', now())).toBeNull(); // already delivered
    expect(deliveries.listPending(bob).map((m) => m.fp)).toEqual(['m2']);
    expect(deliveries.listPending('not-an-id')).toEqual([]);
  });
});
