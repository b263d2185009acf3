'use client';
// The simulator's forms, posted as plain forms without JavaScript; with it, the page
// stays in place and shows the answer.
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FormMessage, Input, Select, Textarea } from '@/app/_components/ui/form';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { FormState } from '@/lib/auth/action';
import { reportOutcome, simulateReply } from './actions';

const initialFormState: FormState = { ok: false };

function Message({ state }: { state: FormState }) {
  return <FormMessage tone={state.ok ? 'success' : 'error'}>{state.message}</FormMessage>;
}

const value = (state: FormState, name: string, fallback = '') => {
  const v = state.values?.[name];
  return typeof v === 'string' ? v : fallback;
};

export function SimulateReplyForm({ numbers, recentRecipients }: { numbers: string[]; recentRecipients: string[] }) {
  const t = useTranslations('sim');
  const [state, action] = useActionState<FormState, FormData>(simulateReply, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" key={state.ok ? 'sent' : 'editing'}>
      <Field label={t('from')} name="from" hint={t('fromHint')} error={state.fieldErrors?.from?.[0]} required>
        {(control) => (
          <>
            <Input {...control} defaultValue={value(state, 'from')} list="sim-recipients" inputMode="tel" autoComplete="off" />
            <datalist id="sim-recipients">
              {recentRecipients.map((phone) => (
                <option key={phone} value={phone} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('to')} name="to" error={state.fieldErrors?.to?.[0]} required>
        {(control) => (
          <Select {...control} defaultValue={value(state, 'to', numbers[0])}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t('body')} name="body" hint={t('bodyHint')} error={state.fieldErrors?.body?.[0]} required>
        {(control) => <Textarea {...control} rows={3} defaultValue={value(state, 'body')} />}
      </Field>
      <Message state={state} />
      <div>
        <SubmitButton pendingLabel={t('sending')}>{t('simulateReply')}</SubmitButton>
      </div>
    </form>
  );
}

export function ReportOutcomeForm({ sids }: { sids: string[] }) {
  const t = useTranslations('sim');
  const [state, action] = useActionState<FormState, FormData>(reportOutcome, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4">
      <Field label={t('sid')} name="sid" error={state.fieldErrors?.sid?.[0]} required>
        {(control) => (
          <Select {...control} className="font-mono" defaultValue={value(state, 'sid', sids[0])}>
            {sids.map((sid) => (
              <option key={sid} value={sid}>
                {sid}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label={t('status')} name="status" error={state.fieldErrors?.status?.[0]} required>
          {(control) => (
            <Select {...control} defaultValue={value(state, 'status', 'delivered')}>
              {(['sent', 'delivered', 'read', 'undelivered', 'failed'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('errorCode')} name="errorCode" hint={t('errorCodeHint')} error={state.fieldErrors?.errorCode?.[0]}>
          {(control) => <Input {...control} defaultValue={value(state, 'errorCode')} inputMode="numeric" placeholder="30003" />}
        </Field>
      </div>
      <Message state={state} />
      <div>
        <SubmitButton variant="secondary" pendingLabel={t('sending')}>
          {t('report')}
        </SubmitButton>
      </div>
    </form>
  );
}
