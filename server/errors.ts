/**
 * Every error code the server puts on the wire (HTTP `{error: {code, message}}` and typeu 3
 * refusals), with its HTTP status and default sentence. Codes the desktop app also shows are
 * spelled as in shared/ipc/errors.ts. Nothing else invents codes.
 */
export const serverErrors = {
  'invalid-request': { status: 400, message: 'The request was not valid.' },
  'not-logged-in': { status: 401, message: 'A valid bearer token is required.' },
  'token-expired': { status: 401, message: 'The access token has expired; refresh it.' },
  'invalid-refresh-token': { status: 401, message: 'The refresh token is not valid; sign in again.' },
  'invalid-credentials': { status: 401, message: 'Wrong username or password.' },
  'user-disabled': { status: 403, message: 'This account is disabled.' },
  'admin-unauthorized': { status: 401, message: 'A valid admin token is required.' },
  'user-not-found': { status: 404, message: 'No such user.' },
  'not-found': { status: 404, message: 'No such endpoint.' },
  'method-not-allowed': { status: 405, message: 'That method is not allowed here.' },
  'username-taken': { status: 409, message: 'That username is already taken.' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'invalid-recipient': { status: 400, message: 'Messages cannot be sent to that recipient.' },
  blocked: { status: 403, message: 'The recipient does not accept messages from you.' },
  'not-a-member': { status: 403, message: 'You are not a member of this group.' },
  'read-only': { status: 403, message: 'This group was dissolved; it can only be read.' },
  'file-not-found': { status: 404, message: 'No such file.' },
  'file-too-large': { status: 413, message: 'The file is larger than this server accepts.' },
  'quota-exceeded': { status: 413, message: 'Your storage quota is used up.' },
  'offset-mismatch': { status: 409, message: 'The upload offset does not match the bytes received.' },
  'checksum-mismatch': { status: 422, message: 'The uploaded bytes do not match the declared SHA-256.' },
  'range-not-satisfiable': { status: 416, message: 'The requested range is not within the file.' },
  'broadcast-not-found': { status: 404, message: 'No such broadcast.' },
  'invalid-state': { status: 409, message: 'That cannot be done in the current state.' },
  internal: { status: 500, message: 'The server could not complete the request.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ServerErrorCode = keyof typeof serverErrors;

/** An expected failure with a code from `serverErrors`; anything else thrown is reported as `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string = serverErrors[code].message,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return serverErrors[this.code].status;
  }
}
