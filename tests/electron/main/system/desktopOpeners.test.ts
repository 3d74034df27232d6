import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesktopOpeners, type ShellLike } from '../../../../electron/main/system/desktopOpeners';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeShell(openPathAnswer = '') {
  return {
    openExternal: vi.fn<ShellLike['openExternal']>(() => Promise.resolve()),
    openPath: vi.fn<ShellLike['openPath']>(() => Promise.resolve(openPathAnswer)),
    showItemInFolder: vi.fn<ShellLike['showItemInFolder']>(),
  };
}

function storedFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tidings-openers-'));
  dirs.push(dir);
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, 'pdf');
  return file;
}

describe('desktop openers (Electron shell injected)', () => {
  it('opens web and mail links with shell.openExternal and refuses anything else', async () => {
    const shell = fakeShell();
    const openers = createDesktopOpeners(shell, () => Promise.resolve(null), vi.fn());
    await expect(openers.openExternal('https://example.com/a?b=1')).resolves.toBe(true);
    await expect(openers.openExternal('mailto:bob@example.com')).resolves.toBe(true);
    await expect(openers.openExternal('file:///etc/passwd')).resolves.toBe(false);
    await expect(openers.openExternal('javascript:alert(1)')).resolves.toBe(false);
    await expect(openers.openExternal('https://user:pw@evil.example/')).resolves.toBe(false);
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://example.com/a?b=1'],
      ['mailto:bob@example.com'],
    ]);
  });

  it("opens and shows a message's stored file, found through the engine by message id", async () => {
    const shell = fakeShell();
    const file = storedFile();
    const localFile = vi.fn((id: string) => Promise.resolve(id === 'fp-1' ? file : null));
    const openers = createDesktopOpeners(shell, localFile, vi.fn());
    await expect(openers.openMessageFile('fp-1')).resolves.toBe(true);
    await expect(openers.showMessageFile('fp-1')).resolves.toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith(file);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);

    await expect(openers.openMessageFile('fp-unknown')).resolves.toBe(false);
    await expect(openers.showMessageFile('fp-unknown')).resolves.toBe(false);
    expect(shell.openPath).toHaveBeenCalledTimes(1);
  });

  it('answers false when the stored file is gone or the system cannot open it', async () => {
    const file = storedFile();
    const onError = vi.fn();
    const failing = createDesktopOpeners(fakeShell('no app for .pdf'), () => Promise.resolve(file), onError);
    await expect(failing.openMessageFile('fp-1')).resolves.toBe(false);
    expect(onError).toHaveBeenCalledWith('open-file-failed', expect.any(Error));

    fs.rmSync(file);
    const shell = fakeShell();
    const gone = createDesktopOpeners(shell, () => Promise.resolve(file), vi.fn());
    await expect(gone.showMessageFile('fp-1')).resolves.toBe(false);
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
