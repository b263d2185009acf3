// The Summary view: one card per question, in the survey's order, with what its kind
// calls for (choice shares, the average rating, the NPS, the latest written answers).
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClipboardIcon } from '@/app/_components/ui/icons';
import type { Ctx } from '@/lib/context';
import { surveySummary, type QuestionSummary, type SurveyTab } from '@/lib/surveys/results';
import type { SurveyTabState } from '@/lib/surveys/survey-params';
import { ChoiceResults, NpsResults, RatingResults, TextResults } from './question-results';

export async function SummaryView({ ctx, tab, state }: { ctx: Ctx; tab: SurveyTab; state: SurveyTabState }) {
  const [t, summary] = await Promise.all([
    getTranslations('surveyResults'),
    surveySummary(ctx, tab, { question: state.question, cursor: state.cursor }),
  ]);

  return (
    <div className="space-y-4">
      {tab.counts.responses === 0 ? (
        <div className="flex items-start gap-3 rounded-xl border border-dashed border-line-strong bg-surface px-4 py-4 sm:px-5">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
            <ClipboardIcon className="size-5" />
          </span>
          <div>
            <h2 className="text-sm font-semibold text-fg">{t('empty.title')}</h2>
            <p className="mt-0.5 text-sm text-fg-muted">{t('empty.body', { views: tab.counts.views })}</p>
          </div>
        </div>
      ) : null}
      {tab.questions.map((question, index) => {
        const result = summary.get(question.id)!;
        return (
          <QuestionCard
            key={question.id}
            id={question.id}
            number={index + 1}
            kind={t(`kinds.${question.kind}`)}
            prompt={question.prompt}
            answered={t('question.answered', { count: result.answered })}
          >
            {result.answered === 0 ? (
              <p className="text-sm text-fg-subtle">{t('question.noAnswers')}</p>
            ) : (
              <Results result={result} campaignId={tab.campaign.id} questionId={question.id} number={index + 1} />
            )}
          </QuestionCard>
        );
      })}
    </div>
  );
}

function Results({ result, campaignId, questionId, number }: { result: QuestionSummary; campaignId: number; questionId: number; number: number }) {
  switch (result.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return <ChoiceResults result={result} number={number} />;
    case 'rating':
      return <RatingResults result={result} />;
    case 'nps':
      return <NpsResults result={result} />;
    case 'free_text':
      return <TextResults result={result} campaignId={campaignId} questionId={questionId} />;
  }
}

type QuestionCardProps = { id: number; number: number; kind: string; prompt: string; answered: string; children: ReactNode };

function QuestionCard({ id, number, kind, prompt, answered, children }: QuestionCardProps) {
  return (
    <section id={`question-${id}`} aria-labelledby={`question-${id}-title`} className="scroll-mt-20 rounded-xl border border-line bg-surface shadow-card">
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 border-b border-line px-4 py-3.5 sm:px-5">
        <div className="min-w-0">
          <p className="text-xs font-medium text-fg-subtle">
            <span className="tabular-nums">{number}</span> · {kind}
          </p>
          <h2 id={`question-${id}-title`} className="mt-0.5 text-[15px] font-semibold text-fg text-pretty">
            {prompt}
          </h2>
        </div>
        <p className="shrink-0 text-sm text-fg-muted tabular-nums sm:pt-4">{answered}</p>
      </header>
      <div className="p-4 sm:p-5">{children}</div>
    </section>
  );
}
