// The Campaign tab of /campaigns/{id}: what happened to the campaign (delivery,
// replies, opt-outs, clicks, survey responses, from the campaign's counters), its
// message and cost, and the recipients table with its filters and actions.
import type { Metadata, Route } from 'next';
import { getTranslations } from 'next-intl/server';
import { findUrls } from '@/lib/messaging/links';
import { campaignTab } from '@/lib/campaigns/detail';
import { previewResend } from '@/lib/campaigns/commands';
import { countRecipients, recipientsPage } from '@/lib/campaigns/recipients';
import {
  parseCampaignNotice,
  parsePendingConfirmation,
  parseRecipientView,
  recipientsHref,
  viewQuery,
} from '@/lib/campaigns/recipient-params';
import { getFormat } from '@/lib/format/server';
import { submitRecipients } from './actions';
import { loadCampaign } from './_components/load-campaign';
import { CampaignNotice } from './_components/notice';
import { EngagementMetrics } from './_components/engagement';
import { MessageCard } from './_components/message-card';
import { DeliveryCard, DetailsCard } from './_components/overview';
import { RecipientsSection } from './_components/recipients-section';
import { ResendConfirmation } from './_components/resend-confirmation';

export async function generateMetadata({ params }: PageProps<'/campaigns/[id]'>): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  const t = await getTranslations('campaign');
  return { title: t('metaTitle', { name: campaign.name }) };
}

export default async function CampaignPage({ params, searchParams }: PageProps<'/campaigns/[id]'>) {
  const { ctx, account, campaign } = await loadCampaign((await params).id);
  const query = await searchParams;
  const view = parseRecipientView(query);
  const confirmation = parsePendingConfirmation(query);
  const notice = parseCampaignNotice(query);
  const plan = { accountId: account.id, timeZone: account.timeZone, monthlyCredits: account.monthlyCredits, overagePricePerCredit: account.overagePricePerCredit };

  const [tab, page, count, preview, format] = await Promise.all([
    campaignTab(ctx, campaign, plan),
    recipientsPage(ctx, campaign.id, view),
    countRecipients(ctx, campaign.id, view),
    confirmation
      ? previewResend(ctx, campaign.id, confirmation.intent === 'resend' ? { kind: 'selected', contactIds: confirmation.contactIds } : { kind: 'all_failed' })
      : null,
    getFormat(),
  ]);
  const started = campaign.status === 'sending' || campaign.status === 'sent';
  const action = submitRecipients.bind(null, campaign.id);
  const from = format.phone(campaign.from.e164);
  const here = recipientsHref(campaign.id, view).replace(/#recipients$/, '') as Route;
  const overviewText = await getTranslations('campaign.overview');
  const notStarted = started
    ? null
    : {
        headline:
          campaign.status === 'scheduled' && campaign.scheduledAt
            ? overviewText('headlineScheduled', { when: format.dateTime(campaign.scheduledAt) })
            : campaign.status === 'canceled'
              ? overviewText('headlineCanceled', { when: campaign.canceledAt ? format.dateTime(campaign.canceledAt) : '—' })
              : overviewText('headlineDraft'),
        recipients:
          campaign.status !== 'canceled' && tab.estimatedRecipients !== null
            ? overviewText('estimatedRecipients', { count: tab.estimatedRecipients })
            : null,
        willSend: campaign.status !== 'canceled',
      };

  return (
    <>
      {notice ? <CampaignNotice notice={notice} dismissHref={here} /> : null}
      {confirmation && preview ? (
        <ResendConfirmation
          confirmation={confirmation}
          preview={preview}
          from={from}
          segmentsPerMessage={tab.message.segments}
          action={action}
          view={viewQuery(view)}
          keepHref={recipientsHref(campaign.id, view)}
        />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <DeliveryCard counters={tab.counters} notStarted={notStarted} />
        <DetailsCard
          campaign={campaign}
          counters={tab.counters}
          estimatedRecipients={tab.estimatedRecipients}
          format={format}
          surveyHref={campaign.survey ? (`/campaigns/${campaign.id}/survey` as Route) : null}
        />
      </div>

      <div className="mt-4">
        <EngagementMetrics counters={tab.counters} hasSurvey={campaign.survey !== null} hasLinks={findUrls(campaign.body).length > 0} />
      </div>

      <div className="mt-4">
        <MessageCard
          message={tab.message}
          sent={started && tab.message.sampleFor !== null && tab.counters.recipients > 0}
          from={from}
          counters={tab.counters}
          estimatedCredits={started || campaign.status === 'canceled' || tab.estimatedRecipients === null ? null : tab.estimatedRecipients * tab.message.segments}
          overage={
            account.monthlyCredits === null
              ? { kind: 'unlimited' }
              : tab.overage
                ? { kind: 'estimate', value: tab.overage, scheduled: campaign.status === 'scheduled' }
                : { kind: 'none' }
          }
          format={format}
        />
      </div>

      <RecipientsSection
        campaignId={campaign.id}
        view={view}
        page={page}
        count={count}
        failed={tab.counters.failed}
        hasSurvey={campaign.survey !== null}
        started={started}
        action={action}
        format={format}
      />
    </>
  );
}
