import crypto from 'node:crypto';

/**
 * True when the Authorization header is `Bearer <adminToken>`. Both sides are hashed first so
 * `timingSafeEqual` compares equal lengths and the time taken reveals neither the token's
 * length nor how much of it a guess got right.
 */
export function adminTokenMatches(authorization: string, adminToken: string): boolean {
  const prefix = 'Bearer ';
  const presented = authorization.startsWith(prefix) ? authorization.slice(prefix.length) : '';
  const digest = (text: string): Buffer => crypto.createHash('sha256').update(text, 'utf8').digest();
  return crypto.timingSafeEqual(digest(presented), digest(adminToken)) && presented.length > 0;
}
