// A search box query as the substrings looked for in contacts.search_text:
// words of a name in any order, or a phone number however it is written.
import { describe, expect, it } from 'vitest';
import { searchTermsOf } from '@/lib/contacts/search';
import { containsPattern } from '@/lib/search/contains';

describe('searchTermsOf', () => {
  it('finds nothing to filter in an empty query', () => {
    expect(searchTermsOf('   ', 'US')).toEqual([]);
  });

  it('matches names word by word, case-insensitively', () => {
    expect(searchTermsOf('  Ana   SOUZA ', 'US')).toEqual([['ana'], ['souza']]);
  });

  it('reads a number written with punctuation as its digits', () => {
    expect(searchTermsOf('(202) 555', 'US')).toEqual([['202555']]);
    expect(searchTermsOf('2025550', 'US')).toEqual([['2025550']]);
    expect(searchTermsOf('202.555.0143', 'US')).toEqual([['2025550143']]);
    expect(searchTermsOf('+1 202-555-0143', 'US')).toEqual([['12025550143']]);
  });

  it('also looks for the E.164 digits when the national form has a trunk prefix', () => {
    expect(searchTermsOf('020 7946 0018', 'GB')).toEqual([['02079460018', '442079460018']]);
  });

  it('mixes a name and part of a number', () => {
    expect(searchTermsOf('ana 555-01', 'US')).toEqual([['ana'], ['55501']]);
  });

  it('reads full-width digits as digits', () => {
    expect(searchTermsOf('２０２５５５', 'US')).toEqual([['202555']]);
  });

  it('bounds a pasted paragraph', () => {
    expect(searchTermsOf('a b c d e f g h i j', 'US')).toHaveLength(6);
  });
});

describe('containsPattern', () => {
  it('takes LIKE wildcards in the query literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
