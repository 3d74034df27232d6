/**
 * Every error code that crosses the IPC boundary, with the sentence the UI shows for it.
 * Adding a code means adding its sentence here; nothing else invents codes.
 */
export const errorMessages = {
  'invalid-request': 'The request was not valid.',
  'unknown-channel': 'The app asked for something this version does not know.',
  'forbidden-sender': 'The request came from a page that may not make it.',
  'not-logged-in': 'You are not signed in.',
  'invalid-credentials': 'Wrong username or password.',
  'username-taken': 'That username is already taken.',
  'user-not-found': 'No user has that username.',
  'conversation-not-found': 'That conversation does not exist.',
  'server-unreachable': 'The server cannot be reached. Check the address and your connection.',
  'server-error': 'The server could not complete the request.',
  offline: 'You are offline. Try again when the connection is back.',
  'unavailable-in-basic-mode': 'This server runs in basic mode: only one-to-one text messages are available.',
  'message-not-found': 'That message does not exist.',
  'recall-window-passed': 'It is too late to recall that message.',
  'recall-forbidden': 'You can recall only your own messages.',
  'not-failed': 'Only a message that failed to send can be sent again.',
  'session-expired': 'Your session has expired. Sign in again.',
  'rate-limited': 'Too many requests. Wait a moment and try again.',
  blocked: 'One of you has blocked the other.',
  'friend-request-not-found': 'That user has not asked to be friends with you.',
  'file-unreadable': 'That file cannot be read.',
  'file-too-large': 'The file is too large to send.',
  'quota-exceeded': 'Your storage space on the server is full.',
  'not-an-image': 'Only PNG, JPEG, GIF and WebP pictures can be sent as images.',
  'file-not-found': 'That file is not available: it was removed, or you may not see it.',
  'not-a-file-message': 'That message has no file.',
  'transfer-not-found': 'Nothing is being sent or downloaded for that message.',
  'checksum-mismatch': 'The file arrived damaged: its checksum does not match.',
  'folder-unwritable': 'The file cannot be saved in that folder.',
  'group-not-found': 'That group does not exist.',
  'not-a-group-member': 'You are no longer a member of this group.',
  'group-read-only': 'This group was dissolved: it can be read, nothing more.',
  'group-forbidden': 'Your role in this group does not allow that.',
  'group-full': 'The group has reached its member limit.',
  internal: 'Something went wrong inside Tidings.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export type IpcError = Readonly<{ code: ErrorCode; message: string }>;

/** Every reply across the IPC boundary. */
export type Result<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; error: IpcError }>;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string = errorMessages[code]): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An error a handler throws to return a specific code; anything else becomes `internal`. */
export class IpcFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
