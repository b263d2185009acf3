import { describe, expect, it } from 'vitest';
import { findUnknownMergeFields, renderMessage } from '@/lib/messaging/merge-fields';

const ana = { firstName: 'Ana', lastName: 'Silva' };

/** A trackLink that numbers the links and remembers where each leads. */
function tracker() {
  const destinations: string[] = [];
  return {
    destinations,
    trackLink: (destination: string) => {
      destinations.push(destination);
      return `https://pulse.example/l/CODE${destinations.length}`;
    },
  };
}

describe('filling merge fields', () => {
  it('fills first and last name and the survey link', () => {
    expect(renderMessage('Hi {first_name} {last_name}! Tell us: {survey_link}', { ...ana, surveyLink: 'https://pulse.example/s/TOKEN' })).toBe(
      'Hi Ana Silva! Tell us: https://pulse.example/s/TOKEN',
    );
  });

  it('fills a field every time it appears', () => {
    expect(renderMessage('{first_name}, {first_name}!', ana)).toBe('Ana, Ana!');
  });

  it('is case-sensitive and leaves other braces alone', () => {
    expect(renderMessage('Hi {First_Name} {fname} {50% off}', ana)).toBe('Hi {First_Name} {fname} {50% off}');
  });

  it('puts a name on one line and trims it', () => {
    expect(renderMessage('Hi {first_name}!', { firstName: '  Ana\nMaria\t ', lastName: null })).toBe('Hi Ana Maria!');
    expect(renderMessage('Hi {first_name}!', { firstName: 'Ana\u0000\u0007', lastName: null })).toBe('Hi Ana!');
  });

  it('keeps names with emoji and accents as they are', () => {
    expect(renderMessage('Olá {first_name}', { firstName: 'João 🎉', lastName: '' })).toBe('Olá João 🎉');
  });

  it('does not let a name inject another merge field', () => {
    expect(renderMessage('Hi {first_name} {last_name}', { firstName: '{last_name}', lastName: 'Silva' })).toBe('Hi {last_name} Silva');
  });
});

describe('an empty name leaves no stray spaces', () => {
  it.each([
    ['Hi {first_name}, your order is ready', 'Hi, your order is ready'],
    ['Hi {first_name}!', 'Hi!'],
    ['Hi {first_name}', 'Hi'],
    ['Hi {first_name} and welcome', 'Hi and welcome'],
    ['{first_name} welcome', 'welcome'],
    ['Dear {first_name} {last_name}, thanks', 'Dear, thanks'],
    ['Dear {first_name} {last_name}.', 'Dear.'],
    ['Line one\n{first_name} line two', 'Line one\nline two'],
    ['Hi {first_name}\nBye', 'Hi\nBye'],
    ['({first_name})', '()'],
  ])('%j → %j', (template, expected) => {
    expect(renderMessage(template, { firstName: '', lastName: null })).toBe(expected);
    expect(renderMessage(template, { firstName: '   ', lastName: undefined })).toBe(expected);
  });
});

describe('web addresses become tracked links', () => {
  it('rewrites each URL to the link the caller gives, with the real destination', () => {
    const t = tracker();
    const body = renderMessage('Hi {first_name}, sale at https://shop.example.com/sale. Terms: www.shop.example.com/terms', { ...ana, trackLink: t.trackLink });
    expect(body).toBe('Hi Ana, sale at https://pulse.example/l/CODE1. Terms: https://pulse.example/l/CODE2');
    expect(t.destinations).toEqual(['https://shop.example.com/sale', 'http://www.shop.example.com/terms']);
  });

  it('keeps trailing punctuation and closing brackets out of the link', () => {
    const t = tracker();
    expect(renderMessage('(see https://shop.example.com/a), or https://shop.example.com/b!', { ...ana, trackLink: t.trackLink })).toBe(
      '(see https://pulse.example/l/CODE1), or https://pulse.example/l/CODE2!',
    );
    expect(t.destinations).toEqual(['https://shop.example.com/a', 'https://shop.example.com/b']);
  });

  it('does not track the survey link, which records its own views', () => {
    const t = tracker();
    expect(renderMessage('Tell us: {survey_link}', { ...ana, surveyLink: 'https://pulse.example/s/TOKEN', trackLink: t.trackLink })).toBe(
      'Tell us: https://pulse.example/s/TOKEN',
    );
    expect(t.destinations).toEqual([]);
  });

  it("fills a field inside a URL, encoded, and tracks the recipient's own destination", () => {
    const t = tracker();
    renderMessage('Your page: https://shop.example.com/hi?name={first_name}&x=1', { firstName: 'Ana Maria', lastName: '', trackLink: t.trackLink });
    expect(t.destinations).toEqual(['https://shop.example.com/hi?name=Ana%20Maria&x=1']);
  });

  it('leaves URLs as written when there is nothing to track with (opted-out recipients)', () => {
    expect(renderMessage('Sale: www.shop.example.com/{first_name}', { firstName: 'Zoë', lastName: '' })).toBe('Sale: www.shop.example.com/Zo%C3%AB');
  });

  it('does not treat a name that looks like a URL as a link of the message', () => {
    const t = tracker();
    expect(renderMessage('Hi {first_name}', { firstName: 'www.evil.example', lastName: '', trackLink: t.trackLink })).toBe('Hi www.evil.example');
    expect(t.destinations).toEqual([]);
  });
});

describe('merge fields the composer must refuse', () => {
  it('lists unknown fields once each, in order', () => {
    expect(findUnknownMergeFields('Hi {First_Name} {fname}, {first_name} {fname} { last_name } {código}')).toEqual([
      '{First_Name}',
      '{fname}',
      '{ last_name }',
      '{código}',
    ]);
  });

  it('finds none in a template with known fields only, or literal braces', () => {
    expect(findUnknownMergeFields('Hi {first_name} {last_name}: {survey_link}')).toEqual([]);
    expect(findUnknownMergeFields('Save {50% off} today {}')).toEqual([]);
  });
});
