// A contacts import (/contacts/import/{id}): what the file holds, every row with a
// problem by line, and the manager's decision — import, import only the valid rows
// after a confirmation, or discard — then what it imported.
import type { Metadata, Route } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { ButtonLink } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { Confirm } from '@/app/_components/ui/confirm';
import { UploadIcon } from '@/app/_components/ui/icons';
import { MetricCard, MetricGrid } from '@/app/_components/ui/metric';
import { BackLink, PageHeader } from '@/app/_components/ui/page-header';
import { Pagination } from '@/app/_components/ui/pagination';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { requireManager } from '@/lib/auth/session';
import { getImportSummary, importErrors, type ImportSummary } from '@/lib/contacts/import-queries';
import { importPageHref, parseImportPageParams } from '@/lib/contacts/import-params';
import { parseId } from '@/lib/contacts/list-params';
import { NotFoundError } from '@/lib/errors';
import { getFormat } from '@/lib/format/server';
import { boundFormAction } from '../../bound-action';
import { decideImport } from './actions';
import { ImportErrorsTable } from './import-errors-table';

type Props = PageProps<'/contacts/import/[id]'>;

// Cached per request: the metadata and the page read the same row once.
const loadImport = cache(async (rawId: string): Promise<ImportSummary> => {
  const { ctx } = await requireManager();
  const id = parseId(rawId);
  if (id === null) notFound();
  try {
    return await getImportSummary(ctx, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [summary, t] = await Promise.all([loadImport((await params).id), getTranslations('contacts.import')]);
  return { title: t('metaTitle', { filename: summary.filename }) };
}

const statusTones: Record<ImportSummary['status'], BadgeTone> = { staged: 'warning', imported: 'success', discarded: 'neutral' };

export default async function ContactImportPage({ params, searchParams }: Props) {
  const summary = await loadImport((await params).id);
  const { ctx } = await requireManager();
  const state = parseImportPageParams(await searchParams);
  const [t, statuses, format, errors] = await Promise.all([
    getTranslations('contacts.import'),
    getTranslations('contacts.recentImports.status'),
    getFormat(),
    // A discarded import keeps no rows.
    summary.status === 'discarded' || summary.errorRows === 0
      ? Promise.resolve(null)
      : importErrors(ctx, summary.id, state.errors),
  ]);
  const decide = boundFormAction(decideImport, summary.id);
  const uploaded = format.dateTime(summary.createdAt);

  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/contacts">{t('back')}</BackLink>
        }
        title={t('title', { filename: summary.filename })}
        badge={
          <Badge tone={statusTones[summary.status]} dot>
            {statuses(summary.status)}
          </Badge>
        }
        description={summary.uploadedBy ? t('uploaded', { date: uploaded, name: summary.uploadedBy }) : t('uploadedAnonymous', { date: uploaded })}
      />

      <MetricGrid>
        <MetricCard name="rows" count={summary.totalRows} label={t('metrics.rows')} />
        {summary.status === 'imported' ? (
          <>
            <MetricCard name="created" count={summary.createdContacts} label={t('metrics.created')} />
            <MetricCard name="updated" count={summary.updatedContacts} label={t('metrics.updated')} />
            <MetricCard name="skipped" count={summary.errorRows} of={summary.totalRows} label={t('metrics.skipped')} />
          </>
        ) : (
          <>
            <MetricCard name="valid" count={summary.validRows} of={summary.totalRows} label={t('metrics.valid')} />
            <MetricCard name="errors" count={summary.errorRows} of={summary.totalRows} label={t('metrics.errors')} />
            {summary.status === 'staged' ? (
              <>
                <MetricCard name="would_create" count={summary.wouldCreate} label={t('metrics.wouldCreate')} />
                <MetricCard name="would_update" count={summary.wouldUpdate} label={t('metrics.wouldUpdate')} />
              </>
            ) : null}
          </>
        )}
      </MetricGrid>

      <div className="mt-6">
        {summary.status === 'staged' ? <Decision summary={summary} decide={decide} /> : null}
        {summary.status === 'imported' ? (
          <Alert
            tone="success"
            title={t('imported.title')}
            action={
              <ButtonLink href="/contacts" variant="secondary" size="sm">
                {t('imported.seeContacts')}
              </ButtonLink>
            }
          >
            {t('imported.body', {
              created: summary.createdContacts,
              updated: summary.updatedContacts,
              date: format.dateTime(summary.finishedAt ?? summary.createdAt),
            })}
            {summary.errorRows > 0 ? ` ${t('imported.skipped', { count: summary.errorRows })}` : null}
          </Alert>
        ) : null}
        {summary.status === 'discarded' ? (
          <Alert tone="info" title={t('discarded.title')}>
            {t('discarded.body')}
          </Alert>
        ) : null}
      </div>

      {errors && errors.rows.length > 0 ? (
        <section id="errors" aria-labelledby="errors-title" className="mt-8 scroll-mt-20">
          <div className="mb-3">
            <h2 id="errors-title" className="text-lg font-semibold text-fg">
              {t('errorsTitle')}
            </h2>
            <p className="text-sm text-fg-muted">{t('errorsDescription')}</p>
          </div>
          <ImportErrorsTable rows={errors.rows} />
          {errors.previousBefore === null && errors.nextAfter === null ? null : (
            <Pagination
            previousHref={errors.previousBefore !== null ? importPageHref(summary.id, { before: errors.previousBefore }) : null}
              nextHref={errors.nextAfter !== null ? importPageHref(summary.id, { after: errors.nextAfter }) : null}
            />
          )}
        </section>
      ) : null}
    </>
  );
}

type DecisionProps = { summary: ImportSummary; decide: (formData: FormData) => Promise<void> };

/** What the manager can do with a staged import, depending on what the checks found. */
async function Decision({ summary, decide }: DecisionProps) {
  const t = await getTranslations('contacts.import');
  const here = `/contacts/import/${summary.id}` as Route;
  const uploadAgain = (
    <ButtonLink href={'/contacts#import'} variant="secondary" icon={<UploadIcon />}>
      {t('actions.uploadAgain')}
    </ButtonLink>
  );
  const discard = (
    <Confirm trigger={t('actions.discard')} triggerVariant="ghost" title={t('actions.discardTitle')} body={t('actions.discardBody')} cancelHref={here}>
      <form action={decide}>
        <input type="hidden" name="intent" value="discard" />
        <SubmitButton variant="danger">{t('actions.confirmDiscard')}</SubmitButton>
      </form>
    </Confirm>
  );

  if (summary.errorRows === 0) {
    return (
      <Card>
        <div className="flex flex-col gap-4 lg:flex-row lg:items-center lg:justify-between">
          <Alert tone="success" title={t('ready.title')}>
            {t('ready.body', { count: summary.validRows, created: summary.wouldCreate, updated: summary.wouldUpdate })}
          </Alert>
          <div className="flex flex-wrap items-center gap-2">
            <form action={decide}>
              <input type="hidden" name="intent" value="import" />
              <SubmitButton pendingLabel={t('actions.importing')}>{t('actions.import', { count: summary.validRows })}</SubmitButton>
            </form>
            {discard}
          </div>
        </div>
      </Card>
    );
  }

  return (
    <Card>
      <div className="flex flex-col gap-4">
        <Alert tone={summary.validRows > 0 ? 'warning' : 'danger'} title={t('hasErrors.title', { count: summary.errorRows })}>
          {summary.validRows > 0 ? t('hasErrors.body', { valid: summary.validRows }) : t('hasErrors.noneValid')}
        </Alert>
        <div className="flex flex-wrap items-center gap-2">
          {uploadAgain}
          {summary.validRows > 0 ? (
            <Confirm
              trigger={t('actions.importValid', { count: summary.validRows })}
              triggerVariant="primary"
              align="start"
              title={t('actions.confirmTitle')}
              body={t('actions.confirmBody', { errors: summary.errorRows })}
              cancelHref={here}
            >
              <form action={decide}>
                <input type="hidden" name="intent" value="import_valid" />
                <SubmitButton pendingLabel={t('actions.importing')}>{t('actions.confirmImportValid', { count: summary.validRows })}</SubmitButton>
              </form>
            </Confirm>
          ) : null}
          {discard}
        </div>
      </div>
    </Card>
  );
}
