// An id-bound manager action as a plain <form action> (JavaScript off posts the form,
// and a success redirects). TypeScript's `bind` keeps only the useActionState
// signature of FormActionWithId, so the plain-form one is restored here, in one place.
import type { FormActionWithId } from '@/lib/auth/action';

export function boundFormAction<Fields extends string>(action: FormActionWithId<Fields>, id: number): (formData: FormData) => Promise<void> {
  return action.bind(null, id) as unknown as (formData: FormData) => Promise<void>;
}
