'use client';
// Who gets the campaign: all contacts, the contacts with a tag, or (arriving from a
// campaign's page) the recipients picked there, carried as hidden `recipient` fields.
import { useLocale, useTranslations } from 'next-intl';
import { Field, Select } from '@/app/_components/ui/form';
import type { ComposerChoices } from './composer-state';

export function AudienceField({
  choices,
  value,
  error,
  recipients,
}: {
  choices: ComposerChoices;
  value: string;
  error?: string;
  recipients: string | string[] | undefined;
}) {
  const t = useTranslations('composer.audience');
  const locale = useLocale();
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  const selection = choices.selection;
  const selected = Array.isArray(recipients) ? recipients : recipients ? [recipients] : [];
  return (
    <div className="flex flex-col gap-3">
      {selection ? (
        <p className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent-text" data-selection-count={String(selection.count)}>
          {t('selected', { count: selection.count, campaign: selection.campaignName })}
        </p>
      ) : null}
      <Field label={t('label')} name="audience" error={error} hint={t('hint')}>
        {(control) => (
          <Select {...control} defaultValue={value}>
            {selection ? <option value={`campaign:${selection.campaignId}`}>{t('selectionOption', { count: selection.count, campaign: selection.campaignName })}</option> : null}
            <option value="all">{t('all', { count: count(choices.contacts) })}</option>
            {choices.tags.length > 0 ? (
              <optgroup label={t('tags')}>
                {choices.tags.map((tag) => (
                  <option key={tag.name} value={`tag:${tag.name}`}>
                    {t('tag', { tag: tag.name, count: count(tag.contacts) })}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      {selected.map((id) => (
        <input key={id} type="hidden" name="recipient" value={id} />
      ))}
    </div>
  );
}
