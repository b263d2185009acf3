// The signed-in user's menu: who they are, their account and its time zone, the
// language choice and signing out. A <details> so it opens without JavaScript;
// every choice in it is a POST form.
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import type { AccountInfo, SessionUser } from '@/lib/auth/session';
import { signOut } from '@/lib/auth/actions';
import { setLocale } from '@/lib/i18n/actions';
import { browserLocaleChoice, localeCookieName, localeNames, locales } from '@/lib/i18n/config';
import { chosenLocale } from '@/lib/i18n/negotiate';
import { Badge } from '@/app/_components/ui/badge';
import { cx } from '@/app/_components/ui/cx';
import { CheckIcon, ChevronDownIcon, ClockIcon, GlobeIcon, SignOutIcon } from '@/app/_components/ui/icons';
import { DismissibleDetails } from './dismissible-details';
import { ReturnToField } from './return-to-field';

type UserMenuProps = {
  user: SessionUser;
  account: AccountInfo;
  /** The account's zone as people know it, e.g. "Eastern Time (EST)". */
  zoneLabel: string;
};

export async function UserMenu({ user, account, zoneLabel }: UserMenuProps) {
  const [t, cookieStore] = await Promise.all([getTranslations('shell'), cookies()]);
  const choice = chosenLocale({ cookie: cookieStore.get(localeCookieName)?.value, userLocale: user.locale }) ?? browserLocaleChoice;
  const options = [
    ...locales.map((locale) => ({ value: locale, label: localeNames[locale], lang: locale })),
    { value: browserLocaleChoice, label: t('userMenu.browserLanguage'), lang: undefined },
  ];
  const menuItem =
    'flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-left text-sm text-fg hover:bg-surface-hover cursor-pointer';

  return (
    <DismissibleDetails className="group relative">
      <summary
        className="flex cursor-pointer items-center gap-2 rounded-full py-1 pr-1.5 pl-1 text-sm text-fg-muted hover:bg-surface-hover hover:text-fg md:rounded-lg md:pr-2"
        aria-label={`${t('userMenu.open')}: ${user.name}`}
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-text ring-1 ring-accent/20"
        >
          {initialsOf(user.name)}
        </span>
        <span className="hidden max-w-40 truncate font-medium text-fg lg:block">{user.name}</span>
        <ChevronDownIcon className="hidden size-4 text-fg-subtle transition-transform group-open:rotate-180 md:block" />
      </summary>

      <div className="absolute right-0 z-40 mt-2 w-[min(20rem,calc(100vw-1.5rem))] rounded-xl border border-line bg-surface p-1.5 shadow-popover">
        <div className="px-2.5 pt-2 pb-3">
          <p className="text-xs text-fg-subtle">{t('userMenu.signedInAs')}</p>
          <p className="mt-1 flex items-center gap-2 text-sm font-semibold text-fg">
            <span className="truncate">{user.name}</span>
            <Badge tone={user.role === 'manager' ? 'accent' : 'neutral'}>{t(`userMenu.role.${user.role}`)}</Badge>
          </p>
          <p className="truncate text-sm text-fg-muted">{user.email}</p>
        </div>

        <div className="border-t border-line px-2.5 py-3">
          <p className="text-xs text-fg-subtle">{t('userMenu.account')}</p>
          <p className="mt-1 truncate text-sm font-medium text-fg">{account.name}</p>
          <p className="mt-0.5 flex items-center gap-1.5 text-sm text-fg-muted">
            <ClockIcon className="size-3.5 shrink-0" />
            <span className="truncate" title={account.timeZone}>
              {zoneLabel}
            </span>
          </p>
        </div>

        <form action={setLocale} className="border-t border-line py-1.5">
          <Suspense fallback={null}>
            <ReturnToField />
          </Suspense>
          <p id="user-menu-language" className="flex items-center gap-1.5 px-2.5 pt-1.5 pb-1 text-xs text-fg-subtle">
            <GlobeIcon className="size-3.5" />
            {t('userMenu.language')}
          </p>
          <div role="group" aria-labelledby="user-menu-language">
            {options.map((option) => {
              const current = option.value === choice;
              return (
                <button
                  key={option.value}
                  type="submit"
                  name="locale"
                  value={option.value}
                  lang={option.lang}
                  aria-pressed={current}
                  className={cx(menuItem, current && 'font-medium')}
                >
                  <span className="flex size-4 items-center justify-center text-accent-text">
                    {current ? <CheckIcon className="size-4" /> : null}
                  </span>
                  {option.label}
                </button>
              );
            })}
          </div>
        </form>

        <form action={signOut} className="border-t border-line pt-1.5">
          <button type="submit" className={menuItem}>
            <SignOutIcon className="size-4 text-fg-subtle" />
            {t('userMenu.signOut')}
          </button>
        </form>
      </div>
    </DismissibleDetails>
  );
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? '')[0]?.toUpperCase() ?? '').join('') || '?';
}
