// The action wrapper's result must fit both ways forms use it. The order of its
// overloads once broke inference for every useActionState caller, which only the type
// checker notices: this file fails in `tsc --noEmit`, not at run time.
import { useActionState } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { FormState, managerAction, managerActionWithId } from '@/lib/auth/action';

type Schema = z.ZodObject<{ name: z.ZodString; recipient: z.ZodArray<z.ZodString> }>;
type State = FormState<'name' | 'recipient'>;
type Action = ReturnType<typeof managerAction<Schema>>;
type ActionWithId = ReturnType<typeof managerActionWithId<Schema>>;

/** Type-checked, never called: how a form component uses the actions. */
export function useActionForms(action: Action, actionWithId: ActionWithId, initial: State) {
  const [state, dispatch] = useActionState(action, initial);
  const [boundState, boundDispatch] = useActionState(actionWithId.bind(null, 42), initial);
  return { state, dispatch, boundState, boundDispatch, plain: action satisfies (formData: FormData) => Promise<void> };
}

describe('managerAction types', () => {
  it('infers the form state in useActionState, bound or not, and fits a plain <form action>', () => {
    type Uses = ReturnType<typeof useActionForms>;
    expectTypeOf<Uses['state']>().toEqualTypeOf<State>();
    expectTypeOf<Uses['boundState']>().toEqualTypeOf<State>();
    expectTypeOf<Uses['dispatch']>().toExtend<(formData: FormData) => void>();
    expectTypeOf<Uses['boundDispatch']>().toExtend<(formData: FormData) => void>();
  });
});
