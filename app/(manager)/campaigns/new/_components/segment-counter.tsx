'use client';
// The message field with its live counter: characters, segments and encoding of the
// body as the first recipient will get it (names filled, links at their real length),
// counted in the browser with the same code the server charges with. Where characters
// force UCS-2 it names them, says what replacing them would save and offers to (a
// submit button that the server handles without JavaScript, done in place with it).
import { useLocale, useTranslations } from 'next-intl';
import { useState, type MouseEvent } from 'react';
import { Textarea } from '@/app/_components/ui/form';
import { replaceUcs2Characters, segmentsOf, type Ucs2Character } from '@/lib/billing/segments';
import { renderAsRecipient, tidyBody, type SampleLinks, type SampleNames } from '@/lib/campaigns/compose-schema';
import { formatCount } from '@/lib/format/numbers';

type SegmentCounterProps = {
  defaultValue: string;
  /** The first recipient's names (from the server's estimate); none fills the fields with nothing. */
  sample: SampleNames | null;
  links: SampleLinks;
  id?: string;
  name?: string;
  describedBy?: string;
  invalid?: boolean;
  placeholder?: string;
  onBodyChange?: (body: string) => void;
};

/** How many characters of a long list to name before "and N more". */
const LISTED_CHARACTERS = 8;

export function SegmentCounter({ defaultValue, sample, links, id = 'field-body', name = 'body', describedBy, invalid, placeholder, onBodyChange }: SegmentCounterProps) {
  const t = useTranslations('composer.counter');
  const locale = useLocale();
  const [body, setBody] = useState(defaultValue);
  const change = (next: string) => {
    setBody(next);
    onBodyChange?.(next);
  };

  const template = tidyBody(body);
  const count = segmentsOf(renderAsRecipient(template, sample, links));
  // Characters are named where they were typed; whether they matter is the rendered message's call.
  const typed = segmentsOf(body);
  const entered = template !== '';
  const counterId = `${id}-counter`;

  return (
    <div className="flex flex-col gap-2">
      <Textarea
        id={id}
        name={name}
        value={body}
        onChange={(event) => change(event.target.value)}
        rows={6}
        placeholder={placeholder}
        aria-describedby={[describedBy, counterId].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        className="font-[inherit] text-[15px] leading-6"
      />
      <div id={counterId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-fg-muted tabular-nums">
        {entered ? (
          <span
            data-metric="segments"
            data-count={String(count.segments)}
            data-encoding={count.encoding}
            className="inline-flex items-center gap-2"
          >
            <span className="font-semibold text-fg">{t('segments', { count: count.segments })}</span>
            <span
              className={
                count.encoding === 'GSM-7'
                  ? 'rounded bg-surface-muted px-1.5 py-0.5 font-medium text-fg-muted'
                  : 'rounded bg-warning-soft px-1.5 py-0.5 font-medium text-warning-text'
              }
            >
              {count.encoding}
            </span>
          </span>
        ) : (
          <span>{t('empty')}</span>
        )}
        <span>
          {t('units', {
            units: formatCount(locale, count.units),
            capacity: formatCount(locale, count.segments <= 1 ? count.perSegment : count.perSegment * count.segments),
          })}
          {entered ? <> · {t('left', { count: count.unitsLeftInSegment })}</> : null}
        </span>
      </div>
      {entered ? (
        <p className="text-xs text-fg-subtle">
          {sample && (sample.firstName || sample.lastName)
            ? t('countedAs', { name: `${sample.firstName} ${sample.lastName}`.trim() })
            : t('countedWithoutNames')}
        </p>
      ) : null}
      {entered && count.encoding === 'UCS-2' ? (
        <Ucs2Hint
          body={body}
          characters={typed.ucs2Characters}
          segments={count.segments}
          segmentsIfReplaced={
            typed.segmentsIfReplaced === undefined
              ? undefined
              : segmentsOf(renderAsRecipient(tidyBody(replaceUcs2Characters(body, typed.ucs2Characters)), sample, links)).segments
          }
          onReplace={(event) => {
            // With JavaScript the replacement happens in place; without it the button submits.
            event.preventDefault();
            change(replaceUcs2Characters(body, typed.ucs2Characters));
          }}
        />
      ) : null}
    </div>
  );
}

type Ucs2HintProps = {
  body: string;
  characters: Ucs2Character[];
  segments: number;
  segmentsIfReplaced: number | undefined;
  onReplace: (event: MouseEvent<HTMLButtonElement>) => void;
};

function Ucs2Hint({ body, characters, segments, segmentsIfReplaced, onReplace }: Ucs2HintProps) {
  const t = useTranslations('composer.counter.ucs2');
  if (characters.length === 0) {
    // The template is plain GSM-7; a name filled in (João, Thảo) brought UCS-2 in.
    return (
      <div role="note" className="rounded-lg border border-pending/35 bg-warning-soft px-3 py-2 text-sm text-warning-text">
        {t('fromName')}
      </div>
    );
  }
  const listed = characters.slice(0, LISTED_CHARACTERS);
  return (
    <div role="note" className="flex flex-col gap-2 rounded-lg border border-pending/35 bg-warning-soft px-3 py-2.5 text-sm text-warning-text">
      <p className="font-medium">{t('title', { count: characters.length })}</p>
      <ul className="flex flex-col gap-1">
        {listed.map((character) => (
          <li key={character.index} data-ucs2-character={character.char} className="flex flex-wrap items-baseline gap-x-2">
            <code className="rounded bg-surface px-1.5 py-0.5 font-mono text-fg ring-1 ring-line">{visible(character.char)}</code>
            <span className="text-xs">{codePointsOf(character.char)}</span>
            <span>{t('position', { position: [...body.slice(0, character.index)].length + 1 })}</span>
            <span className="text-xs">
              {character.suggestion === undefined
                ? t('noSuggestion')
                : character.suggestion === ''
                  ? t('suggestRemove')
                  : t('suggest', { replacement: character.suggestion })}
            </span>
          </li>
        ))}
        {characters.length > listed.length ? <li className="text-xs">{t('more', { count: characters.length - listed.length })}</li> : null}
      </ul>
      {segmentsIfReplaced === undefined ? (
        <p className="text-xs">{t('cannotReplace')}</p>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p data-segments-if-replaced={String(segmentsIfReplaced)}>
            {segmentsIfReplaced < segments ? t('saving', { replaced: segmentsIfReplaced, current: segments }) : t('noSaving', { current: segments })}
          </p>
          <button
            type="submit"
            name="intent"
            value="replace_ucs2"
            onClick={onReplace}
            className="inline-flex h-8 items-center rounded-lg border border-line-strong bg-surface px-2.5 text-[13px] font-medium text-fg shadow-card hover:bg-surface-hover"
          >
            {t('replace')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Invisible and blank characters drawn as their name, so the list never shows an empty box. */
function visible(char: string): string {
  if (/^[\s\u200B-\u200D\u2060\uFEFF\u00AD]+$/u.test(char)) return '␣';
  return char;
}

function codePointsOf(char: string): string {
  return [...char].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
