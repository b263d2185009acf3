'use server';
// Signs in with email and password from the /login form, then goes to the page the
// user asked for. Every failure comes back as a message on the form, never an error page.
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CredentialsSignin } from 'next-auth';
import { SignInThrottled, signIn } from '@/lib/auth/config';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, signInSchema, type SignInField } from '@/lib/auth/login-form';
import { safeNextPath } from '@/lib/auth/next-path';
import type { SignInState } from './sign-in-state';

/** Enough to show what was typed; a megabyte "email" is not echoed back in full. */
const MAX_ECHOED_EMAIL = MAX_EMAIL_LENGTH + 64;

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations('auth');
  const typedEmail = formData.get('email');
  const email = typeof typedEmail === 'string' ? typedEmail.slice(0, MAX_ECHOED_EMAIL) : '';
  const next = safeNextPath(formData.get('next'));

  const input = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!input.success) {
    const fieldErrors: SignInState['fieldErrors'] = {};
    for (const issue of input.error.issues) {
      const field = issue.path[0] as SignInField;
      fieldErrors[field] ??= t(issue.message, { max: field === 'email' ? MAX_EMAIL_LENGTH : MAX_PASSWORD_LENGTH });
    }
    return { message: t('errors.fixFields'), fieldErrors, email };
  }

  try {
    await signIn('credentials', { email: input.data.email, password: input.data.password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) return { message: t('errors.throttled', { minutes: error.minutes }), email };
    if (error instanceof CredentialsSignin) return { message: t('errors.invalidCredentials'), email };
    throw error;
  }
  redirect(next);
}
