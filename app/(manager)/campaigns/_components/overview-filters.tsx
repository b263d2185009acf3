// The list's search, status filter and sort as one GET form: it works without
// JavaScript, and submitting it starts again from the first page (no cursor).
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button, buttonClasses } from '@/app/_components/ui/button';
import { Input, Select } from '@/app/_components/ui/form';
import { CAMPAIGN_SORTS, CAMPAIGN_STATUSES, defaultDirection, withoutFilters, type CampaignListParams } from '@/lib/campaigns/list-params';

export function OverviewFilters({ params }: { params: CampaignListParams }) {
  const t = useTranslations('campaignsOverview.filters');
  const filtered = params.q !== '' || params.status !== null;
  const label = 'text-xs font-medium text-fg-muted';
  return (
    <form
      // The fields keep what they first showed; a new key after a client navigation (a sort
      // header, a page link) builds them again from the new URL, so they never show a stale state.
      key={`${params.q}|${params.status}|${params.sort}|${params.dir}`}
      method="get"
      action="/campaigns"
      role="search"
      aria-label={t('label')}
      className="mb-4 grid grid-cols-2 items-end gap-3 sm:grid-cols-[minmax(0,1fr)_auto_auto_auto_auto] sm:gap-2 lg:gap-3"
    >
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        <label htmlFor="campaigns-q" className={label}>
          {t('search')}
        </label>
        <div className="relative">
          <SearchGlyph />
          <Input
            id="campaigns-q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={100}
            placeholder={t('searchPlaceholder')}
            autoComplete="off"
            className="pl-9"
          />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="campaigns-status" className={label}>
          {t('status')}
        </label>
        <Select id="campaigns-status" name="status" defaultValue={params.status ?? ''} className="sm:w-44">
          <option value="">{t('anyStatus')}</option>
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="campaigns-sort" className={label}>
          {t('sort')}
        </label>
        <Select id="campaigns-sort" name="sort" defaultValue={params.sort === 'recent' ? '' : params.sort} className="sm:w-44">
          <option value="">{t('sorts.recent')}</option>
          {CAMPAIGN_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sorts.${sort}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="campaigns-dir" className={label}>
          {t('dir')}
        </label>
        {/* "Default" follows the chosen column (names A→Z, numbers and dates largest first), so changing the sort alone reads naturally. */}
        <Select id="campaigns-dir" name="dir" defaultValue={params.dir === defaultDirection(params.sort) ? '' : params.dir} className="sm:w-36">
          <option value="">{t('defaultDir')}</option>
          <option value="desc">{t('desc')}</option>
          <option value="asc">{t('asc')}</option>
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" className="flex-1 sm:flex-none">
          {t('apply')}
        </Button>
        {filtered ? (
          <Link href={withoutFilters(params)} className={buttonClasses('ghost', 'md')}>
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function SearchGlyph() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle"
    >
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4 4" />
    </svg>
  );
}
