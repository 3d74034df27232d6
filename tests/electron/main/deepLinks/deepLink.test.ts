import { describe, expect, it } from 'vitest';
import {
  conversationLink,
  findDeepLink,
  handOverFor,
  parseDeepLink,
  secondInstanceNavigation,
} from '../../../../electron/main/deepLinks/deepLink';

describe('parseDeepLink', () => {
  it('reads conversation and add-friend links', () => {
    expect(parseDeepLink('tidings://conversation/d:u1:u2')).toEqual({
      kind: 'conversation',
      conversationId: 'd:u1:u2',
    });
    expect(parseDeepLink('tidings://conversation/g%3A42/')).toEqual({
      kind: 'conversation',
      conversationId: 'g:42',
    });
    expect(parseDeepLink('tidings://add-friend/ada.lovelace')).toEqual({
      kind: 'addFriend',
      username: 'ada.lovelace',
    });
    expect(parseDeepLink('TIDINGS://Add-Friend/Ada')).toEqual({ kind: 'addFriend', username: 'Ada' });
  });

  it('round-trips the links the app makes', () => {
    for (const id of ['d:abc:def', 'g:1', 'd:user_1:user-2.x']) {
      expect(parseDeepLink(conversationLink(id))).toEqual({ kind: 'conversation', conversationId: id });
    }
  });

  it('refuses other schemes, actions and shapes', () => {
    for (const raw of [
      'https://tidings.example/conversation/x',
      'tidings:conversation/x',
      'tidings://conversation',
      'tidings://conversation/',
      'tidings://conversation/a/b',
      'tidings://conversation//',
      'tidings://open/x',
      'tidings://add-friend/ab',
      'tidings://add-friend/' + 'a'.repeat(33),
      'tidings://add-friend/bad*name',
      'tidings://user:pass@conversation/x',
      'tidings://conversation:8080/x',
      'tidings://conversation/x?then=https://evil.example',
      'tidings://conversation/x#frag',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
      'not a url',
    ]) {
      expect(parseDeepLink(raw), raw).toBeNull();
    }
  });

  it('refuses hostile values hidden in encodings', () => {
    for (const raw of [
      'tidings://conversation/..%2F..%2Fsecret',
      'tidings://conversation/%2E%2E',
      'tidings://conversation/..',
      'tidings://add-friend/../../etc',
      'tidings://add-friend/x/../evil',
      'tidings://add-friend/./ada',
      'tidings://conversation/%2e%2E/d:a:b',
      'tidings://conversation/x%00y',
      'tidings://conversation/%E0%A4%A',
      'tidings://conversation/%3Cscript%3E',
      'tidings://add-friend/ada%0Aevil',
      'tidings://add-friend/%20ada',
      'tidings://conversation/' + 'x'.repeat(201),
    ]) {
      expect(parseDeepLink(raw), raw).toBeNull();
    }
  });

  it('refuses whitespace and control characters the URL parser would drop silently', () => {
    for (const raw of [
      'tidings://conversation/d:u1:u2\n',
      ' tidings://conversation/x',
      'tid\tings://conversation/x',
      'tidings://conver\nsation/x',
      'tidings://conversation/x\u0000',
      'tidings://conversation/x\u007f',
    ]) {
      expect(parseDeepLink(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it('refuses non-strings and overlong input', () => {
    for (const raw of [undefined, null, 42, {}, ['tidings://conversation/x']])
      expect(parseDeepLink(raw)).toBeNull();
    expect(parseDeepLink(`tidings://conversation/x${'/'.repeat(2000)}`)).toBeNull();
  });
});

describe('links on the command line', () => {
  it('finds the first valid link and ignores switches and junk', () => {
    const argv = [
      '/opt/Tidings/tidings',
      '--hidden',
      '--allow-file-access-from-files',
      'tidings://nonsense',
      'tidings://conversation/d:a:b',
      'tidings://add-friend/ada',
    ];
    expect(findDeepLink(argv)).toEqual({ kind: 'conversation', conversationId: 'd:a:b' });
    expect(findDeepLink(['/usr/bin/electron', '.', '--inspect'])).toBeNull();
  });

  it('hands the raw link over to the running instance, which parses it again', () => {
    const handOver = handOverFor(['app', 'tidings://add-friend/ada']);
    expect(handOver).toEqual({ deepLink: 'tidings://add-friend/ada' });
    expect(secondInstanceNavigation(['app'], handOver)).toEqual({ kind: 'addFriend', username: 'ada' });
    expect(handOverFor(['app', '--flag'])).toEqual({ deepLink: null });
  });

  it('falls back to argv when the hand-over is missing, malformed or hostile', () => {
    const argv = ['app', 'tidings://conversation/d:a:b'];
    const expected = { kind: 'conversation', conversationId: 'd:a:b' };
    for (const data of [
      undefined,
      null,
      {},
      { deepLink: 42 },
      { deepLink: 'javascript:alert(1)' },
      { deepLink: null },
    ]) {
      expect(secondInstanceNavigation(argv, data), JSON.stringify(data)).toEqual(expected);
    }
    expect(secondInstanceNavigation(['app'], { deepLink: 'https://evil.example' })).toBeNull();
  });
});
