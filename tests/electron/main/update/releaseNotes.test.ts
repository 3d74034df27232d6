import { describe, expect, it } from 'vitest';
import { releaseNotesText } from '../../../../electron/main/update/releaseNotes';

describe('releaseNotesText', () => {
  it('turns GitHub release HTML into readable text', () => {
    const html =
      '<h2>What&#39;s new</h2><ul><li>Faster <strong>sync</strong></li><li>Fixes &amp; polish</li></ul><p>Thanks to&nbsp;all!</p>';
    expect(releaseNotesText(html)).toBe("What's new\n\n• Faster sync\n• Fixes & polish\n\nThanks to all!");
  });

  it('drops scripts, styles, comments and unfinished tags, and decodes entities only once', () => {
    const hostile =
      '<script>alert(1)</script><style>p{}</style><!-- hidden -->Hi &lt;img src=x onerror=alert(1)&gt; &amp;lt; <img src="x" onerror="y"> <a href="javascript:x">link</a> <b';
    expect(releaseNotesText(hostile)).toBe('Hi <img src=x onerror=alert(1)> &lt; link');
  });

  it('refuses control characters and invalid code points from numeric entities', () => {
    expect(releaseNotesText('a&#0;b&#x7;c&#xD800;d&#128512;')).toBe('abcd😀');
  });

  it('joins per-version notes (full changelog) and handles nothing at all', () => {
    expect(
      releaseNotesText([
        { version: '1.2.0', note: '<p>Second</p>' },
        { version: '1.1.0', note: null },
      ]),
    ).toBe('1.2.0\nSecond\n\n1.1.0');
    expect(releaseNotesText(null)).toBe('');
    expect(releaseNotesText(undefined)).toBe('');
  });

  it('caps the length', () => {
    expect(releaseNotesText('x'.repeat(100_000)).length).toBe(20_000);
  });
});
