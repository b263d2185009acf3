// The sign-in form's input rules, shared by the /login action, Auth.js's authorize()
// and the form's maxLength attributes. Errors are catalog keys in the `auth` namespace.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password';

/** RFC 5321 caps a forward path at 256 octets, so no deliverable address is longer. */
export const MAX_EMAIL_LENGTH = 254;
export { MAX_PASSWORD_LENGTH };

/**
 * Requests to /login larger than this cannot be a real sign-in (both fields at their
 * limits in 4-byte UTF-8 plus the form's own fields stay far below it).
 */
export const MAX_SIGN_IN_BODY_BYTES = 64 * 1024;

// Control characters (NUL cannot even be stored in PostgreSQL text), whitespace inside
// the address, and unpaired UTF-16 surrogates never occur in a usable email address.
const NOT_IN_EMAIL = /[\u0000-\u0020\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** How sign-in emails are compared: `login_emails` stores them the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export const signInSchema = z.object({
  email: z.preprocess(
    text,
    z
      .string()
      .trim()
      .min(1, { error: 'errors.emailRequired', abort: true })
      .max(MAX_EMAIL_LENGTH, { error: 'errors.emailTooLong', abort: true })
      .refine((email) => !NOT_IN_EMAIL.test(email) && /^[^@]+@[^@]+$/.test(email), { error: 'errors.emailInvalid' })
      .transform(normalizeEmail),
  ),
  password: z.preprocess(
    text,
    z
      .string()
      .min(1, { error: 'errors.passwordRequired' })
      .max(MAX_PASSWORD_LENGTH, { error: 'errors.passwordTooLong' }),
  ),
});

export type SignInInput = z.output<typeof signInSchema>;
export type SignInField = keyof SignInInput;
