import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/log/logger';
import { CommandFailure } from '../../../server/services/commandFailure';
import { createCommandService, type CommandHandlers } from '../../../server/services/commandService';
import { socialStubHandlers } from '../social/stubHandlers';

const context = { userId: '1', deviceId: 'd' };

function service(overrides: Partial<CommandHandlers> = {}) {
  const seen: unknown[] = [];
  const handlers: CommandHandlers = {
    'sync.inbox': (_c, args) => (seen.push(args), { events: [], max: 0, hasMore: false }),
    'sync.history': () => ({ messages: [], hasMore: false }),
    'sync.conversations': () => ({ inbox: 0, conversations: [] }),
    'sync.public': () => ({ events: [], max: 0, hasMore: false }),
    'read.mark': () => ({ readSeq: 0 }),
    'message.recall': () => {
      throw new CommandFailure('recall-window-passed');
    },
    ...socialStubHandlers,
    ...overrides,
  };
  return { commands: createCommandService({ handlers, logger: createLogger('silent') }), seen };
}

describe('command service', () => {
  it('validates arguments, applies their defaults and replies with the value', async () => {
    const { commands, seen } = service();
    expect(
      await commands.handle(context, JSON.stringify({ id: 'a', name: 'sync.inbox', args: { after: 3 } })),
    ).toEqual({
      id: 'a',
      ok: true,
      value: { events: [], max: 0, hasMore: false },
    });
    expect(seen).toEqual([{ after: 3, limit: 200 }]);
    expect(
      await commands.handle(context, JSON.stringify({ id: 'b', name: 'sync.conversations', args: {} })),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['not JSON', 'nope', '', 'invalid-request'],
    ['no name', JSON.stringify({ id: 'x' }), 'x', 'invalid-request'],
    ['no args', JSON.stringify({ id: 'y', name: 'sync.conversations' }), 'y', 'invalid-request'],
    ['an id of the wrong type', JSON.stringify({ id: 7, name: 'sync.inbox' }), '', 'invalid-request'],
    [
      'an unknown command',
      JSON.stringify({ id: 'u', name: 'drop.tables', args: {} }),
      'u',
      'unknown-command',
    ],
    ['an inherited name', JSON.stringify({ id: 'p', name: '__proto__', args: {} }), 'p', 'unknown-command'],
    [
      'wrong argument types',
      JSON.stringify({ id: 'w', name: 'sync.inbox', args: { after: '0' } }),
      'w',
      'invalid-request',
    ],
    [
      'a negative cursor',
      JSON.stringify({ id: 'n', name: 'sync.inbox', args: { after: -1 } }),
      'n',
      'invalid-request',
    ],
    [
      'a limit too large',
      JSON.stringify({ id: 'l', name: 'sync.inbox', args: { after: 0, limit: 5000 } }),
      'l',
      'invalid-request',
    ],
  ])('answers %s with an error', async (_, request, id, code) => {
    const { commands } = service();
    const reply = await commands.handle(context, request);
    expect(reply).toMatchObject({ id, ok: false, error: { code } });
    if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(0);
  });

  it('turns a CommandFailure into its code and anything else into internal', async () => {
    const { commands } = service({
      'read.mark': () => {
        throw new Error('database on fire');
      },
    });
    expect(
      await commands.handle(
        context,
        JSON.stringify({ id: 'r', name: 'message.recall', args: { conversationId: 'c', seq: 1 } }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'recall-window-passed' } });
    const internal = await commands.handle(
      context,
      JSON.stringify({ id: 'm', name: 'read.mark', args: { conversationId: 'c', seq: 1 } }),
    );
    expect(internal).toEqual({
      id: 'm',
      ok: false,
      error: { code: 'internal', message: 'The server could not complete the command.' },
    });
  });
});
