// A campaign's Survey results tab (CONTRACT /campaigns/{id}/survey), under the campaign's
// header and tabs (../layout.tsx): views and responses over the campaign's recipients,
// then every question summarized, or one respondent's answers at a time. All state is
// in the URL; 404 for another account's campaign or a campaign without a survey.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { MetricCard } from '@/app/_components/ui/metric';
import { requireManager } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { getFormat } from '@/lib/format/server';
import { loadSurveyTab } from '@/lib/surveys/results';
import { parseId, parseSurveyTabParams } from '@/lib/surveys/survey-params';
import { IndividualView } from './individual-view';
import { SummaryView } from './summary-view';
import { ViewSwitch } from './view-switch';

const surveyTabFor = cache(async (rawId: string) => {
  const { ctx } = await requireManager();
  const campaignId = parseId(rawId);
  if (campaignId === null) return null;
  try {
    return await loadSurveyTab(ctx, campaignId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<'/campaigns/[id]/survey'>): Promise<Metadata> {
  const tab = await surveyTabFor((await params).id);
  if (!tab) return {};
  const t = await getTranslations('surveyResults');
  return { title: t('metaTitle', { campaign: tab.campaign.name }) };
}

export default async function SurveyResultsPage({ params, searchParams }: PageProps<'/campaigns/[id]/survey'>) {
  const { ctx } = await requireManager();
  const tab = await surveyTabFor((await params).id);
  if (!tab) notFound();
  const state = parseSurveyTabParams(await searchParams);
  const [t, format] = await Promise.all([getTranslations('surveyResults'), getFormat()]);
  const { recipients, views, responses } = tab.counts;

  return (
    <>
      <p className="mb-4 text-sm text-fg-muted">
        {t('description', { survey: tab.survey.name, questions: tab.questions.length })}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3">
        <div className="col-span-2 lg:col-span-1">
          <MetricCard name="recipients" count={recipients} label={t('metrics.recipients')} hint={t('metrics.recipientsHint')} />
        </div>
        <MetricCard name="survey_views" count={views} of={recipients} label={t('metrics.views')} hint={t('metrics.viewsHint')} />
        <MetricCard
          name="survey_responses"
          count={responses}
          of={recipients}
          label={t('metrics.responses')}
          hint={t('metrics.responsesHint', { rate: format.rate(responses, views) })}
        />
      </div>
      <ViewSwitch campaignId={tab.campaign.id} current={state.view} />
      {state.view === 'summary' ? <SummaryView ctx={ctx} tab={tab} state={state} /> : <IndividualView ctx={ctx} tab={tab} state={state} />}
    </>
  );
}
