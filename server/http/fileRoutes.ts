import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { resolveRange } from '../files/byteRange';
import { contentDisposition } from '../files/contentDisposition';
import type { FileService, UploadState } from '../files/fileService';
import { chunkOffset, createUploadSchema } from '../files/uploadSchemas';
import type { Logger } from '../log/logger';
import type { Reply, Route, RouteContext } from './router';
import { parseRequest } from './validate';

/**
 * Uploads (create, then resumable chunks by offset) and downloads (with Range) of files; every
 * route wants a signed-in user. A file the user may not read answers 404, like one that does
 * not exist. See docs/PROTOCOL.md, "Files".
 */
export function createFileRoutes(files: FileService, logger: Logger): Route[] {
  const fileId = (params: RouteContext['params']): string => params.fileId ?? '';

  const uploadReply = (response: ServerResponse, status: number, state: UploadState): Reply => {
    response.setHeader('upload-offset', String(state.offset));
    response.setHeader('upload-length', String(state.size));
    return { status, body: { ...state, uploadUrl: `/api/files/${state.fileId}` } };
  };

  const chunk = async ({ request, response, params, userId }: RouteContext): Promise<Reply> => {
    try {
      const offset = chunkOffset(request.headers);
      if (offset === null)
        throw new AppError('invalid-request', 'Upload-Offset or Content-Range (bytes a-b/n) is required.');
      return uploadReply(response, 200, await files.append(userId ?? '', fileId(params), offset, request));
    } catch (error) {
      // The body may be unread: it must not be parsed as the next request on this connection.
      if (!request.readableEnded) response.setHeader('connection', 'close');
      if (error instanceof AppError && error.code === 'offset-mismatch') {
        const state = await files.state(userId ?? '', fileId(params)).catch(() => null);
        if (state) response.setHeader('upload-offset', String(state.offset));
      }
      throw error;
    }
  };

  return [
    {
      // {name, size, mime?, sha256?} → 201 {fileId, uploadUrl, offset: 0, size, complete, …}.
      method: 'POST',
      path: '/api/files',
      auth: 'user',
      handle: async ({ body, response, userId }) =>
        uploadReply(response, 201, await files.create(userId ?? '', parseRequest(createUploadSchema, body))),
    },
    {
      // Where an upload stands (Upload-Offset), to resume after a dropped connection.
      method: 'HEAD',
      path: '/api/files/:fileId',
      auth: 'user',
      handle: async ({ params, response, userId }) => {
        const state = await files.state(userId ?? '', fileId(params));
        response.writeHead(200, {
          'upload-offset': String(state.offset),
          'upload-length': String(state.size),
          'cache-control': 'no-store',
          ...(state.complete && state.sha256 !== null ? { etag: `"${state.sha256}"` } : {}),
        });
        response.end();
        return { status: 200, body: null };
      },
    },
    { method: 'PATCH', path: '/api/files/:fileId', auth: 'user', rawBody: true, handle: chunk },
    { method: 'PUT', path: '/api/files/:fileId', auth: 'user', rawBody: true, handle: chunk },
    {
      // Gives up an upload in progress and frees its quota.
      method: 'DELETE',
      path: '/api/files/:fileId',
      auth: 'user',
      handle: async ({ params, userId }) => {
        await files.cancel(userId ?? '', fileId(params));
        return { status: 200, body: { ok: true } };
      },
    },
    {
      // The metadata and upload state as JSON.
      method: 'GET',
      path: '/api/files/:fileId/info',
      auth: 'user',
      handle: async ({ params, response, userId }) =>
        uploadReply(response, 200, await files.state(userId ?? '', fileId(params))),
    },
    {
      method: 'GET',
      path: '/api/files/:fileId',
      auth: 'user',
      handle: async ({ request, response, params, userId }) => {
        const { file, path } = files.openDownload(userId ?? '', fileId(params));
        const etag = `"${file.sha256 ?? ''}"`;
        const headers: Record<string, string> = {
          'content-type': file.mime,
          'content-disposition': contentDisposition(file.name),
          'x-content-type-options': 'nosniff',
          // Whatever the declared type, a browser that opens it directly runs nothing.
          'content-security-policy': "default-src 'none'; sandbox",
          'accept-ranges': 'bytes',
          etag,
          // Access depends on the user, so no shared cache may keep it.
          'cache-control': 'private, no-cache',
        };
        if (request.headers['if-none-match'] === etag) {
          response.writeHead(304, headers);
          response.end();
          return { status: 304, body: null };
        }
        const range = resolveRange(request.headers.range, file.size);
        if (range.kind === 'unsatisfiable') {
          response.setHeader('content-range', `bytes */${file.size}`);
          throw new AppError('range-not-satisfiable');
        }
        const [status, start, end] =
          range.kind === 'partial' ? [206, range.range.start, range.range.end] : [200, 0, file.size - 1];
        if (range.kind === 'partial') headers['content-range'] = `bytes ${start}-${end}/${file.size}`;
        headers['content-length'] = String(end - start + 1);
        // Open first, so a file missing on disk is a 500 reply rather than a truncated 200.
        const handle = await fs.promises.open(path, 'r');
        response.writeHead(status, headers);
        if (end < start) {
          await handle.close();
          response.end();
          return { status, body: null };
        }
        try {
          await pipeline(handle.createReadStream({ start, end }), response);
        } catch (error) {
          logger.debug('download cut short', { fileId: file.id, error });
          response.destroy();
        }
        return { status, body: null };
      },
    },
  ];
}
