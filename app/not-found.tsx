// Any address that matches no page, and any object that is not in the reader's
// account (404, never 403, so other accounts' ids reveal nothing).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/app/_components/ui/button';
import { CompassIcon } from '@/app/_components/ui/icons';
import { StatusPage } from '@/app/_components/shell/status-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors.notFound');
  return { title: t('metaTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <StatusPage
      icon={<CompassIcon />}
      code={t('code')}
      title={t('title')}
      body={t('body')}
      actions={
        <ButtonLink href="/campaigns" variant="primary">
          {t('home')}
        </ButtonLink>
      }
    />
  );
}
