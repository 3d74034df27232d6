import { z } from 'zod';
import { httpErrorSchema } from '../../../shared/protocol';
import type { FetchLike } from '../http/apiClient';
import { BadResponseError, HttpStatusError, ServerUnreachableError } from '../http/httpErrors';
import { apiUrl } from '../http/serverUrls';

/** What the upload endpoints answer (docs/PROTOCOL.md, "Files"). */
const uploadStateSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
  offset: z.number().int().nonnegative(),
  complete: z.boolean(),
  sha256: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

export type NewUpload = Readonly<{ name: string; size: number; mime: string; sha256: string }>;

/** An open download: where its bytes start, the file's whole size, and the body stream. */
export type DownloadStream = Readonly<{
  /** 200 (the whole file from byte 0) or 206 (from `start`). */
  status: 200 | 206;
  start: number;
  total: number;
  body: ReadableStream<Uint8Array>;
}>;

/** `Range` asked for bytes at or past the end: the caller already has the whole file. */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly total: number | null) {
    super('range not satisfiable');
    this.name = 'RangeNotSatisfiableError';
  }
}

export type FileApi = Readonly<{
  create(token: string, upload: NewUpload, signal?: AbortSignal): Promise<UploadState>;
  /** Where an upload stands (HEAD): the next byte the server wants. */
  offset(token: string, fileId: string, signal?: AbortSignal): Promise<number>;
  /** Appends `data` at `offset` (PATCH + Upload-Offset). */
  append(
    token: string,
    fileId: string,
    offset: number,
    data: Uint8Array<ArrayBuffer>,
    signal?: AbortSignal,
  ): Promise<UploadState>;
  info(token: string, fileId: string, signal?: AbortSignal): Promise<UploadState>;
  /** Gives up an upload in progress (frees the quota it reserved). */
  discard(token: string, fileId: string): Promise<void>;
  /** GET from byte `from` (a `Range` when above 0). */
  download(token: string, fileId: string, from: number, signal?: AbortSignal): Promise<DownloadStream>;
}>;

/**
 * The file endpoints over HTTP. Failures are the engine's HTTP errors (a status with the
 * server's code, or no answer at all), so `authed` refreshes on 401 as for every other call.
 * No deadline on the body of a download or a chunk: a large transfer takes as long as it takes;
 * the caller aborts through `signal`.
 */
export function createFileApi(serverUrl: string, fetchImpl: FetchLike): FileApi {
  const call = async (
    method: string,
    path: string,
    token: string,
    init: Readonly<{
      headers?: Record<string, string>;
      body?: Uint8Array<ArrayBuffer> | string;
      signal?: AbortSignal;
    }> = {},
  ): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(apiUrl(serverUrl, path), {
        method,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ServerUnreachableError(`${method} ${path}: no answer from the server`, { cause: error });
    }
    return response;
  };
  const fail = async (response: Response, what: string): Promise<never> => {
    const text = await response.text().catch(() => '');
    let code: string | null = null;
    let message = `${what}: HTTP ${response.status}`;
    try {
      const body = httpErrorSchema.safeParse(JSON.parse(text));
      if (body.success) ({ code, message } = body.data.error);
    } catch {
      // Not JSON: the status says enough.
    }
    throw new HttpStatusError(response.status, code, message);
  };
  const state = async (response: Response, what: string): Promise<UploadState> => {
    if (!response.ok) return fail(response, what);
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new ServerUnreachableError(`${what}: the answer was cut off`, { cause: error });
    }
    const parsed = uploadStateSchema.safeParse(json);
    if (!parsed.success) throw new BadResponseError(`${what}: unexpected response shape`);
    return parsed.data;
  };
  const filePath = (fileId: string): string => `/api/files/${encodeURIComponent(fileId)}`;

  return Object.freeze({
    async create(token, upload, signal) {
      const response = await call('POST', '/api/files', token, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(upload),
        ...(signal ? { signal } : {}),
      });
      return state(response, 'POST /api/files');
    },
    async offset(token, fileId, signal) {
      const response = await call('HEAD', filePath(fileId), token, signal ? { signal } : {});
      if (!response.ok) return fail(response, 'HEAD file');
      const offset = Number(response.headers.get('upload-offset'));
      if (!Number.isSafeInteger(offset) || offset < 0)
        throw new BadResponseError('HEAD file: no Upload-Offset');
      return offset;
    },
    async append(token, fileId, offset, data, signal) {
      const response = await call('PATCH', filePath(fileId), token, {
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
        body: data,
        ...(signal ? { signal } : {}),
      });
      return state(response, 'PATCH file');
    },
    async info(token, fileId, signal) {
      return state(
        await call('GET', `${filePath(fileId)}/info`, token, signal ? { signal } : {}),
        'GET file info',
      );
    },
    async discard(token, fileId) {
      const response = await call('DELETE', filePath(fileId), token);
      if (!response.ok && response.status !== 404) await fail(response, 'DELETE file');
      await response.body?.cancel().catch(() => undefined);
    },
    async download(token, fileId, from, signal) {
      const response = await call('GET', filePath(fileId), token, {
        headers: from > 0 ? { range: `bytes=${from}-` } : {},
        ...(signal ? { signal } : {}),
      });
      if (response.status === 416) {
        const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
        await response.body?.cancel().catch(() => undefined);
        throw new RangeNotSatisfiableError(total === undefined ? null : Number(total));
      }
      if (response.status !== 200 && response.status !== 206) return fail(response, 'GET file');
      if (!response.body) throw new BadResponseError('GET file: no body');
      if (response.status === 200) {
        const total = Number(response.headers.get('content-length'));
        if (!Number.isSafeInteger(total)) throw new BadResponseError('GET file: no Content-Length');
        return { status: 200, start: 0, total, body: response.body };
      }
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
      if (!range) throw new BadResponseError('GET file: 206 without a usable Content-Range');
      return { status: 206, start: Number(range[1]), total: Number(range[3]), body: response.body };
    },
  });
}
