import fs from 'node:fs';
import path from 'node:path';
import { readHead } from './fileHash';
import { SNIFF_BYTES, sniffImage } from './mediaType';

/** Larger pictures are not inlined as data: URLs (the renderer shows a placeholder and the file). */
export const MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024;

/**
 * The local picture cache. Nothing here can decode or scale an image without a native module
 * (sharp does not install), so the cache keeps the original picture — the one sent from here,
 * or the one downloaded — under the message's id, and the renderer scales it with CSS.
 */
export function createThumbnailCache(dir: string) {
  return Object.freeze({
    /** Copies a picture into the cache; its path, or null when it is too large or not a picture. */
    async store(messageId: string, source: string): Promise<string | null> {
      const stat = await fs.promises.stat(source);
      if (stat.size > MAX_THUMBNAIL_BYTES) return null;
      const format = sniffImage(await readHead(source, SNIFF_BYTES));
      if (!format) return null;
      await fs.promises.mkdir(dir, { recursive: true });
      const target = path.join(dir, `${encodeURIComponent(messageId)}${format.ext}`);
      await fs.promises.copyFile(source, target);
      return target;
    },
    /** The picture as a data: URL, or null (gone, too large, not a picture). */
    async dataUrl(file: string | null): Promise<string | null> {
      if (file === null) return null;
      try {
        const stat = await fs.promises.stat(file);
        if (!stat.isFile() || stat.size > MAX_THUMBNAIL_BYTES) return null;
        const bytes = await fs.promises.readFile(file);
        const format = sniffImage(bytes.subarray(0, SNIFF_BYTES));
        return format ? `data:${format.mime};base64,${bytes.toString('base64')}` : null;
      } catch {
        return null;
      }
    },
  });
}

export type ThumbnailCache = ReturnType<typeof createThumbnailCache>;
