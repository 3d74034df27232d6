import { z } from 'zod';
import { logLevels, senseModes } from './config';

/** A configuration mistake, reported to the operator as one line; never a crash. */
export class ConfigError extends Error {}

/** Printable ASCII without spaces, long enough not to be guessed. */
export const adminTokenPattern = /^[\x21-\x7e]{16,512}$/;
export const adminTokenRule = 'must be 16 to 512 printable characters without spaces';

/**
 * An Origin as a browser sends it: scheme://host[:port], lower case, no default port, no path.
 * Null for anything else (a pattern or a path would never match a real Origin header).
 */
export function normalizeOrigin(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s@]+)\/?$/i.exec(text.trim());
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `${scheme}://${(match[2] ?? '').toLowerCase()}`;
  try {
    return new URL(`${scheme}://${match[2] ?? ''}`).origin;
  } catch {
    return null;
  }
}

const originSchema = z
  .string()
  .max(200)
  .transform((text, context) => {
    const origin = normalizeOrigin(text);
    if (origin !== null) return origin;
    context.addIssue({ code: 'custom', message: `not an origin like https://chat.example.com: ${text}` });
    return z.NEVER;
  });

const secondsSchema = (max: number) => z.number().int().min(1).max(max);

const portSchema = z.number().int().min(0).max(65_535);
const msSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60 * 60 * 1000);

/** The `--config` JSON file: any subset of the config; unknown keys are an error (typos should not pass silently). */
const configFileSchema = z.strictObject({
  host: z.string().min(1).optional(),
  port: portSchema.optional(),
  dataDir: z.string().min(1).optional(),
  logLevel: z.enum(logLevels).optional(),
  timings: z
    .strictObject({
      loginDeadlineMs: msSchema.optional(),
      idleExpiryMs: msSchema.optional(),
      pushRetryMs: msSchema.optional(),
      pushMaxRetries: z.number().int().min(0).max(10).optional(),
      shutdownGraceMs: msSchema.optional(),
      notifyJitterMs: z.number().int().min(0).max(60_000).optional(),
      inboxRetentionMs: z
        .number()
        .int()
        .min(1)
        .max(10 * 365 * 24 * 60 * 60 * 1000)
        .optional(),
      inboxPruneIntervalMs: msSchema.optional(),
      recallWindowMs: z
        .number()
        .int()
        .min(0)
        .max(365 * 24 * 60 * 60 * 1000)
        .optional(),
      publicInboxRefreshMs: z.number().int().min(10).max(1_000).optional(),
      broadcastNotifyJitterMs: z.number().int().min(0).max(600_000).optional(),
    })
    .optional(),
  batchMaxMessages: z.number().int().min(1).max(10_000).optional(),
  senseMode: z.enum(senseModes).optional(),
  allowedOrigins: z.array(originSchema).max(100).optional(),
  rateLimit: z
    .strictObject({
      burst: z.number().int().min(1).max(1_000_000),
      perSecond: z.number().min(1).max(1_000_000),
    })
    .optional(),
  httpBodyLimitBytes: z
    .number()
    .int()
    .min(1024)
    .max(16 * 1024 * 1024)
    .optional(),
  adminToken: z.string().regex(adminTokenPattern, adminTokenRule).optional(),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  tls: z.strictObject({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  auth: z
    .strictObject({
      accessTokenTtlSeconds: secondsSchema(24 * 60 * 60).optional(),
      refreshTokenTtlSeconds: secondsSchema(365 * 24 * 60 * 60).optional(),
    })
    .optional(),
  admin: z
    .strictObject({
      bodyLimitBytes: z
        .number()
        .int()
        .min(1024)
        .max(256 * 1024 * 1024)
        .optional(),
      bulkMaxUsers: z.number().int().min(1).max(1_000_000).optional(),
    })
    .optional(),
  files: z
    .strictObject({
      maxFileBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      quotaBytesPerUser: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      incompleteUploadTtlMs: z
        .number()
        .int()
        .min(100)
        .max(365 * 24 * 60 * 60 * 1000)
        .optional(),
    })
    .optional(),
  groups: z
    .strictObject({
      maxMembers: z.number().int().min(2).max(100_000).optional(),
      pointerMaxMembers: z.number().int().min(0).max(100_000).optional(),
      readCountMaxMembers: z.number().int().min(0).max(100_000).optional(),
      presenceCoalesceMs: z.number().int().min(0).max(600_000).optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Reads and validates the `--config` file. @throws ConfigError */
export function loadConfigFile(file: string, readFile: (file: string) => string): ConfigFile {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`config file ${file} is not valid JSON`);
  }
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ConfigError(`config file ${file}: ${where}${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
