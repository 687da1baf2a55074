import { afterEach, describe, expect, it } from 'vitest';
import { RULES, findingRecordedIn } from './findings';
import { catalogues, languages, setLanguage } from './i18n.svelte';

afterEach(() => setLanguage('en'));

describe('findings', () => {
  it('names the paper a transfer tool was read from, in the UI language', () => {
    expect(findingRecordedIn({ params: { recorded_in: 'dpa' } })).toBe('the data processing agreement');
    expect(findingRecordedIn({ params: {} })).toBe('');
    expect(findingRecordedIn({ params: { recorded_in: 'somewhere_new' } })).toBe('somewhere_new');
    setLanguage('de');
    expect(findingRecordedIn({ params: { recorded_in: 'dpa' } })).not.toBe('the data processing agreement');
  });

  it('lists every rule once, each with its name in every language', () => {
    expect(new Set(RULES).size).toBe(RULES.length);
    for (const lang of languages) {
      for (const rule of RULES) expect(catalogues[lang][`transferRule.${rule}`], `${lang} ${rule}`).toBeTruthy();
    }
  });
});
