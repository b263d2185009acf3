'use client';
// The four sections as plain links. A client component only to read the current
// path for aria-current; it is rendered on the server too, so the highlight and the
// links are there without JavaScript.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Route } from 'next';
import type { ReactNode } from 'react';
import { cx } from '@/app/_components/ui/cx';

export type NavItem = { href: Route; label: string; icon: ReactNode };

export function MainNav({ label, items }: { label: string; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={label}
      className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto border-t border-line px-2 scrollbar-none sm:-mx-6 sm:w-[calc(100%+3rem)] sm:px-4 md:order-none md:mx-0 md:w-auto md:overflow-visible md:border-t-0 md:px-0"
    >
      <ul className="flex h-11 items-stretch gap-1 md:h-14 md:gap-0.5">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="flex">
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={cx(
                  'relative flex items-center gap-2 whitespace-nowrap px-2.5 text-sm font-medium transition-colors md:px-3',
                  'after:absolute after:inset-x-2 after:bottom-0 after:h-0.5 after:rounded-full md:after:inset-x-3',
                  current ? 'text-fg after:bg-accent' : 'text-fg-muted hover:text-fg after:bg-transparent',
                )}
              >
                <span className={cx('hidden sm:inline [&_svg]:size-4', current ? 'text-accent-text' : 'text-fg-subtle')}>
                  {item.icon}
                </span>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
