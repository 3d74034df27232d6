import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, Message } from '../../../../../shared/ipc/models';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ContextMenu, useContextMenu } from '../../../components/ContextMenu';
import { useFormat } from '../../../i18n/format';
import { useNavigation } from '../../../state/navigation';
import { useChatStore } from '../../../state/storeContext';
import { buildRows, firstUnreadId, type TimelineRow } from './buildRows';
import { MessageRow } from './MessageRow';
import type { NameOf } from './NoticeRow';
import { useMessageActions, type MessageActionHandlers } from './useMessageActions';
import { useTimeline } from './useTimeline';

/** Rows this close to the top start loading the page before them. */
const LOAD_AHEAD_ROWS = 8;

export type MessageTimelineProps = Readonly<{
  conversation: Conversation;
  nameOf: NameOf;
  /** Unread count when the conversation was opened: where the new-messages divider goes. */
  unreadAtOpen: number;
  onReply: MessageActionHandlers['reply'];
  onForward: MessageActionHandlers['forward'];
}>;

function DaySeparator({ at }: Readonly<{ at: number }>) {
  const { t } = useTranslation('chats');
  const format = useFormat();
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const day = new Date(at).toDateString();
  const label =
    day === today.toDateString()
      ? t('day.today')
      : day === yesterday.toDateString()
        ? t('day.yesterday')
        : format.day(at);
  return (
    <div className="day-separator" role="separator" aria-label={label} data-testid="day-separator">
      <span>{label}</span>
    </div>
  );
}

/**
 * The message list, virtualized: only the rows in view (plus a few) are in the DOM, so a
 * conversation with 100k messages opens as fast as one with ten. It is anchored at the end:
 * older pages prepend without moving what is on screen, and new messages are followed only
 * while the reader is at the bottom.
 */
export function MessageTimeline({
  conversation,
  nameOf,
  unreadAtOpen,
  onReply,
  onForward,
}: MessageTimelineProps) {
  const { t } = useTranslation('chats');
  const jump = useNavigation((s) => s.jump);
  const jumpHandled = useNavigation((s) => s.jumpHandled);
  // Kept after the jump is handled (cleared in the store): going back to null would reload the
  // newest page and drop the context around the message the user asked to see.
  const requested = jump?.conversationId === conversation.id ? jump.messageId : null;
  const [jumpTo, setJumpTo] = useState(requested);
  if (requested !== null && requested !== jumpTo) setJumpTo(requested);
  const timeline = useTimeline(conversation.id, jumpTo);
  const selfId = useChatStore((s) => s.account?.userId ?? '');
  const scroller = useRef<HTMLDivElement>(null);
  const [dividerId, setDividerId] = useState<string | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [atEnd, setAtEnd] = useState(true);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const menu = useContextMenu<Message>();
  const actions = useMessageActions(conversation, {
    reply: onReply,
    forward: onForward,
    confirmDelete: setDeleting,
  });

  // The divider is placed once, when the first page arrives, and stays while the chat is open.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || !timeline.ready) return;
    placed.current = true;
    setDividerId(firstUnreadId(timeline.messages, unreadAtOpen));
  }, [timeline.ready, timeline.messages, unreadAtOpen]);

  const rows = useMemo(
    () => buildRows(timeline.messages, dividerId, timeline.olderComplete),
    [timeline.messages, dividerId, timeline.olderComplete],
  );
  const isGroup = conversation.kind === 'group';

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => 64 + (rows[index]?.dayAfter ? 36 : 0),
    getItemKey: (index) => rows[index]?.key ?? index,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
    overscan: 8,
  });

  // Open at the newest message, or at the message a search asked for (highlighted).
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || !timeline.ready || rows.length === 0) return;
    opened.current = true;
    if (timeline.anchorId) {
      const index = rows.findIndex((row) => row.key === timeline.anchorId);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightId(timeline.anchorId);
      jumpHandled();
    } else {
      virtualizer.scrollToEnd();
    }
  }, [timeline.ready, timeline.anchorId, rows, virtualizer, jumpHandled]);

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!opened.current) return;
    if (firstIndex <= LOAD_AHEAD_ROWS && !timeline.olderComplete && !timeline.loadingOlder)
      timeline.loadOlder();
    if (lastIndex >= rows.length - 2 && !timeline.newerComplete) timeline.loadNewer();
  }, [firstIndex, lastIndex, rows.length, timeline]);

  const onScroll = useCallback(() => {
    setAtEnd(virtualizer.isAtEnd(120));
  }, [virtualizer]);

  const jumpToLatest = (): void => {
    setHighlightId(null);
    if (!timeline.newerComplete) void timeline.reloadLatest().then(() => virtualizer.scrollToEnd());
    else virtualizer.scrollToEnd({ behavior: 'smooth' });
  };

  const { openAt, openBelow } = menu;
  const openMenu = useCallback(
    (message: Message, event: MouseEvent<HTMLElement>) => openAt(message, event),
    [openAt],
  );
  const openMenuKey = useCallback(
    (message: Message, element: HTMLElement) => openBelow(message, element),
    [openBelow],
  );

  const renderRow = (row: TimelineRow, previous: TimelineRow | undefined) => (
    <>
      {row.dayBefore !== null ? <DaySeparator at={row.dayBefore} /> : null}
      {row.newBefore ? (
        <div className="new-divider" role="separator" data-testid="new-divider">
          <span>{t('pane.newMessages')}</span>
        </div>
      ) : null}
      <MessageRow
        message={row.message}
        nameOf={nameOf}
        selfId={selfId}
        showSender={
          isGroup && (previous?.message.senderId !== row.message.senderId || previous.dayAfter !== null)
        }
        highlighted={row.message.id === highlightId}
        onMenu={openMenu}
        onMenuKey={openMenuKey}
        onRetry={actions.retry}
      />
      {row.dayAfter !== null ? <DaySeparator at={row.dayAfter} /> : null}
    </>
  );

  return (
    <div className="timeline">
      <div
        ref={scroller}
        className="message-scroll"
        onScroll={onScroll}
        role="log"
        aria-label={t('pane.messagesLabel')}
        data-testid="message-list"
        data-count={timeline.messages.length}
      >
        {timeline.ready && timeline.messages.length === 0 ? (
          <p className="empty-hint">{t('pane.noMessages')}</p>
        ) : null}
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="virtual-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {renderRow(row, rows[item.index - 1])}
              </div>
            );
          })}
        </div>
      </div>
      {timeline.loadingOlder ? (
        <p className="loading-older" role="status" data-testid="loading-older">
          {t('pane.loadingOlder')}
        </p>
      ) : null}
      {!atEnd || !timeline.newerComplete ? (
        <button type="button" className="jump-latest" onClick={jumpToLatest} data-testid="jump-latest">
          {t('pane.jumpToLatest')} ↓
        </button>
      ) : null}
      {menu.open ? (
        <ContextMenu
          items={actions.menuItems(menu.open.target)}
          position={menu.open.position}
          label={t('bubble.menuLabel')}
          onClose={menu.close}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          text={t('bubble.confirmDelete')}
          confirmLabel={t('bubble.delete')}
          onConfirm={() => {
            actions.deleteLocal(deleting);
            setDeleting(null);
          }}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
