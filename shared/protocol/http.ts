import { z } from 'zod';

/** HTTP API shapes shared by the server and its clients. Errors: status + `{error: {code, message}}`. */
export const usernameSchema = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . - only');
export const passwordSchema = z.string().min(6).max(256);
export const displayNameSchema = z.string().trim().min(1).max(64);

export const registerRequestSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestHttpSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequestHttp = z.infer<typeof loginRequestHttpSchema>;

export const authResponseSchema = z.object({
  userId: z.string(),
  token: z.string(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const userProfileSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
});
export type UserProfile = z.infer<typeof userProfileSchema>;

export const httpErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type HttpError = z.infer<typeof httpErrorSchema>;
