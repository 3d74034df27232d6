// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerProps } from '../../../../renderer/src/features/composer/Composer';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(props: Partial<ComposerProps> = {}) {
  const onSend = vi.fn<(text: string, mentions: string[]) => void>();
  const rendered = renderWithProviders(<Composer onSend={onSend} {...props} />, { api: fakeApi().api });
  const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
  return { onSend, input, rendered };
}

const members = [
  { userId: 'u2', name: 'Bob', username: 'bob' },
  { userId: 'u3', name: 'Carol', username: 'carol' },
];

describe('Composer', () => {
  it('sends the text on Enter and clears the input', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '你好 bob 👋' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(onSend).toHaveBeenCalledExactlyOnceWith('你好 bob 👋', []);
    expect(input.value).toBe('');
  });

  it('does not send on Shift+Enter, which is a new line', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'line one' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });

    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toBe('line one');
  });

  it('with the Ctrl+Enter setting, Enter is a new line and Ctrl+Enter sends', () => {
    const { onSend, input } = setup({ sendKey: 'mod-enter' });
    fireEvent.change(input, { target: { value: 'two\nlines' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    expect(onSend).toHaveBeenCalledExactlyOnceWith('two\nlines', []);
    expect(input.placeholder).toContain('Ctrl+Enter to send');
  });

  it('does not send while an input method is composing (Enter picks the candidate)', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'nihao' } });
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true });

    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send blank text', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '  \n ' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends with the Send button too', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'hi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(onSend).toHaveBeenCalledExactlyOnceWith('hi', []);
  });

  it('inserts an emoji from the picker', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: 'great ' } });
    input.setSelectionRange(6, 6);
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    fireEvent.click(screen.getByRole('button', { name: '🎉' }));
    expect(input.value).toBe('great 🎉');
    expect(screen.queryByTestId('emoji-picker')).toBeNull();
  });

  it('completes an @mention from the group members and sends its user id', () => {
    const { onSend, input } = setup({ members });
    fireEvent.change(input, { target: { value: 'hi @ca', selectionStart: 6 } });
    input.setSelectionRange(6, 6);
    fireEvent.change(input, { target: { value: 'hi @ca' } });
    const list = screen.getByRole('listbox', { name: 'People to mention' });
    expect(list.textContent).toContain('Carol');
    expect(list.textContent).not.toContain('Bob');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('hi @Carol ');
    expect(onSend).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'hi @Carol lunch?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledExactlyOnceWith('hi @Carol lunch?', ['u3']);
  });

  it('offers no mentions outside groups', () => {
    setup();
    const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    fireEvent.change(input, { target: { value: '@b' } });
    expect(screen.queryByTestId('mention-list')).toBeNull();
  });

  it('starts from the saved draft and saves the draft when typing pauses', () => {
    vi.useFakeTimers();
    const onDraft = vi.fn<(text: string) => void>();
    const { input } = setup({ initialDraft: 'half a thought', onDraft, draftDelayMs: 500 });
    expect(input.value).toBe('half a thought');
    fireEvent.change(input, { target: { value: 'half a thought, finished' } });
    expect(onDraft).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(500);
    });
    expect(onDraft).toHaveBeenCalledExactlyOnceWith('half a thought, finished');
  });

  it('saves an unsaved draft when it goes away (switching conversations)', () => {
    const onDraft = vi.fn<(text: string) => void>();
    const { input, rendered } = setup({ onDraft, draftDelayMs: 60_000 });
    fireEvent.change(input, { target: { value: 'unsent' } });
    rendered.unmount();
    expect(onDraft).toHaveBeenCalledExactlyOnceWith('unsent');
  });

  it('hands pasted images to onFiles and keeps pasted text as text', () => {
    const onFiles = vi.fn<(files: File[]) => void>();
    const { input } = setup({ onFiles });
    const image = new File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' });
    fireEvent.paste(input, { clipboardData: { files: [image], types: ['Files'], getData: () => '' } });
    expect(onFiles).toHaveBeenCalledExactlyOnceWith([image]);

    fireEvent.paste(input, { clipboardData: { files: [], types: ['text/plain'], getData: () => 'x' } });
    expect(onFiles).toHaveBeenCalledTimes(1);
  });

  it('shows who a reply is for, and Escape cancels it', () => {
    const onCancelReply = vi.fn();
    const { input } = setup({ replyName: 'Bob', onCancelReply });
    expect(screen.getByTestId('reply-banner').textContent).toContain('Replying to Bob');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCancelReply).toHaveBeenCalledOnce();
  });
});
