// The contacts CSV upload (CONTRACT: a form with a file field `file`), posted to the
// route handler at /contacts/import, with, after a refused file, the reason; and the
// columns such a file has.
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { Badge } from '@/app/_components/ui/badge';
import { Card } from '@/app/_components/ui/card';
import { Field } from '@/app/_components/ui/form';
import { UploadIcon } from '@/app/_components/ui/icons';
import { IMPORT_COLUMNS } from '@/lib/contacts/import-rows';
import { MAX_UPLOAD_MB } from '@/lib/contacts/upload';
import type { ContactListState } from '@/lib/contacts/list-params';
import { UploadSubmit } from './upload-submit';

export async function ImportForm({ refusal }: { refusal: ContactListState['importError'] }) {
  const t = await getTranslations('contacts.upload');
  const problem = refusal ? t(`problems.${refusal.problem}`, { limit: refusal.limitMb ?? MAX_UPLOAD_MB }) : null;

  return (
    <div className="flex flex-col gap-5">
      {refusal ? (
        <div role="alert">
          <Alert tone="danger" title={t('refusedTitle')}>
            {refusal.line ? t('problemAtLine', { line: refusal.line, problem: problem! }) : problem}
          </Alert>
        </div>
      ) : null}
      <form method="post" action="/contacts/import" encType="multipart/form-data" className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <Field label={t('fileLabel')} name="file" hint={t('fileHint', { limit: MAX_UPLOAD_MB })} required>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,text/csv,text/plain"
                className="block w-full cursor-pointer rounded-lg border border-dashed border-line-strong bg-surface-muted px-3 py-2 text-sm text-fg-muted file:mr-3 file:cursor-pointer file:rounded-md file:border-0 file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg file:shadow-card hover:border-accent"
              />
            )}
          </Field>
        </div>
        <div className="sm:pb-6">
          <UploadSubmit label={t('submit')} pendingLabel={t('submitting')} icon={<UploadIcon />} />
        </div>
      </form>
      <p className="text-sm text-fg-muted text-pretty">
        {t('updatesNote')}{' '}
        <a href="/contacts/import/sample" download className="font-medium text-accent-text hover:underline">
          {t('sample')}
        </a>
      </p>
    </div>
  );
}

/** The CONTRACT's columns, what each takes, and that only phone is required. */
export async function ImportColumns({ country }: { country: string }) {
  const [t, locale] = await Promise.all([getTranslations('contacts.upload'), getLocale()]);
  const countryName = new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;
  return (
    <Card title={t('columnsTitle')} description={t('columnsDescription')}>
      <dl className="flex flex-col gap-3 text-sm">
        {IMPORT_COLUMNS.map((column) => (
          <div key={column}>
            <dt className="flex items-center gap-2">
              <code className="font-mono text-[13px] font-medium text-fg">{column}</code>
              {column === 'phone' ? <Badge tone="accent">{t('required')}</Badge> : null}
            </dt>
            <dd className="mt-0.5 text-fg-muted">{t(`columnHelp.${column}`, { country: countryName })}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
