import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOJI } from './emoji';

const COLUMNS = 10;

/** A grid of emoji; arrow keys move, Enter picks, Escape closes. */
export function EmojiPicker({
  onPick,
  onClose,
}: Readonly<{ onPick: (emoji: string) => void; onClose: () => void }>) {
  const { t } = useTranslation('composer');
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => grid.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const step =
      event.key === 'ArrowRight'
        ? 1
        : event.key === 'ArrowLeft'
          ? -1
          : event.key === 'ArrowDown'
            ? COLUMNS
            : event.key === 'ArrowUp'
              ? -COLUMNS
              : 0;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (step !== 0) {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, index + step))]?.focus();
    }
  };

  return (
    <div
      ref={grid}
      className="emoji-picker"
      role="group"
      aria-label={t('emojiPicker')}
      onKeyDown={onKeyDown}
      data-testid="emoji-picker"
    >
      {EMOJI.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className="emoji-button"
          aria-label={emoji}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
