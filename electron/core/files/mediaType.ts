/** Image formats the server accepts as images (it reads their size from the header). */
export type ImageFormat = Readonly<{ mime: string; ext: string }>;

/** Enough bytes to tell the formats below apart. */
export const SNIFF_BYTES = 16;

/** The image format of a file's first bytes, or null: what decides "image" for `as: auto`. */
export function sniffImage(head: Uint8Array): ImageFormat | null {
  const b = (i: number): number => head[i] ?? -1;
  const ascii = (from: number, text: string): boolean =>
    [...text].every((ch, i) => b(from + i) === ch.charCodeAt(0));
  if (b(0) === 0x89 && ascii(1, 'PNG') && b(4) === 0x0d && b(5) === 0x0a)
    return { mime: 'image/png', ext: '.png' };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { mime: 'image/jpeg', ext: '.jpg' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { mime: 'image/gif', ext: '.gif' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { mime: 'image/webp', ext: '.webp' };
  return null;
}

const byExtension: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * The type declared to the server. It is only a label (the server sends files with `nosniff`
 * and a sandbox CSP), so anything unknown is plain bytes.
 */
export function mimeFor(name: string, head: Uint8Array): string {
  const image = sniffImage(head);
  if (image) return image.mime;
  const dot = name.lastIndexOf('.');
  return (dot >= 0 ? byExtension[name.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
