'use client';
// The composer's submit buttons, each sending its `intent` (check, send); only the one
// pressed shows that it is working, and a second press while it runs does nothing.
import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/app/_components/ui/button';
import { SpinnerIcon } from '@/app/_components/ui/icons';
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
      {mine ? <SpinnerIcon /> : null}
      {mine ? pendingLabel : children}
    </button>
  );
}
