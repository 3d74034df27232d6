import fs from 'node:fs';
import path from 'node:path';
import { IpcFailure } from '../../../shared/ipc';
import { MAX_PASTED_BYTES, type FileSource } from '../../../shared/ipc/channels/files';
import { readHead } from './fileHash';
import { mimeFor, SNIFF_BYTES, sniffImage } from './mediaType';
import { safeFileName } from './safeName';
import type { FileKind } from './transferRecord';

/** A file about to be sent: where its bytes are, what the message calls it, and its kind. */
export type OutgoingFile = Readonly<{
  sourcePath: string;
  name: string;
  size: number;
  mime: string;
  kind: FileKind;
}>;

/** Whether `file` (links resolved) lies in `dir`; a file that cannot be resolved is left to the read check. */
async function isInside(file: string, dir: string): Promise<boolean> {
  try {
    const [real, root] = await Promise.all([fs.promises.realpath(file), fs.promises.realpath(dir)]);
    const relative = path.relative(root, real);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  } catch {
    return false;
  }
}

/** Control characters are refused by the server in names; the name is metadata, never a path. */
export function displayName(name: string): string {
  const clean = Array.from(name.normalize('NFC').replace(/\p{Cc}/gu, '_'))
    .slice(0, 255)
    .join('');
  return clean.trim() === '' ? 'file' : clean;
}

/**
 * Checks and stages what the user chose. A path must be a readable regular file; pasted bytes
 * are written under `stagingDir/<messageId>/` first, so the upload can resume after a restart
 * like any other. `as: image` insists on a picture the server accepts.
 */
export async function prepareOutgoing(
  source: FileSource,
  as: 'auto' | 'file' | 'image',
  stagingDir: string,
  messageId: string,
  /** Tidings' own data (tokens, databases): never sent, whatever path the request names. */
  privateDir: string,
): Promise<OutgoingFile> {
  let sourcePath: string;
  let name: string;
  if (source.type === 'path') {
    if (!path.isAbsolute(source.path))
      throw new IpcFailure('invalid-request', 'The path of a file to send must be absolute.');
    sourcePath = source.path;
    name = path.basename(source.path);
    if (await isInside(sourcePath, privateDir))
      throw new IpcFailure('invalid-request', 'Files of Tidings itself cannot be sent.');
  } else {
    const bytes = Buffer.from(source.dataBase64, 'base64');
    if (bytes.length === 0 || bytes.toString('base64') !== source.dataBase64.replace(/\s/g, ''))
      throw new IpcFailure('invalid-request', 'The pasted data is not valid base64.');
    if (bytes.length > MAX_PASTED_BYTES) throw new IpcFailure('file-too-large');
    const dir = path.join(stagingDir, encodeURIComponent(messageId));
    await fs.promises.mkdir(dir, { recursive: true });
    sourcePath = path.join(dir, safeFileName(source.name));
    await fs.promises.writeFile(sourcePath, bytes);
    name = source.name;
  }
  let size: number;
  let head: Buffer;
  try {
    const stat = await fs.promises.stat(sourcePath);
    if (!stat.isFile()) throw new Error('not a regular file');
    size = stat.size;
    head = await readHead(sourcePath, SNIFF_BYTES);
  } catch {
    throw new IpcFailure('file-unreadable');
  }
  const image = sniffImage(head) !== null;
  if (as === 'image' && !image) throw new IpcFailure('not-an-image');
  return {
    sourcePath,
    name: displayName(name),
    size,
    mime: mimeFor(name, head),
    kind: as === 'file' || !image ? 'file' : 'image',
  };
}
