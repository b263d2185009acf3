import { describe, expect, it } from 'vitest';
import { normalizeEmail, signInSchema } from '@/lib/auth/login-form';

const errorsOf = (input: Record<string, unknown>): Record<string, string> => {
  const result = signInSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe('the sign-in form rules', () => {
  it('accepts an email in any case and spacing, normalized for lookup', () => {
    const result = signInSchema.parse({ email: '  Manager@Demo.TEST ', password: ' pass word ' });
    expect(result).toEqual({ email: 'manager@demo.test', password: ' pass word ' });
  });

  it('composes accents the way the lookup table stores them', () => {
    expect(normalizeEmail('Jose\u0301@Exemplo.com.br')).toBe('jos\u00e9@exemplo.com.br');
  });

  it('asks for both fields when they are empty or missing', () => {
    expect(errorsOf({ email: '', password: '' })).toEqual({ email: 'errors.emailRequired', password: 'errors.passwordRequired' });
    expect(errorsOf({})).toEqual({ email: 'errors.emailRequired', password: 'errors.passwordRequired' });
    expect(errorsOf({ email: '   ', password: 'x' })).toEqual({ email: 'errors.emailRequired' });
  });

  it('treats an uploaded file in place of text as missing', () => {
    expect(errorsOf({ email: new File(['a@b.c'], 'e'), password: 'x' })).toEqual({ email: 'errors.emailRequired' });
  });

  it('refuses a 10 MB password and an over-long email without trying them', () => {
    expect(errorsOf({ email: 'a@b.test', password: 'x'.repeat(10 * 1024 * 1024) })).toEqual({ password: 'errors.passwordTooLong' });
    expect(errorsOf({ email: `${'a'.repeat(300)}@b.test`, password: 'x' })).toEqual({ email: 'errors.emailTooLong' });
  });

  it.each([
    ['a NUL byte', 'a\u0000b@x.test'],
    ['an unpaired surrogate', '\ud800@x.test'],
    ['inner whitespace', 'a b@x.test'],
    ['no @', 'manager.demo.test'],
    ['two @', 'a@b@c.test'],
  ])('calls an email with %s invalid', (_name, email) => {
    expect(errorsOf({ email, password: 'x' })).toEqual({ email: 'errors.emailInvalid' });
  });

  it('accepts passwords with any characters, emoji and NUL included', () => {
    expect(errorsOf({ email: 'a@b.test', password: 'p\u0000\u{1F600}\u202E' })).toEqual({});
  });
});
