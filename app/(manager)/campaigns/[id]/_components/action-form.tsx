'use client';
// A form whose submission goes through a manager action and shows the answer (a
// refusal in the manager's words) in place. With JavaScript off the page posts and
// comes back with the same answer, rendered by the server.
import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/app/_components/ui/form';
import type { FormState } from '@/lib/auth/action';

type ActionFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  id?: string;
  className?: string;
  /** Where the message goes: above the form's content (default) or below it. */
  messagePlacement?: 'top' | 'bottom';
  children: ReactNode;
};

export function ActionForm({ action, id, className, messagePlacement = 'top', children }: ActionFormProps) {
  const [state, formAction] = useActionState(action, { ok: false } satisfies FormState);
  const message = <FormMessage tone={state.ok ? 'success' : 'error'}>{state.message}</FormMessage>;
  return (
    <form id={id} action={formAction} className={className}>
      {messagePlacement === 'top' ? message : null}
      {children}
      {messagePlacement === 'bottom' ? message : null}
    </form>
  );
}
