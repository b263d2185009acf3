// Shown with HTTP 403 when a signed-in user without the manager role opens a manager
// page or action: says who is signed in and offers to sign out.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { signOut } from '@/lib/auth/actions';
import { getCurrentUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forbidden');
  return { title: t('title') };
}

export default async function Forbidden() {
  const [t, current] = await Promise.all([getTranslations('auth'), getCurrentUser()]);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-neutral-50 px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-neutral-200 bg-white px-6 py-8 shadow-sm sm:px-8">
        <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">{t('forbidden.status')}</p>
        <h1 className="mt-2 text-lg font-semibold text-neutral-900">{t('forbidden.heading')}</h1>
        <p className="mt-3 text-sm text-neutral-700">
          {current
            ? t('forbidden.body', { name: current.user.name, email: current.user.email, account: current.account.name })
            : t('forbidden.bodyAnonymous')}
        </p>
        <p className="mt-3 text-sm text-neutral-600">{t('forbidden.help')}</p>
        {current ? (
          <form action={signOut} className="mt-6">
            <button
              type="submit"
              className="rounded-lg border border-neutral-300 bg-white px-4 py-2 text-sm font-semibold text-neutral-800 shadow-xs hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {t('signOut.submit')}
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
