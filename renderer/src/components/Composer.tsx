import { useState, type FormEvent, type KeyboardEvent } from 'react';

export type ComposerProps = Readonly<{
  onSend: (text: string) => void;
  disabled?: boolean;
}>;

/** Enter during IME composition (e.g. picking Chinese characters) confirms the candidate; it must not send. */
function isComposing(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/** Multi-line input: Enter sends, Shift+Enter inserts a newline. */
export function Composer({ onSend, disabled = false }: ComposerProps) {
  const [text, setText] = useState('');
  const canSend = !disabled && text.trim().length > 0;

  const send = (): void => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
    event.preventDefault();
    send();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send();
  };

  return (
    <form className="composer" aria-label="Write a message" onSubmit={onSubmit}>
      <textarea
        className="composer-input"
        aria-label="Message"
        placeholder="Write a message… (Enter to send, Shift+Enter for a new line)"
        data-testid="composer-input"
        rows={3}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary" data-testid="composer-send" disabled={!canSend}>
        Send
      </button>
    </form>
  );
}
