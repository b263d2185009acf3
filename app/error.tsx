'use client';
// An unexpected failure while rendering a page: says so in the reader's language,
// offers to try again, and shows only the error's reference (never its message),
// which matches the server's log line.
import { useTranslations } from 'next-intl';
import { ButtonLink, Button } from '@/app/_components/ui/button';
import { WarningIcon } from '@/app/_components/ui/icons';
import { StatusPage } from '@/app/_components/shell/status-page';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors.unexpected');
  const digest = referenceOf(error);
  return (
    <>
      <title>{t('metaTitle')}</title>
      <StatusPage
        icon={<WarningIcon />}
        title={t('title')}
        body={t('body')}
        actions={
          <>
            <Button variant="primary" onClick={() => retry()}>
              {t('retry')}
            </Button>
            <ButtonLink href="/campaigns">{t('home')}</ButtonLink>
          </>
        }
        footnote={digest ? t('reference', { digest }) : undefined}
      />
    </>
  );
}

function referenceOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string') {
    return error.digest;
  }
  return undefined;
}
