import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/ipc/models';
import { EmojiPicker } from './EmojiPicker';
import './composer.css';
import { matchMembers, mentionQuery, mentionsIn, type Mentionable } from './mentions';

const DRAFT_DELAY_MS = 600;

export type ComposerProps = Readonly<{
  /** Starts with this text (the saved draft). Remount (key) for another conversation. */
  initialDraft?: string;
  sendKey?: Settings['sendKey'];
  /** Group members for @mention; empty outside groups. */
  members?: readonly Mentionable[];
  replyName?: string | null;
  onCancelReply?: () => void;
  onSend: (text: string, mentions: string[]) => void;
  /** Images pasted from the clipboard. */
  onFiles?: (files: File[]) => void;
  /** The unsent text, after typing pauses and when the composer goes away. */
  onDraft?: (text: string) => void;
  disabled?: boolean;
  draftDelayMs?: number;
}>;

/** Enter during IME composition (e.g. picking Chinese characters) confirms the candidate; it must not send. */
function isComposing(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * Multi-line input. Enter sends and Shift+Enter breaks the line, or, with the "mod-enter"
 * setting, Ctrl/⌘+Enter sends and Enter breaks the line. Emoji, @mentions and pasted images.
 */
export function Composer({
  initialDraft = '',
  sendKey = 'enter',
  members = [],
  replyName = null,
  onCancelReply,
  onSend,
  onFiles,
  onDraft,
  disabled = false,
  draftDelayMs = DRAFT_DELAY_MS,
}: ComposerProps) {
  const { t } = useTranslation('composer');
  const [text, setText] = useState(initialDraft);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const picked = useRef(new Map<string, string>());
  const input = useRef<HTMLTextAreaElement>(null);
  const canSend = !disabled && text.trim().length > 0;

  // Save the draft when typing pauses, and whatever is left when the composer goes away.
  const latest = useRef({ text, saved: initialDraft, onDraft });
  latest.current.text = text;
  latest.current.onDraft = onDraft;
  useEffect(() => {
    if (text === latest.current.saved) return undefined;
    const timer = setTimeout(() => {
      latest.current.saved = text;
      latest.current.onDraft?.(text);
    }, draftDelayMs);
    return () => clearTimeout(timer);
  }, [text, draftDelayMs]);
  useEffect(
    () => () => {
      const { text: last, saved, onDraft: save } = latest.current;
      if (last !== saved) save?.(last);
    },
    [],
  );

  useEffect(() => {
    if (replyName) input.current?.focus();
  }, [replyName]);

  const candidates = mention
    ? [
        ...(members.length > 0 && 'all'.startsWith(mention.query.toLowerCase())
          ? [{ userId: 'all', name: t('mentionAll'), username: 'all' }]
          : []),
        ...matchMembers(members, mention.query),
      ]
    : [];

  const send = (): void => {
    if (!canSend) return;
    const value = text.trim();
    onSend(value, mentionsIn(value, picked.current));
    picked.current.clear();
    latest.current.saved = '';
    setText('');
    setMention(null);
  };

  const insert = (value: string, start: number, end: number): void => {
    const next = text.slice(0, start) + value + text.slice(end);
    setText(next);
    const caret = start + value.length;
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(caret, caret);
    });
  };

  const pickMention = (member: Mentionable): void => {
    if (!mention) return;
    const caret = input.current?.selectionStart ?? text.length;
    picked.current.set(member.userId, member.name);
    insert(`@${member.name} `, mention.start, caret);
    setMention(null);
  };

  const onChange = (value: string, caret: number): void => {
    setText(value);
    const next = members.length > 0 ? mentionQuery(value, caret) : null;
    setMention(next);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (mention && candidates.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + candidates.length) % candidates.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !isComposing(event)) {
        event.preventDefault();
        const member = candidates[active];
        if (member) pickMention(member);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key === 'Escape' && replyName) {
      onCancelReply?.();
      return;
    }
    if (event.key !== 'Enter' || isComposing(event)) return;
    const mod = event.ctrlKey || event.metaKey;
    const sends = sendKey === 'enter' ? !event.shiftKey && !mod : mod;
    if (!sends) return;
    event.preventDefault();
    send();
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = [...event.clipboardData.files].filter((file) => file.type.startsWith('image/'));
    if (files.length === 0 || !onFiles) return;
    event.preventDefault();
    onFiles(files);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send();
  };

  return (
    <form className="composer" aria-label={t('label')} onSubmit={onSubmit} data-testid="composer">
      {replyName ? (
        <div className="reply-banner" data-testid="reply-banner">
          <span>{t('replyingTo', { name: replyName })}</span>
          <button type="button" className="icon-button" aria-label={t('cancelReply')} onClick={onCancelReply}>
            ×
          </button>
        </div>
      ) : null}
      {mention && candidates.length > 0 ? (
        <ul className="mention-list" role="listbox" aria-label={t('mentionList')} data-testid="mention-list">
          {candidates.map((member, index) => (
            <li
              key={member.userId}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pickMention(member);
              }}
            >
              {member.name}{' '}
              {member.userId !== 'all' ? <span className="hint">@{member.username}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {emojiOpen ? (
        <EmojiPicker
          onPick={(emoji) => {
            const start = input.current?.selectionStart ?? text.length;
            const end = input.current?.selectionEnd ?? text.length;
            insert(emoji, start, end);
            setEmojiOpen(false);
          }}
          onClose={() => {
            setEmojiOpen(false);
            input.current?.focus();
          }}
        />
      ) : null}
      <div className="composer-row">
        <button
          type="button"
          className="icon-button"
          aria-label={t('emoji')}
          aria-expanded={emojiOpen}
          title={t('emoji')}
          onClick={() => setEmojiOpen((open) => !open)}
          disabled={disabled}
          data-testid="emoji-toggle"
        >
          😊
        </button>
        <textarea
          ref={input}
          className="composer-input"
          aria-label={t('input')}
          placeholder={sendKey === 'enter' ? t('placeholderEnter') : t('placeholderMod')}
          data-testid="composer-input"
          rows={3}
          value={text}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value, event.target.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <button type="submit" className="primary" data-testid="composer-send" disabled={!canSend}>
          {t('send')}
        </button>
      </div>
    </form>
  );
}
