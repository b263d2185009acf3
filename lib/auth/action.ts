// The one wrapper every manager server action goes through: session → manager role →
// zod parse of the form → command → typed form state, usable with useActionState and
// as a plain <form action> (JavaScript off).
//
// Messages are catalog keys with their namespace ("campaigns.errors.noRecipients"):
// zod issue messages for fields, DomainError.messageKey for rule violations. A message
// that is not a catalog key shows as the generic "check this value" text instead, so
// no internal wording reaches the page.
import 'server-only';
import type { Route } from 'next';
import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DomainError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { requireManager, type ManagerContext } from './session';

/** What a form shows after a submission; `values` brings back what the user typed. */
export type FormState<Fields extends string = string> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<Fields, string[]>>;
  values?: Partial<Record<Fields, string | string[]>>;
};

/** The state before the first submission. */
export const initialFormState: FormState<never> = { ok: false };

/** What a command may ask for once it has succeeded. */
export type CommandOutcome = void | {
  /** Go there (303 with JavaScript off, a client navigation with it on). */
  redirectTo?: Route;
  /** Paths whose cached pages show data the command changed. */
  revalidate?: string[];
  /** A catalog key for a success message shown on the form. */
  message?: string;
  messageValues?: Record<string, string | number>;
};

type AnyObjectSchema = z.ZodType<Record<string, unknown>>;
type FieldsOf<S extends AnyObjectSchema> = Extract<keyof z.input<S>, string>;

/**
 * Callable both ways React calls a form action: as `<form action>` (the state it
 * returns is then unused) and through useActionState. The useActionState signature
 * comes last because TypeScript infers from the last overload (and `bind` keeps only it).
 */
export type FormAction<Fields extends string> = {
  (formData: FormData): Promise<void>;
  (previous: FormState<Fields>, formData: FormData): Promise<FormState<Fields>>;
};

/**
 * The same with an id bound first. `useActionState(action.bind(null, campaign.id), …)`
 * types cleanly; TypeScript's `bind` drops the plain-form overload.
 */
export type FormActionWithId<Fields extends string> = {
  (id: number, formData: FormData): Promise<void>;
  (id: number, previous: FormState<Fields>, formData: FormData): Promise<FormState<Fields>>;
};

export function managerAction<S extends AnyObjectSchema>(
  schema: S,
  command: (input: z.output<S>, manager: ManagerContext) => Promise<CommandOutcome>,
): FormAction<FieldsOf<S>> {
  const action = async (...args: [FormState<FieldsOf<S>>, FormData] | [FormData]) =>
    runAction(schema, formDataOf(args), (input, manager) => command(input, manager));
  // A plain <form action> ignores the returned state, hence its Promise<void> overload.
  return action as FormAction<FieldsOf<S>>;
}

/** Ids bound from the page arrive from the browser like any field, so they are checked too. */
const boundId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function managerActionWithId<S extends AnyObjectSchema>(
  schema: S,
  command: (id: number, input: z.output<S>, manager: ManagerContext) => Promise<CommandOutcome>,
): FormActionWithId<FieldsOf<S>> {
  const action = async (rawId: unknown, ...args: [FormState<FieldsOf<S>>, FormData] | [FormData]) => {
    const id = boundId.safeParse(rawId);
    if (!id.success) {
      await requireManager();
      notFound();
    }
    return runAction(schema, formDataOf(args), (input, manager) => command(id.data, input, manager));
  };
  return action as FormActionWithId<FieldsOf<S>>;
}

function formDataOf(args: [unknown, FormData] | [FormData]): FormData {
  const formData = args.length === 2 ? args[1] : args[0];
  // Anything but FormData means the action was called some other way than by a form.
  if (!(formData instanceof FormData)) throw new TypeError('a form action needs FormData');
  return formData;
}

async function runAction<S extends AnyObjectSchema>(
  schema: S,
  formData: FormData,
  command: (input: z.output<S>, manager: ManagerContext) => Promise<CommandOutcome>,
): Promise<FormState<FieldsOf<S>>> {
  type Fields = FieldsOf<S>;
  const manager = await requireManager();
  const raw = formInput(formData, arrayFieldsOf(schema));
  const values = typedValues<Fields>(raw);
  const t = await getTranslations();
  const say = (key: string, params?: Record<string, string | number>) =>
    t.has(key) ? t(key, params) : t('auth.form.invalidValue');

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Fields, string[]>> = {};
    const formErrors: string[] = [];
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const message = say(issue.message);
      if (typeof field === 'string') (fieldErrors[field as Fields] ??= []).push(message);
      else formErrors.push(message);
    }
    return { ok: false, message: formErrors[0] ?? t('auth.form.fixErrors'), fieldErrors, values };
  }

  let outcome: CommandOutcome = undefined;
  let interrupt: 'not-found' | 'forbidden' | null = null;
  try {
    outcome = await command(parsed.data, manager);
  } catch (error) {
    if (error instanceof DomainError) {
      const message = say(error.messageKey, error.values);
      if (error.field) return { ok: false, fieldErrors: { [error.field]: [message] } as FormState<Fields>['fieldErrors'], values };
      return { ok: false, message, values };
    }
    if (error instanceof NotFoundError) interrupt = 'not-found';
    else if (error instanceof ForbiddenError) interrupt = 'forbidden';
    else throw error;
  }
  // Next's interrupts throw, so they stay outside the try/catch above.
  if (interrupt === 'not-found') notFound();
  if (interrupt === 'forbidden') forbidden();

  for (const path of outcome?.revalidate ?? []) revalidatePath(path);
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { ok: true, message: outcome?.message ? say(outcome.message, outcome.messageValues) : undefined };
}

/** Top-level fields the schema expects as arrays (repeated checkboxes such as `recipient`). */
function arrayFieldsOf(schema: AnyObjectSchema): Set<string> {
  const fields = new Set<string>();
  if (!(schema instanceof z.ZodObject)) return fields;
  for (const [name, field] of Object.entries<z.ZodType>(schema.shape)) {
    if (isArraySchema(field)) fields.add(name);
  }
  return fields;
}

function isArraySchema(schema: z.ZodType): boolean {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  if (def.type === 'array') return true;
  if (def.innerType) return isArraySchema(def.innerType); // optional, nullable, default, catch…
  if (def.type === 'pipe' && def.in) return isArraySchema(def.in);
  return false;
}

/** FormData as a plain object: repeated names and array fields become arrays. */
function formInput(formData: FormData, arrayFields: Set<string>): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const input: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith('$ACTION')) continue; // React's own fields for the action reference
    const all = formData.getAll(name);
    input[name] = arrayFields.has(name) || all.length > 1 ? all : all[0]!;
  }
  return input;
}

/** What to put back into the form: the text the user typed (files cannot be echoed). */
function typedValues<Fields extends string>(input: Record<string, FormDataEntryValue | FormDataEntryValue[]>) {
  const values: Partial<Record<Fields, string | string[]>> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value === 'string') values[name as Fields] = value;
    else if (Array.isArray(value)) values[name as Fields] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}
