// "Cancel campaign" in the header of a scheduled campaign: asks first (a <details>
// panel, so it works without JavaScript), then posts the cancel action.
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import { Confirm } from '@/app/_components/ui/confirm';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { FormState } from '@/lib/auth/action';
import { ActionForm } from './action-form';

type CancelCampaignProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  scheduledFor: string;
  campaignHref: Route;
};

export function CancelCampaign({ action, scheduledFor, campaignHref }: CancelCampaignProps) {
  const t = useTranslations('campaign.cancel');
  return (
    <Confirm trigger={t('trigger')} title={t('title')} body={t('body', { when: scheduledFor })} cancelHref={campaignHref}>
      <ActionForm action={action} messagePlacement="bottom" className="contents">
        <SubmitButton variant="danger" pendingLabel={t('working')}>
          {t('confirm')}
        </SubmitButton>
      </ActionForm>
    </Confirm>
  );
}
