import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from '../../../electron/cli/args';

const env = { TIDINGS_DATA_DIR: '/tmp/tidings-args' };
const friend = (...argv: string[]) => {
  const command = parseCommand(['friend', ...argv], env);
  return command.kind === 'friend' ? command.friend : null;
};

describe('tidings friend arguments', () => {
  it('parses every action', () => {
    expect(friend('add', 'bob', '--message', '你好 bob')).toEqual({
      action: 'add',
      username: 'bob',
      message: '你好 bob',
    });
    expect(friend('add', 'bob')).toEqual({ action: 'add', username: 'bob', message: '' });
    expect(friend('accept', 'bob')).toEqual({ action: 'accept', username: 'bob' });
    expect(friend('reject', 'bob')).toEqual({ action: 'reject', username: 'bob' });
    expect(friend('delete', 'bob')).toEqual({ action: 'delete', username: 'bob' });
    expect(friend('list', '--json')).toEqual({ action: 'list' });
    expect(parseCommand(['friend', 'list', '--json'], env)).toMatchObject({ json: true });
  });

  it.each([
    [[], /needs an action/],
    [['wave', 'bob'], /unknown friend action "wave"/],
    [['add'], /<username> is required/],
    [['accept', ' '], /<username> is required/],
    [['delete', 'bob', 'carol'], /unexpected argument "carol"/],
    [['list', 'all'], /unexpected argument "all"/],
    [['accept', 'bob', '--message', 'hi'], /--message goes with friend add/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(['friend', ...argv], env)).toThrow(UsageError);
    expect(() => parseCommand(['friend', ...argv], env)).toThrow(message);
  });
});
