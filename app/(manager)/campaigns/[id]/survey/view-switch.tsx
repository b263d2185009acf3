// Summary | Individual responses: two links, the current one marked, as a segmented control.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cx } from '@/app/_components/ui/cx';
import { SURVEY_VIEWS, surveyTabHref, type SurveyView } from '@/lib/surveys/survey-params';

export async function ViewSwitch({ campaignId, current }: { campaignId: number; current: SurveyView }) {
  const t = await getTranslations('surveyResults.views');
  return (
    <nav aria-label={t('label')} className="mt-8 mb-5">
      <ul className="inline-flex rounded-lg border border-line bg-surface-muted p-1">
        {SURVEY_VIEWS.map((view) => (
          <li key={view}>
            <Link
              href={surveyTabHref(campaignId, { view })}
              aria-current={view === current ? 'page' : undefined}
              className={cx(
                'inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors',
                view === current ? 'bg-surface text-fg shadow-card' : 'text-fg-muted hover:text-fg',
              )}
            >
              {t(view)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
