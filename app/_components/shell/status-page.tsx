// A whole page that explains why the reader is not seeing what they asked for
// (not found, an unexpected error), with a way on. No hooks, so the error
// boundaries (client components) can use it too.
import type { ReactNode } from 'react';
import { PulseMark } from '@/app/_components/ui/icons';

type StatusPageProps = { icon: ReactNode; code?: string; title: ReactNode; body: ReactNode; actions: ReactNode; footnote?: ReactNode };

export function StatusPage({ icon, code, title, body, actions, footnote }: StatusPageProps) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-canvas px-4 py-12">
      <div className="w-full max-w-md text-center">
        <span className="mx-auto flex size-12 items-center justify-center rounded-xl border border-line bg-surface text-accent-text shadow-card [&_svg]:size-6">
          {icon}
        </span>
        {code ? <p className="mt-6 text-sm font-semibold text-accent-text tabular-nums">{code}</p> : null}
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg text-balance">{title}</h1>
        <p className="mt-3 text-sm leading-relaxed text-fg-muted text-pretty">{body}</p>
        <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{actions}</div>
        {footnote ? <p className="mt-6 text-xs text-fg-subtle">{footnote}</p> : null}
      </div>
      <p className="mt-16 flex items-center gap-1.5 text-sm font-semibold text-fg-subtle">
        <PulseMark className="size-4" />
        Pulse
      </p>
    </main>
  );
}
