import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import { t } from './i18n';

describe('translations', () => {
  it('fills placeholders', () => {
    expect(t('register.subtitle', { org: 'Acme' })).toBe('Art. 30(1) — the processing activities of Acme');
  });

  it('falls back to the key for unknown strings, so a gap is visible', () => {
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('has no empty English string', () => {
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('');
  });
});
