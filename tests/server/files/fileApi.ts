import { createHash } from 'node:crypto';
import http from 'node:http';
import type { UploadState as ServiceUploadState } from '../../../server/files/fileService';

/** What the upload endpoints answer: the service's state plus where to send the chunks. */
export type UploadState = ServiceUploadState & Readonly<{ uploadUrl: string }>;

export type Raw = Readonly<{ status: number; headers: Headers; body: Buffer }>;

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

async function raw(url: string, init: RequestInit): Promise<Raw> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

export function json<T>(response: Raw): T {
  return JSON.parse(response.body.toString('utf8')) as T;
}

export function errorOf(response: Raw): string | undefined {
  return json<{ error?: { code?: string } }>(response).error?.code;
}

const auth = (token: string | null): Record<string, string> =>
  token === null ? {} : { authorization: `Bearer ${token}` };

export function createUpload(
  baseUrl: string,
  token: string | null,
  request: Readonly<Record<string, unknown>>,
) {
  return raw(`${baseUrl}/api/files`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
}

export function sendChunk(
  baseUrl: string,
  token: string | null,
  fileId: string,
  offset: number,
  data: Buffer,
  style: 'upload-offset' | 'content-range' = 'upload-offset',
) {
  const position: Record<string, string> =
    style === 'upload-offset'
      ? { 'upload-offset': String(offset) }
      : { 'content-range': `bytes ${offset}-${offset + data.length - 1}/*` };
  return raw(`${baseUrl}/api/files/${fileId}`, {
    method: style === 'upload-offset' ? 'PATCH' : 'PUT',
    headers: { ...auth(token), 'content-type': 'application/offset+octet-stream', ...position },
    body: new Uint8Array(data),
  });
}

export function head(baseUrl: string, token: string | null, fileId: string) {
  return raw(`${baseUrl}/api/files/${fileId}`, { method: 'HEAD', headers: auth(token) });
}

export function download(
  baseUrl: string,
  token: string | null,
  fileId: string,
  headers: Readonly<Record<string, string>> = {},
) {
  return raw(`${baseUrl}/api/files/${fileId}`, { headers: { ...auth(token), ...headers } });
}

/** Creates and uploads `data` in one chunk; the state after completion. */
export async function uploadFile(
  baseUrl: string,
  token: string,
  name: string,
  data: Buffer,
  mime = 'application/octet-stream',
): Promise<UploadState> {
  const created = await createUpload(baseUrl, token, { name, size: data.length, mime, sha256: sha256(data) });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.body.toString()}`);
  const { fileId } = json<UploadState>(created);
  if (data.length === 0) return json<UploadState>(created);
  const sent = await sendChunk(baseUrl, token, fileId, 0, data);
  if (sent.status !== 200) throw new Error(`upload failed: ${sent.status} ${sent.body.toString()}`);
  return json<UploadState>(sent);
}

/**
 * Starts a chunk of `declared` bytes but sends only `data`, leaving the request open; `abort`
 * then destroys the socket (the TCP connection drops mid-body).
 */
export function startPartialChunk(
  baseUrl: string,
  token: string,
  fileId: string,
  offset: number,
  declared: number,
  data: Buffer,
): Readonly<{ abort(): void }> {
  const request = http.request(`${baseUrl}/api/files/${fileId}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'upload-offset': String(offset),
      'content-length': String(declared),
    },
  });
  request.on('error', () => {}); // the abort is the point
  request.write(data);
  return { abort: () => request.destroy() };
}
