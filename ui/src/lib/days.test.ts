import { describe, expect, it } from 'vitest';
import { daysBetween, today } from './days';

describe('days', () => {
  it('takes today from this computer’s calendar, not UTC', () => {
    expect(today(new Date(2026, 11, 2, 23, 30))).toBe('2026-12-02');
    expect(today(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });

  it('counts whole days, negative into the past', () => {
    expect(daysBetween('2026-12-02', '2027-01-01')).toBe(30);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    expect(daysBetween('2026-03-28', '2026-03-30T10:00:00Z')).toBe(2);
  });
});
