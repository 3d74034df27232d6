import type { FileApi } from './fileApi';
import type { TransferPatch, TransferRecord } from './transferRecord';

/** What one running upload or download may use. */
export type TransferTask = Readonly<{
  record: TransferRecord;
  signal: AbortSignal;
  api: FileApi;
  /** An HTTP call with the access token (refreshed on 401). */
  authed<T>(call: (token: string) => Promise<T>): Promise<T>;
  chunkBytes: number;
  /** Persists a change; bytes moved are throttled into progress events, other changes are immediate. */
  update(patch: TransferPatch): Promise<void>;
}>;
