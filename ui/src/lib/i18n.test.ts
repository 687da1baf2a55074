import { describe, expect, it } from 'vitest';
import { catalogues, languageNames, t } from './i18n.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('fills placeholders', () => {
    expect(t('register.subtitle', { org: 'Acme' })).toBe('Art. 30(1) — the processing activities of Acme');
  });

  it('falls back to the key for unknown strings, so a gap is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('has a catalogue for every language offered', () => {
    expect(Object.keys(catalogues).sort()).toEqual(Object.keys(languageNames).sort());
  });

  for (const lang of Object.keys(languageNames)) {
    it(`${lang} has every English key, none empty, with the same placeholders`, () => {
      const messages = catalogues[lang] ?? {};
      const missing = Object.keys(catalogues.en).filter((k) => !(k in messages));
      expect(missing).toEqual([]);
      const extra = Object.keys(messages).filter((k) => !(k in catalogues.en));
      expect(extra).toEqual([]);
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim(), `${lang}: ${key}`).not.toBe('');
        expect(placeholders(value), `${lang}: ${key}`).toEqual(placeholders(catalogues.en[key]));
      }
    });
  }
});
