import { isAppUrl } from './appUrl';

/** The parts of Electron's WebFrameMain the check reads; structural so tests need no Electron. */
export type FrameLike = Readonly<{ url: string; parent: unknown }>;

export type SenderCheck = Readonly<{
  /** `event.senderFrame`: null once the frame navigated away or was destroyed. */
  senderFrame: FrameLike | null;
  /** `event.sender`: the WebContents the message came from. */
  sender: unknown;
  /** Our window's WebContents, or null while there is no window. */
  expected: unknown;
}>;

/**
 * Whether an IPC message may reach the engine: it comes from our window, from its top frame
 * (not an iframe an injected page could create), and that frame shows our app's origin.
 * VS Code's main-process IPC does the same checks before anything else runs.
 * https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function isTrustedSender({ senderFrame, sender, expected }: SenderCheck): boolean {
  return (
    senderFrame !== null &&
    expected !== null &&
    expected !== undefined &&
    sender === expected &&
    senderFrame.parent === null &&
    isAppUrl(senderFrame.url)
  );
}
