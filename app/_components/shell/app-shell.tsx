// The frame of every manager page: skip link, top bar (product, the four sections,
// the account and its time zone, the user menu) and the main column. On phones the
// sections move to a scrollable row under the bar; no layout depends on JavaScript.
import Link from 'next/link';
import { getLocale, getNow, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { AccountInfo, SessionUser } from '@/lib/auth/session';
import { describeTimeZone } from '@/lib/format/dates';
import { BoltIcon, ClipboardIcon, ClockIcon, MegaphoneIcon, PulseMark, UsersIcon } from '@/app/_components/ui/icons';
import { MainNav, type NavItem } from './main-nav';
import { UserMenu } from './user-menu';

type AppShellProps = { user: SessionUser; account: AccountInfo; children: ReactNode };

export async function AppShell({ user, account, children }: AppShellProps) {
  const [t, locale, now] = await Promise.all([getTranslations('shell'), getLocale(), getNow()]);
  const zone = describeTimeZone(account.timeZone, locale, now);
  const zoneLabel = zone.name === zone.abbreviation ? zone.name : `${zone.name} (${zone.abbreviation})`;

  const sections: NavItem[] = [
    { href: '/campaigns', label: t('nav.campaigns'), icon: <MegaphoneIcon /> },
    { href: '/automations', label: t('nav.automations'), icon: <BoltIcon /> },
    { href: '/surveys', label: t('nav.surveys'), icon: <ClipboardIcon /> },
    { href: '/contacts', label: t('nav.contacts'), icon: <UsersIcon /> },
  ];

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#content"
        className="sr-only z-50 rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t('skipToContent')}
      </a>

      <header className="relative z-30 border-b border-line bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/80 md:sticky md:top-0">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 px-4 sm:px-6 md:h-14 md:flex-nowrap md:gap-x-6 lg:px-8">
          <Link
            href="/campaigns"
            aria-label={t('homeLink')}
            className="flex h-14 items-center gap-2 rounded-md text-fg md:h-auto"
          >
            <span className="flex size-7 items-center justify-center rounded-lg bg-accent text-accent-fg shadow-card">
              <PulseMark className="size-4" />
            </span>
            <span className="text-[15px] font-semibold tracking-tight">Pulse</span>
          </Link>

          <MainNav label={t('nav.label')} items={sections} />

          <div className="ml-auto flex items-center gap-3">
            <div className="min-w-0 text-right" title={t('account.timeZoneTitle', { zone: zoneLabel, id: zone.id })}>
              <p className="max-w-32 truncate text-sm font-medium text-fg sm:max-w-48">{account.name}</p>
              <p className="flex items-center justify-end gap-1 text-xs text-fg-subtle">
                <ClockIcon className="size-3" />
                {t('account.timeZone', { zone: zone.abbreviation })}
              </p>
            </div>
            <span aria-hidden="true" className="h-8 w-px bg-line" />
            <UserMenu user={user} account={account} zoneLabel={zoneLabel} />
          </div>
        </div>
      </header>

      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8 lg:px-8">
        {children}
      </main>
    </div>
  );
}
