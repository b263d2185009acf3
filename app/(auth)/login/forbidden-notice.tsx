// The 403 notice: this area is for managers, who is signed in, and a sign-out button.
// Shown by app/forbidden.tsx and, for agents sent here by proxy.ts, by /login.
import { getTranslations } from 'next-intl/server';
import { signOut } from '@/lib/auth/actions';
import { getCurrentUser } from '@/lib/auth/session';

export async function ForbiddenNotice() {
  const [t, current] = await Promise.all([getTranslations('auth'), getCurrentUser()]);
  // The session said agent but the database says manager: promoted since signing in.
  const promoted = current?.user.role === 'manager';
  return (
    <div className="w-full max-w-md rounded-xl border border-line bg-surface px-6 py-8 shadow-sm sm:px-8">
      <p className="text-xs font-medium uppercase tracking-wide text-fg-subtle">{t('forbidden.status')}</p>
      <h1 className="mt-2 text-lg font-semibold text-fg">{t('forbidden.heading')}</h1>
      <p className="mt-3 text-sm text-fg-muted">
        {current
          ? t('forbidden.body', { name: current.user.name, email: current.user.email, account: current.account.name })
          : t('forbidden.bodyAnonymous')}
      </p>
      <p className="mt-3 text-sm text-fg-muted">{promoted ? t('forbidden.roleChanged') : t('forbidden.help')}</p>
      {current ? (
        <form action={signOut} className="mt-6">
          <button
            type="submit"
            className="rounded-lg border border-line-strong bg-surface px-4 py-2 text-sm font-semibold text-fg shadow-xs hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {t('signOut.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
