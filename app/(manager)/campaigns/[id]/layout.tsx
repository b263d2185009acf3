// Every view of one campaign (the Campaign tab, Survey results) sits under its header:
// name, status, the way back to all campaigns, cancel while it is scheduled, and the tabs.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/app/_components/ui/badge';
import { BackLink, PageHeader } from '@/app/_components/ui/page-header';
import { campaignPath } from '@/lib/campaigns/recipient-params';
import { getFormat } from '@/lib/format/server';
import { cancelScheduledCampaign } from './actions';
import { CampaignTabs } from './_components/campaign-tabs';
import { CancelCampaign } from './_components/cancel-campaign';
import { loadCampaign } from './_components/load-campaign';

export default async function CampaignLayout({ children, params }: LayoutProps<'/campaigns/[id]'>) {
  const { campaign } = await loadCampaign((await params).id);
  const [t, format] = await Promise.all([getTranslations('campaign'), getFormat()]);
  const source = campaign.sourceCampaign;
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/campaigns">{t('allCampaigns')}</BackLink>
        }
        title={campaign.name}
        badge={<StatusBadge status={campaign.status} />}
        description={
          source
            ? t.rich('followUpOf', {
                name: source.name,
                link: (chunks) => (
                  <Link href={campaignPath(source.id)} className="font-medium text-accent-text hover:underline">
                    {chunks}
                  </Link>
                ),
              })
            : undefined
        }
        actions={
          campaign.status === 'scheduled' && campaign.scheduledAt ? (
            <CancelCampaign
              action={cancelScheduledCampaign.bind(null, campaign.id)}
              scheduledFor={format.dateTime(campaign.scheduledAt)}
              campaignHref={campaignPath(campaign.id)}
            />
          ) : undefined
        }
      />
      <CampaignTabs
        campaignId={campaign.id}
        hasSurvey={campaign.survey !== null}
        labels={{ nav: t('tabs.label'), campaign: t('tabs.campaign'), survey: t('tabs.survey') }}
      />
      {children}
    </>
  );
}
