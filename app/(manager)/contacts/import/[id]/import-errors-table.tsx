// The rows of an import that have problems: the line (as a spreadsheet numbers it)
// and, per problem, the column and what is wrong, in the reader's language.
import { useTranslations } from 'next-intl';
import { Table, Td, Th } from '@/app/_components/ui/table';
import type { ImportErrorRow } from '@/lib/contacts/import-queries';

export function ImportErrorsTable({ rows }: { rows: ImportErrorRow[] }) {
  const t = useTranslations('contacts.import');
  // Problems are catalog keys stored with the rows; one the catalog lacks still reads as a problem.
  const problemText = (column: string, problem: string) => {
    const key = `problems.${column}.${problem}`;
    return t.has(key) ? t(key) : t('unknownProblem');
  };
  return (
    <Table caption={t('errorsTitle')} stickyFirstColumn={false}>
      <thead>
        <tr>
          <Th align="end" className="w-20">
            {t('errorColumns.line')}
          </Th>
          <Th>{t('errorColumns.problem')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.line} data-line={row.line}>
            <Td align="end" className="align-top font-medium">
              {row.line}
            </Td>
            <Td>
              <ul className="flex flex-col gap-1.5">
                {row.errors.map((error) => (
                  <li key={`${error.column}:${error.problem}`} data-column={error.column} data-problem={error.problem} className="flex flex-wrap items-baseline gap-x-2">
                    <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-fg">{error.column}</code>
                    <span className="text-fg-muted">{problemText(error.column, error.problem)}</span>
                  </li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
