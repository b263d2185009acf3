// Pages a visitor sees before signing in: a quiet, centered column without navigation.
import type { ReactNode } from 'react';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-12">{children}</main>;
}
