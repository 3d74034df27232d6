import { z } from 'zod';
import type { ChannelSpec } from './spec';
import { emptyRequest } from './spec';

const noControlCharacters = (text: string): boolean => !/\p{Cc}/u.test(text);
const noControlExceptNewline = (text: string): boolean => noControlCharacters(text.replaceAll('\n', ''));

/** The signed-in user's own profile as the server keeps it. */
export const ownProfileSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** An opaque avatar reference, or null when the user has none. */
  avatar: z.string().nullable(),
  signature: z.string(),
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

/** The same limits the server applies, so bad input fails before it leaves the device. */
export const profileChangesSchema = z
  .strictObject({
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .refine(noControlCharacters, 'no control characters')
      .optional(),
    signature: z.string().max(200).refine(noControlExceptNewline, 'no control characters').optional(),
  })
  .refine(
    (changes) => changes.displayName !== undefined || changes.signature !== undefined,
    'nothing to change',
  );
export type ProfileChanges = z.infer<typeof profileChangesSchema>;

export const profileChannels = {
  /** The own profile, fetched from the server (Tidings accounts only). */
  'profile:get': { request: emptyRequest, response: ownProfileSchema },
  /** Changes the display name and/or signature; answers the profile the server now holds. */
  'profile:update': { request: profileChangesSchema, response: ownProfileSchema },
} as const satisfies Record<string, ChannelSpec>;

export const profileEvents = {
  /** The own profile changed on this device (the account's display name follows it). */
  'profile:changed': z.object({ profile: ownProfileSchema }),
} as const;
