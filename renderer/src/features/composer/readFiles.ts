import { MAX_PASTED_BYTES } from '../../../../shared/ipc/channels/files';

export type ReadFile = Readonly<{ name: string; dataBase64: string; image: boolean }>;
export type ReadProblem = Readonly<{ name: string; problem: 'too-large' | 'unreadable' }>;

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A pasted screenshot has no useful name; give it one with the time. */
export function pastedName(file: File, now: Date = new Date()): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const extension = file.type.split('/')[1] ?? 'png';
  return `pasted-${stamp}.${extension}`;
}

/**
 * Reads files the user pasted or dropped into base64 for `files:send`. The page cannot hand the
 * engine a path (it never sees one), so the bytes travel, within the contract's size limit.
 */
export async function readFiles(
  files: readonly File[],
): Promise<{ ok: ReadFile[]; problems: ReadProblem[] }> {
  const ok: ReadFile[] = [];
  const problems: ReadProblem[] = [];
  for (const file of files) {
    const name = pastedName(file);
    if (file.size > MAX_PASTED_BYTES) {
      problems.push({ name, problem: 'too-large' });
      continue;
    }
    try {
      ok.push({ name, dataBase64: base64(await file.arrayBuffer()), image: file.type.startsWith('image/') });
    } catch {
      problems.push({ name, problem: 'unreadable' });
    }
  }
  return { ok, problems };
}
