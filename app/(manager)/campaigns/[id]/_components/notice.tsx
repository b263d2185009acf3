// What the last action did (resent, canceled, too late to cancel), shown once at the
// top of the tab with a link that dismisses it.
import Link from 'next/link';
import type { Route } from 'next';
import { useTranslations } from 'next-intl';
import { Alert } from '@/app/_components/ui/alert';
import type { CampaignNotice as Notice } from '@/lib/campaigns/recipient-params';

export function CampaignNotice({ notice, dismissHref }: { notice: Notice; dismissHref: Route }) {
  const t = useTranslations('campaign.notice');
  const dismiss = (
    <Link href={dismissHref} className="text-sm font-medium underline-offset-2 hover:underline">
      {t('dismiss')}
    </Link>
  );
  if (notice.kind === 'cancel_too_late') {
    return (
      <div role="status" className="mb-6">
        <Alert tone="warning" action={dismiss}>
          {t('cancelTooLate')}
        </Alert>
      </div>
    );
  }
  if (notice.kind === 'canceled') {
    return (
      <div role="status" className="mb-6">
        <Alert tone="success" action={dismiss}>
          {t('canceled')}
        </Alert>
      </div>
    );
  }
  return (
    <div role="status" className="mb-6">
      <Alert tone={notice.count > 0 ? 'success' : 'info'} title={t('resent', { count: notice.count })} action={dismiss}>
        {notice.skippedOptedOut > 0 ? <p>{t('resentSkipped', { count: notice.skippedOptedOut })}</p> : null}
        {notice.count > 0 ? <p>{t('resentFollow')}</p> : null}
      </Alert>
    </div>
  );
}
