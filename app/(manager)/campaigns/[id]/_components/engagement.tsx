// What recipients did with the campaign: replies, opt-outs, link clicks (people, with
// all clicks beside) and survey responses, each as a count and a rate over recipients.
import { useTranslations } from 'next-intl';
import { MetricCard } from '@/app/_components/ui/metric';
import type { CampaignCounters } from '@/lib/campaigns/detail';

export function EngagementMetrics({ counters, hasSurvey, hasLinks }: { counters: CampaignCounters; hasSurvey: boolean; hasLinks: boolean }) {
  const t = useTranslations('campaign.engagement');
  const of = counters.recipients;
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <MetricCard name="replies" label={t('replies')} count={counters.replied} of={of} hint={t('repliesTotal', { count: counters.repliesTotal })} />
      <MetricCard name="opt_outs" label={t('optOuts')} count={counters.optedOut} of={of} hint={t('optOutsHint')} />
      <MetricCard
        name="link_clicks"
        label={t('linkClicks')}
        count={counters.clicked}
        of={of}
        total={counters.clicksTotal}
        hint={hasLinks || counters.clicksTotal > 0 ? t('clicksTotal', { count: counters.clicksTotal }) : t('noLinks')}
      />
      <MetricCard
        name="survey_responses"
        label={t('surveyResponses')}
        count={counters.surveyResponded}
        of={of}
        hint={hasSurvey ? t('surveyViews', { count: counters.surveyViewed }) : t('noSurvey')}
      />
    </div>
  );
}
