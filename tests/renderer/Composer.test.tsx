// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../renderer/src/components/Composer';

afterEach(cleanup);

function setup() {
  const onSend = vi.fn<(text: string) => void>();
  render(<Composer onSend={onSend} />);
  const input = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
  return { onSend, input };
}

describe('Composer', () => {
  it('sends the text on Enter and clears the input', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '你好 bob 👋' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(onSend).toHaveBeenCalledExactlyOnceWith('你好 bob 👋');
    expect(input.value).toBe('');
  });

  it('does not send on Shift+Enter, which is a new line', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'line one' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });

    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toBe('line one');
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

    expect(onSend).toHaveBeenCalledExactlyOnceWith('hi');
  });
});
