// The sign-in page: a server-rendered form that works with JavaScript off. Signed-in
// users go straight on to where they were headed; agents sent by proxy.ts see the 403 notice.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '@/lib/auth/login-form';
import { safeNextPath } from '@/lib/auth/next-path';
import { FORBIDDEN_VIEW_HEADER } from '@/lib/auth/proxy-headers';
import { getCurrentUser } from '@/lib/auth/session';
import { ForbiddenNotice } from './forbidden-notice';
import { LoginForm } from './login-form';

/** True when proxy.ts rewrote an agent's request for a manager page to here (status 403). */
async function isForbiddenView(): Promise<boolean> {
  return (await headers()).get(FORBIDDEN_VIEW_HEADER) === '1';
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: (await isForbiddenView()) ? t('forbidden.title') : t('signIn.title') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  if (await isForbiddenView()) return <ForbiddenNotice />;

  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (await getCurrentUser()) redirect(next);

  const t = await getTranslations('auth');
  // proxy.ts sends an oversized sign-in POST back here, as no action could read it.
  const notice = first(params.error) === 'too_large' ? t('errors.requestTooLarge') : undefined;

  return (
    <div className="w-full max-w-sm">
      <div className="mb-6 flex items-center justify-center gap-2 text-fg">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-accent" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 12h4l3-8 4 16 3-8h4" />
        </svg>
        <span className="text-xl font-semibold tracking-tight">Pulse</span>
      </div>
      <div className="rounded-xl border border-line bg-surface px-6 py-8 shadow-sm sm:px-8">
        <h1 className="text-lg font-semibold text-fg">{t('signIn.heading')}</h1>
        <p className="mt-1 text-sm text-fg-muted">{t('signIn.subheading')}</p>
        <LoginForm
          next={next}
          notice={notice}
          limits={{ email: MAX_EMAIL_LENGTH, password: MAX_PASSWORD_LENGTH }}
          labels={{
            email: t('signIn.email'),
            emailPlaceholder: t('signIn.emailPlaceholder'),
            password: t('signIn.password'),
            submit: t('signIn.submit'),
            submitting: t('signIn.submitting'),
            emailTooLong: t('errors.emailTooLong', { max: MAX_EMAIL_LENGTH }),
            passwordTooLong: t('errors.passwordTooLong', { max: MAX_PASSWORD_LENGTH }),
            fixFields: t('errors.fixFields'),
          }}
        />
      </div>
      <p className="mt-6 text-center text-xs text-fg-subtle">{t('signIn.managersOnly')}</p>
    </div>
  );
}
