import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PASTED_BYTES } from '../../../../shared/ipc/channels/files';
import type { Conversation, Message } from '../../../../shared/ipc/models';
import { useApi } from '../../api/apiContext';
import { useErrorText } from '../../i18n/errorText';
import { useFormat } from '../../i18n/format';
import { useChatStore, useChatStoreApi } from '../../state/storeContext';
import { Composer } from '../composer/Composer';
import { readFiles } from '../composer/readFiles';
import { ChatHeader } from './ChatHeader';
import { ForwardDialog } from './ForwardDialog';
import { MessageTimeline } from './messages/MessageTimeline';
import { useMemberNames } from './useMemberNames';
import { useMarkRead } from './useMarkRead';

/** Why the user cannot write here, or null when they can. */
function readOnlyReason(
  conversation: Conversation,
): 'readOnlyLeft' | 'readOnlyDissolved' | 'readOnlySystem' | null {
  if (conversation.kind === 'system') return 'readOnlySystem';
  if (conversation.group?.state === 'left') return 'readOnlyLeft';
  if (conversation.group?.state === 'dissolved') return 'readOnlyDissolved';
  return null;
}

/** The open conversation: header, messages, and the composer (or why there is none). */
export function ChatPane({ conversation }: Readonly<{ conversation: Conversation }>) {
  const api = useApi();
  const { t } = useTranslation(['chats', 'composer']);
  const errorText = useErrorText();
  const format = useFormat();
  const store = useChatStoreApi();
  const sendKey = useChatStore((s) => s.settings?.sendKey ?? 'enter');
  const { members, nameOf } = useMemberNames(conversation);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [forwarding, setForwarding] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const [unreadAtOpen] = useState(conversation.unread);
  const readOnly = readOnlyReason(conversation);
  useMarkRead(conversation);

  const toast = useCallback(
    (text: string, tone?: 'error' | 'info') => store.getState().toast(text, tone),
    [store],
  );

  const send = (text: string, mentions: string[]): void => {
    const reply = replyTo?.seq ?? undefined;
    setReplyTo(null);
    void api.messages
      .send({
        conversationId: conversation.id,
        text,
        ...(reply ? { replyToSeq: reply } : {}),
        ...(mentions.length > 0 ? { mentions } : {}),
      })
      .then((result) => {
        if (result.ok) store.getState().messagesChanged(conversation.id, [result.value]);
        else toast(errorText(result.error));
      });
    void api.conversations.setDraft({ conversationId: conversation.id, draft: '' });
  };

  const saveDraft = (draft: string): void => {
    void api.conversations.setDraft({ conversationId: conversation.id, draft }).then((result) => {
      if (result.ok) store.getState().conversationsChanged([result.value]);
    });
  };

  const sendFiles = async (files: File[]): Promise<void> => {
    const { ok, problems } = await readFiles(files);
    for (const problem of problems)
      toast(
        problem.problem === 'too-large'
          ? t('composer:tooLarge', { name: problem.name, limit: format.bytes(MAX_PASTED_BYTES) })
          : t('composer:readFailed', { name: problem.name }),
      );
    for (const file of ok) {
      const result = await api.files.send({
        conversationId: conversation.id,
        source: { type: 'bytes', name: file.name, dataBase64: file.dataBase64 },
        as: 'auto',
      });
      if (result.ok) store.getState().messagesChanged(conversation.id, [result.value.message]);
      else toast(errorText(result.error));
    }
  };

  const forward = (target: Conversation): void => {
    const message = forwarding;
    setForwarding(null);
    if (!message) return;
    void api.messages.forward({ id: message.id, conversationId: target.id }).then((result) => {
      if (!result.ok) return toast(errorText(result.error));
      store.getState().messagesChanged(target.id, [result.value]);
      toast(t('bubble.forwardSent', { title: target.title }), 'info');
    });
  };

  const mentionable = useMemo(
    () =>
      members
        .filter((m) => m.userId !== store.getState().account?.userId)
        .map((m) => ({ userId: m.userId, name: m.nickname || m.displayName, username: m.username })),
    [members, store],
  );

  const dropProps = readOnly
    ? {}
    : {
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        },
        onDragLeave: (event: DragEvent<HTMLElement>) => {
          if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
          setDragging(false);
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          event.preventDefault();
          setDragging(false);
          const files = [...event.dataTransfer.files];
          if (files.length > 0) void sendFiles(files);
        },
      };

  return (
    <section
      className={`conversation-pane${dragging ? ' dragging' : ''}`}
      aria-label={conversation.title}
      data-testid="conversation-pane"
      data-conversation-id={conversation.id}
      {...dropProps}
    >
      <ChatHeader conversation={conversation} />
      <MessageTimeline
        conversation={conversation}
        nameOf={nameOf}
        unreadAtOpen={unreadAtOpen}
        onReply={setReplyTo}
        onForward={setForwarding}
      />
      {readOnly ? (
        <p className="read-only-notice" role="status" data-testid="read-only-notice">
          {t(`pane.${readOnly}`)}
        </p>
      ) : (
        <Composer
          initialDraft={conversation.draft}
          sendKey={sendKey}
          members={mentionable}
          replyName={replyTo ? nameOf(replyTo.senderId) : null}
          onCancelReply={() => setReplyTo(null)}
          onSend={send}
          onFiles={(files) => void sendFiles(files)}
          onDraft={saveDraft}
        />
      )}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          {t('composer:dropHere')}
        </div>
      ) : null}
      {forwarding ? <ForwardDialog onPick={forward} onClose={() => setForwarding(null)} /> : null}
    </section>
  );
}
