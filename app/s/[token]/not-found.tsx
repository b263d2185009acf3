// A survey link that leads nowhere (mistyped, cut short, or made up): a calm page in
// the browser's language, with a 404 status, that names no business and no account.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CompassIcon } from '@/app/_components/ui/icons';
import { SurveyFrame } from './survey-frame';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('survey.notFound');
  return { title: { absolute: t('metaTitle') } };
}

export default async function SurveyNotFound() {
  const [t, locale] = await Promise.all([getTranslations('survey'), getLocale()]);
  return (
    <SurveyFrame lang={locale} sender={null} eyebrow={t('eyebrow')} footer={<p>{t('poweredBy')}</p>}>
      <section className="rounded-2xl border border-line bg-surface px-6 py-12 text-center shadow-card sm:px-10">
        <span className="mx-auto flex size-14 items-center justify-center rounded-full bg-surface-muted text-fg-muted">
          <CompassIcon className="size-7" />
        </span>
        <h1 className="mt-5 text-xl font-semibold tracking-tight text-fg text-balance">{t('notFound.title')}</h1>
        <p className="mx-auto mt-2 max-w-sm text-base leading-relaxed text-fg-muted text-pretty">{t('notFound.body')}</p>
      </section>
    </SurveyFrame>
  );
}
