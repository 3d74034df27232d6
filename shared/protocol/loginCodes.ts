/**
 * Codes in the type 50 login response. 0 is success; MobileIMSDK recommends application
 * failure codes ≥ 1025. A client refreshes its token on `tokenExpired` instead of asking
 * for the password.
 */
export const LoginCode = {
  ok: 0,
  invalidToken: 1025,
  tokenExpired: 1026,
  userDisabled: 1027,
  badRequest: 1028,
  serverBusy: 1029,
} as const;
export type LoginCodeValue = (typeof LoginCode)[keyof typeof LoginCode];
