// A recipient's survey (CONTRACT /s/{token}): opening it records a view (not for
// link-preview fetchers), sending it stores the answers once. It speaks the sending
// account's language, the one its questions are written in, whatever the browser
// asks for; an unknown token is a 404 in the browser's language.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { cache } from 'react';
import { MISSING_PAGE_HEADER } from '@/lib/auth/proxy-headers';
import { isHumanVisit } from '@/lib/messaging/tracked-links';
import { MAX_FREE_TEXT_LENGTH, openSurvey } from '@/lib/surveys/responses';
import { sendSurveyAnswers } from './actions';
import SurveyNotFound, { generateMetadata as generateNotFoundMetadata } from './not-found';
import { SurveyFooter } from './survey-footer';
import { SurveyForm, type PublicQuestion } from './survey-form';
import { SurveyFrame } from './survey-frame';
import { surveyLocale, surveyTranslations } from './survey-i18n';

// One lookup (and one recorded view) per request, shared by the metadata and the page.
const surveyFor = cache(async (token: string) => {
  const userAgent = (await headers()).get('user-agent');
  return openSurvey(token, new Date(), { recordView: isHumanVisit('GET', userAgent) });
});

export async function generateMetadata({ params }: PageProps<'/s/[token]'>): Promise<Metadata> {
  const found = await surveyFor((await params).token);
  if (!found) return generateNotFoundMetadata();
  const { t } = await surveyTranslations(surveyLocale(found.account.locale));
  // The business's name, not the product's, in the tab and in link previews.
  return { title: { absolute: t('metaTitle', { survey: found.survey.name, account: found.account.name }) } };
}

export default async function SurveyPage({ params }: PageProps<'/s/[token]'>) {
  const { token } = await params;
  const found = await surveyFor(token);
  if (!found) {
    // The proxy found the link missing and set the 404: drawn here, on the server, as
    // notFound() would leave the page blank without JavaScript (lib/routing/missing-pages.ts).
    if ((await headers()).get(MISSING_PAGE_HEADER) === '1') return <SurveyNotFound />;
    notFound();
  }

  const { survey, account } = found;
  const locale = surveyLocale(account.locale);
  const { t, surveyCatalog } = await surveyTranslations(locale);
  const questions: PublicQuestion[] = found.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, choices: q.choices, required: q.required }));
  const hasRequired = questions.some((q) => q.required);

  return (
    <SurveyFrame lang={locale} sender={account.name} eyebrow={t('eyebrow')} footer={<SurveyFooter text={t('privacy', { account: account.name })} poweredBy={t('poweredBy')} />}>
      <h1 className="text-2xl font-semibold tracking-tight text-fg text-balance sm:text-3xl">{survey.name}</h1>
      {/* Rendered even once answered: right after sending without JavaScript, the page comes back
          already answered, and the form's own state is what knows to say thank you (and to drop the intro). */}
      <NextIntlClientProvider locale={locale} messages={{ survey: surveyCatalog }}>
        <SurveyForm
          action={sendSurveyAnswers.bind(null, token)}
          intro={
            <>
              {survey.intro ? <p className="mt-3 text-base leading-relaxed text-fg-muted text-pretty whitespace-pre-line">{survey.intro}</p> : null}
              <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm text-fg-subtle">
                <span>{t('questionCount', { count: questions.length, minutes: Math.max(1, Math.round(questions.length / 4)) })}</span>
                {hasRequired ? (
                  <span>{t.rich('requiredNote', { mark: (chunks) => <span className="font-semibold text-danger-text">{chunks}</span> })}</span>
                ) : null}
              </p>
            </>
          }
          questions={questions}
          alreadyAnswered={found.submittedAt !== null}
          thankYou={survey.thankYou}
          maxTextLength={MAX_FREE_TEXT_LENGTH}
        />
      </NextIntlClientProvider>
    </SurveyFrame>
  );
}
