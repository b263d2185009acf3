// Shown with HTTP 403 when a signed-in user without the manager role reaches a manager
// page or action (the role is checked against the database on every request).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForbiddenNotice } from './(auth)/login/forbidden-notice';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forbidden');
  return { title: t('title') };
}

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-12">
      <ForbiddenNotice />
    </main>
  );
}
