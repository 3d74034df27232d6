/** The server answered with a non-success status. `code` is the body's `error.code` when it sent one. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'HttpStatusError';
  }
}

/** No answer: connection refused, DNS, TLS or the request deadline. */
export class ServerUnreachableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServerUnreachableError';
  }
}

/** The server answered 2xx with a body that does not match the API shape. */
export class BadResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadResponseError';
  }
}
