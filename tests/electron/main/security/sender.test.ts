import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../electron/main/security/sender';

describe('isTrustedSender', () => {
  const ours = { id: 'our webContents' };
  const top = { url: 'app://tidings/index.html', parent: null };

  it('trusts the top frame of our window showing our app', () => {
    expect(isTrustedSender({ senderFrame: top, sender: ours, expected: ours })).toBe(true);
  });

  it('rejects a subframe, even one showing our origin', () => {
    expect(isTrustedSender({ senderFrame: { ...top, parent: top }, sender: ours, expected: ours })).toBe(
      false,
    );
  });

  it('rejects a top frame that shows another origin', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://evil/index.html',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender({ senderFrame: { url, parent: null }, sender: ours, expected: ours }), url).toBe(
        false,
      );
    }
  });

  it('rejects other WebContents and the absence of a window', () => {
    expect(isTrustedSender({ senderFrame: top, sender: { id: 'other' }, expected: ours })).toBe(false);
    expect(isTrustedSender({ senderFrame: top, sender: ours, expected: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: top, sender: undefined, expected: undefined })).toBe(false);
  });

  it('rejects a frame that is gone (senderFrame null)', () => {
    expect(isTrustedSender({ senderFrame: null, sender: ours, expected: ours })).toBe(false);
  });
});
