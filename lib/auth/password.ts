// Password hashing with argon2id (OWASP's first choice) at the library's defaults
// (19 MiB, 2 passes), which take ~60 ms here: slow for an attacker, fine for a login.
import { hash, verify } from '@node-rs/argon2';

/** Longer inputs are refused before hashing, so a huge password cannot tie up the server. */
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}
