// Every manager page sits in the app shell. The layout checks the manager role so
// the shell never renders for anyone else; each page checks again, because a layout
// does not run for every request that reaches a page.
import type { ReactNode } from 'react';
import { requireManager } from '@/lib/auth/session';
import { AppShell } from '@/app/_components/shell/app-shell';

export default async function ManagerLayout({ children }: { children: ReactNode }) {
  const { user, account } = await requireManager();
  return (
    <AppShell user={user} account={account}>
      {children}
    </AppShell>
  );
}
