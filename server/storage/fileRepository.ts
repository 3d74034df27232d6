import type { Database } from 'better-sqlite3';
import { parseId } from './ids';

export type FileRecord = Readonly<{
  id: string;
  ownerId: string;
  name: string;
  size: number;
  mime: string;
  /** What the uploader said the hash would be; checked at completion. */
  declaredSha256: string | null;
  /** Computed by the server; null until the upload is complete. */
  sha256: string | null;
  width: number | null;
  height: number | null;
  createdAt: number;
  completedAt: number | null;
}>;

export type NewFile = Readonly<{
  id: string;
  ownerId: string;
  name: string;
  size: number;
  mime: string;
  declaredSha256: string | null;
  createdAt: number;
}>;

export type Completion = Readonly<{
  sha256: string;
  width: number | null;
  height: number | null;
  completedAt: number;
}>;

/** Uploaded files' metadata and the access rule "owner, or member of a conversation referencing it". */
export type FileRepository = Readonly<{
  insert(file: NewFile): void;
  findById(id: string): FileRecord | undefined;
  complete(id: string, completion: Completion): void;
  delete(id: string): void;
  /** Up to `limit` ids of uploads created before `before` and still incomplete, oldest first. */
  staleUploads(before: number, limit: number): string[];
  /** Bytes reserved by the owner's files, complete or not (an upload reserves its declared size). */
  usedBytes(ownerId: string): number;
  /** True when `userId` uploaded the file or is a member of a conversation with a message referencing it. */
  canRead(id: string, userId: string): boolean;
}>;

type FileRow = Readonly<{
  id: string;
  owner_id: number;
  name: string;
  size: number;
  mime: string;
  declared_sha256: string | null;
  sha256: string | null;
  width: number | null;
  height: number | null;
  created_at: number;
  completed_at: number | null;
}>;

const columns =
  'id, owner_id, name, size, mime, declared_sha256, sha256, width, height, created_at, completed_at';

export function createFileRepository(db: Database): FileRepository {
  const insert = db.prepare<[string, number, string, number, string, string | null, number]>(
    `INSERT INTO files (id, owner_id, name, size, mime, declared_sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[string], FileRow>(`SELECT ${columns} FROM files WHERE id = ?`);
  const complete = db.prepare<[string, number | null, number | null, number, string]>(
    'UPDATE files SET sha256 = ?, width = ?, height = ?, completed_at = ? WHERE id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM files WHERE id = ?');
  const stale = db.prepare<[number, number], { id: string }>(
    'SELECT id FROM files WHERE completed_at IS NULL AND created_at < ? ORDER BY created_at LIMIT ?',
  );
  const used = db.prepare<[number], { used: number }>(
    'SELECT COALESCE(SUM(size), 0) AS used FROM files WHERE owner_id = ?',
  );
  const readable = db.prepare<[string, number, number], { ok: number }>(
    `SELECT 1 AS ok FROM files f
     WHERE f.id = ? AND (f.owner_id = ? OR EXISTS (
       SELECT 1 FROM file_refs r
       JOIN conversation_members m ON m.conversation_id = r.conversation_id
       WHERE r.file_id = f.id AND m.user_id = ?))`,
  );

  const ownerKey = (id: string): number => {
    const key = parseId(id);
    if (key === null) throw new Error('malformed user id');
    return key;
  };

  return {
    insert: (file) =>
      void insert.run(
        file.id,
        ownerKey(file.ownerId),
        file.name,
        file.size,
        file.mime,
        file.declaredSha256,
        file.createdAt,
      ),
    findById(id) {
      const row = byId.get(id);
      return row ? toRecord(row) : undefined;
    },
    complete: (id, c) => void complete.run(c.sha256, c.width, c.height, c.completedAt, id),
    delete: (id) => void remove.run(id),
    staleUploads: (before, limit) => stale.all(before, limit).map((row) => row.id),
    usedBytes(ownerId) {
      const key = parseId(ownerId);
      return key === null ? 0 : (used.get(key)?.used ?? 0);
    },
    canRead(id, userId) {
      const key = parseId(userId);
      return key !== null && readable.get(id, key, key) !== undefined;
    },
  };
}

function toRecord(row: FileRow): FileRecord {
  return {
    id: row.id,
    ownerId: String(row.owner_id),
    name: row.name,
    size: row.size,
    mime: row.mime,
    declaredSha256: row.declared_sha256,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}
