// The question a resend asks before it sends (with JavaScript on or off): how many
// failed recipients get the message again, who is skipped and why, about how many
// credits it takes. Confirming posts the same intent again with confirm=1.
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/app/_components/ui/button';
import { ConfirmPanel } from '@/app/_components/ui/confirm';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { FormState } from '@/lib/auth/action';
import type { ResendPreview } from '@/lib/campaigns/commands';
import type { PendingConfirmation } from '@/lib/campaigns/recipient-params';
import { ActionForm } from './action-form';

type ResendConfirmationProps = {
  confirmation: PendingConfirmation;
  preview: ResendPreview;
  /** The sender number, formatted. */
  from: string;
  segmentsPerMessage: number;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  view: string;
  keepHref: Route;
};

export function ResendConfirmation({ confirmation, preview, from, segmentsPerMessage, action, view, keepHref }: ResendConfirmationProps) {
  const t = useTranslations('campaign.confirmResend');
  const count = preview.resendable;
  const title =
    count === 0 ? t('nothingTitle') : confirmation.intent === 'resend' ? t('titleSelected', { count }) : t('titleAll', { count });
  const notes = [
    count > 0 ? t('message', { from }) : null,
    count > 0 ? t('credits', { credits: count * segmentsPerMessage }) : null,
    preview.notFailed > 0 ? t('notFailed', { count: preview.notFailed }) : null,
    preview.optedOut > 0 ? t('optedOut', { count: preview.optedOut }) : null,
    preview.badNumbers > 0 ? t('badNumbers', { count: preview.badNumbers }) : null,
  ].filter((note): note is string => note !== null);

  return (
    <section id="confirm-resend" aria-live="polite" className="mb-6 scroll-mt-20">
      <ConfirmPanel
        title={title}
        body={
          <ul className="space-y-1">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        }
      >
        {count > 0 ? (
          <ActionForm action={action} className="flex flex-wrap items-center gap-2" messagePlacement="bottom">
            <input type="hidden" name="confirm" value="1" />
            <input type="hidden" name="view" value={view} />
            {confirmation.contactIds.map((id) => (
              <input key={id} type="hidden" name="recipient" value={id} />
            ))}
            <SubmitButton variant="primary" name="intent" value={confirmation.intent} pendingLabel={t('working')}>
              {t('confirm', { count })}
            </SubmitButton>
          </ActionForm>
        ) : null}
        <ButtonLink href={keepHref} variant="ghost">
          {t('keep')}
        </ButtonLink>
      </ConfirmPanel>
    </section>
  );
}
