// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NoticeRow } from '../../../../../renderer/src/features/chats/messages/NoticeRow';
import { useMemberNames } from '../../../../../renderer/src/features/chats/useMemberNames';
import type { Contact } from '../../../../../shared/ipc/channels/contacts';
import type { GroupMember } from '../../../../../shared/ipc/channels/groups';
import { ok } from '../../../../../shared/ipc/errors';
import type { Conversation, Message } from '../../../../../shared/ipc/models';
import { alice, conversation } from '../../../conversationFixture';
import { fakeApi } from '../../../fakeApi';
import { textMessage } from '../../../messageFixture';
import { renderWithProviders } from '../../../providers';

afterEach(cleanup);

const group: Conversation = conversation({
  id: 'g:7',
  kind: 'group',
  title: 'Hikers',
  peer: null,
  group: { groupId: '7', memberCount: 2, role: 'owner', state: 'member' },
});

const member = (userId: string, displayName: string, nickname = ''): GroupMember => ({
  userId,
  username: displayName.toLowerCase(),
  displayName,
  role: 'member',
  nickname,
});

const carol: Contact = {
  userId: '3',
  username: 'carol',
  displayName: 'Carol',
  remark: 'Carol (work)',
  relation: 'friend',
  blocked: false,
  friendsSince: 1,
  presence: null,
};

const notice = (body: Record<string, unknown>): Message =>
  textMessage({ id: 'n1', conversationId: group.id, senderId: '', outgoing: false, kind: 'notice', body });

function GroupNotice({ message }: Readonly<{ message: Message }>) {
  const { nameOf } = useMemberNames(group);
  return <NoticeRow message={message} nameOf={nameOf} />;
}

function renderNotice(message: Message, language: 'en' | 'zh' = 'en') {
  const fake = fakeApi({
    'groups:members': () => ok([member(alice.userId, 'Alice'), member('2', 'Bob', 'Bobby')]),
    'contacts:list': () => ok([carol]),
  });
  const rendered = renderWithProviders(<GroupNotice message={message} />, { api: fake.api, language });
  act(() => rendered.store.getState().signedIn(alice));
  return fake;
}

describe('group notices name people', () => {
  it('names a kicked member who is no longer in the group from the contacts', async () => {
    renderNotice(notice({ event: 'member-kicked', actorId: alice.userId, targetIds: ['3'] }));
    expect((await screen.findByText('Alice removed Carol (work) from the group')).textContent).toBeTruthy();
  });

  it('names a member who just joined once the member list changes, in Chinese too', async () => {
    const fake = renderNotice(notice({ event: 'member-joined', actorId: '2', targetIds: ['9'] }), 'zh');
    await screen.findByText('9 加入了群');
    act(() =>
      fake.emit('groups:membersChanged', {
        groupId: '7',
        members: [member(alice.userId, 'Alice'), member('2', 'Bob', 'Bobby'), member('9', 'Dora')],
      }),
    );
    expect(await screen.findByText('Dora 加入了群')).toBeTruthy();
  });

  it('prefers the group nickname, and reads in Chinese', async () => {
    renderNotice(notice({ event: 'group-renamed', actorId: '2', text: '峰会' }), 'zh');
    expect(await screen.findByText('Bobby 将群名改为“峰会”')).toBeTruthy();
  });
});
