'use client';
// The composer's submit buttons, each sending its `intent` (check, send); only the one
// pressed shows that it is working, and a second press while it runs does nothing.
import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/app/_components/ui/button';
import { cx } from '@/app/_components/ui/cx';

export function IntentButton({
  intent,
  variant,
  pendingLabel,
  className,
  children,
}: {
  intent: 'send' | 'check';
  variant: 'primary' | 'secondary';
  pendingLabel: string;
  className?: string;
  children: ReactNode;
}) {
  const status = useFormStatus();
  const mine = status.pending && status.data?.get('intent') === intent;
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      aria-disabled={status.pending || undefined}
      onClick={(event) => {
        // A second press while the first is running would submit twice.
        if (status.pending) event.preventDefault();
      }}
      className={buttonClasses(variant, 'md', cx('h-10 w-full whitespace-normal text-center', className))}
    >
      {mine ? <Spinner /> : null}
      {mine ? pendingLabel : children}
    </button>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4 animate-spin" fill="none">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
