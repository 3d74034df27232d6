/** Response headers as Electron's webRequest hands them over: one array of values per name. */
export type ResponseHeaders = Record<string, string[]>;

/**
 * Adds the app's Content-Security-Policy to a response and hands the result on. The policy is
 * the main process's own, independent of the <meta> tag the renderer build writes (both apply,
 * so the stricter wins): the page runs only its own scripts and styles, loads images and media
 * only from itself (plus data:/blob: URLs it made), opens no connections (everything goes
 * through the preload's IPC), embeds nothing and cannot be framed.
 * Written as one callback call with the policy inline so electronegativity's CSP check reads
 * and evaluates the actual policy; every place that serves the page goes through here.
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 */
export function withContentSecurityPolicy(
  headers: ResponseHeaders,
  respond: (response: { responseHeaders: ResponseHeaders }) => void,
): void {
  respond({
    responseHeaders: {
      ...headers,
      'Content-Security-Policy': [
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; media-src 'self' blob:; connect-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      ],
    },
  });
}

/** The policy itself, for the app:// responses and for tests. */
export function appContentSecurityPolicy(): string {
  let policy = '';
  withContentSecurityPolicy({}, ({ responseHeaders }) => {
    policy = responseHeaders['Content-Security-Policy']?.join('; ') ?? '';
  });
  return policy;
}
