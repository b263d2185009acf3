// The account's latest contact imports beside the upload form, each leading to its
// page: one waiting for review, or what one imported.
import type { Route } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { Card } from '@/app/_components/ui/card';
import type { RecentImport } from '@/lib/contacts/import-queries';
import { getFormat } from '@/lib/format/server';

const statusTones: Record<RecentImport['status'], BadgeTone> = { staged: 'warning', imported: 'success', discarded: 'neutral' };

export async function RecentImports({ imports }: { imports: RecentImport[] }) {
  const [t, format] = await Promise.all([getTranslations('contacts.recentImports'), getFormat()]);
  return (
    <Card title={t('title')} flush>
      <ul className="divide-y divide-line">
        {imports.map((item) => (
          <li key={item.id} data-import-id={item.id}>
            <Link href={`/contacts/import/${item.id}` as Route} className="flex flex-col gap-1 px-4 py-3 hover:bg-surface-hover sm:px-5">
              <span className="flex items-center justify-between gap-3">
                <span className="truncate text-sm font-medium text-fg">{item.filename}</span>
                <Badge tone={statusTones[item.status]} dot>
                  {t(`status.${item.status}`)}
                </Badge>
              </span>
              <span className="text-xs text-fg-subtle tabular-nums">
                {format.dateTime(item.createdAt)} ·{' '}
                {item.status === 'imported'
                  ? t('result', { created: item.createdContacts, updated: item.updatedContacts })
                  : t('rows', { count: item.totalRows })}
                {item.errorRows > 0 ? ` · ${t('withErrors', { count: item.errorRows })}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
