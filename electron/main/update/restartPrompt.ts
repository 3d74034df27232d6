import { dialog } from 'electron';
import type { UpdateState } from '../../../shared/ipc/channels/update';
import { shellText } from '../shellText';

/** Release notes in a native dialog are a summary, not the changelog. */
const MAX_DETAIL = 1500;

/**
 * Asks whether to restart into a downloaded update, showing its release notes. The dialog is
 * not attached to the window, so the app stays usable while the question waits; "Later"
 * installs at the next quit.
 */
export async function promptRestart(available: NonNullable<UpdateState['available']>): Promise<boolean> {
  const notes = available.releaseNotes;
  const { response } = await dialog.showMessageBox({
    type: 'info',
    title: shellText.updateReadyTitle,
    message: shellText.updateReadyMessage(available.version),
    detail: notes.length > MAX_DETAIL ? `${notes.slice(0, MAX_DETAIL).trimEnd()}…` : notes,
    buttons: [shellText.updateRestart, shellText.updateLater],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}
