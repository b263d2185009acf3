// Fills a message template for one recipient: the merge fields {first_name},
// {last_name} and {survey_link}, and every web address rewritten to its tracked link
// (PUBLIC_URL/l/CODE, built by the caller). The survey link is not rewritten: the
// survey records its own views.
import { findUrls, linkDestination } from '@/lib/messaging/links';

export const MERGE_FIELDS = ['first_name', 'last_name', 'survey_link'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type Recipient = {
  firstName: string | null | undefined;
  lastName: string | null | undefined;
  /** PUBLIC_URL/s/TOKEN of this recipient's survey invitation. */
  surveyLink?: string | null;
  /** Returns the tracked link for a destination; without it, URLs stay as written. */
  trackLink?: (destination: string) => string;
};

// Anything that looks like a merge field, so a misspelt one ({First_Name}, {fname})
// is refused by the composer instead of reaching recipients as written.
const FIELD_LIKE = /\{\s*[\p{L}\p{N}_ -]+\s*\}/gu;
const FIELD = /\{(first_name|last_name|survey_link)\}/g;
const PUNCTUATION_AFTER_GAP = /[,.!?;:)\]]/;

/** The `{…}` tokens of a template that are not merge fields, each once, in order. */
export function findUnknownMergeFields(template: string): string[] {
  const known = new Set(MERGE_FIELDS.map((field) => `{${field}}`));
  return [...new Set(template.match(FIELD_LIKE) ?? [])].filter((token) => !known.has(token));
}

/** A name as one line: control characters gone, runs of whitespace made one space. */
function cleanValue(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Appends `text` to `out` with the fields filled. A field that fills with nothing
 * takes one neighbouring space with it, so "Hi {first_name}, …" becomes "Hi, …" and
 * "Dear {first_name} {last_name}." becomes "Dear." — never a double space or a space
 * before punctuation. Wording around a missing name ("Hi there") is the author's call.
 */
function appendFilled(out: string, text: string, values: Record<MergeField, string>): string {
  let from = 0;
  for (const match of text.matchAll(FIELD)) {
    out += text.slice(from, match.index);
    from = match.index + match[0].length;
    const value = values[match[1] as MergeField];
    if (value !== '') {
      out += value;
      continue;
    }
    const next = text[from];
    if (/[ \t]$/.test(out) && (next === undefined || /\s/.test(next) || PUNCTUATION_AFTER_GAP.test(next))) {
      out = out.replace(/[ \t]+$/, '');
    } else if ((out === '' || out.endsWith('\n')) && (next === ' ' || next === '\t')) {
      while (text[from] === ' ' || text[from] === '\t') from++;
    }
  }
  return out + text.slice(from);
}

/** The message one recipient gets. */
export function renderMessage(template: string, recipient: Recipient): string {
  const values: Record<MergeField, string> = {
    first_name: cleanValue(recipient.firstName),
    last_name: cleanValue(recipient.lastName),
    survey_link: cleanValue(recipient.surveyLink),
  };
  // Inside a web address a field is filled URL-encoded, and the link is tracked with
  // the recipient's own destination.
  const encoded = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, encodeURIComponent(value)])) as Record<
    MergeField,
    string
  >;
  let out = '';
  let from = 0;
  for (const url of findUrls(template)) {
    out = appendFilled(out, template.slice(from, url.start), values);
    const destination = linkDestination(url.text).replace(FIELD, (_, field: MergeField) => encoded[field]);
    out += recipient.trackLink ? recipient.trackLink(destination) : url.text.replace(FIELD, (_, field: MergeField) => encoded[field]);
    from = url.end;
  }
  return appendFilled(out, template.slice(from), values);
}
