// Findings by severity, most severe first, and how the map and the chain view name and colour a
// hop's state: the worst finding's severity, else "in order", with destinations inside the EEA
// kept apart as plainly fine.
import type { Severity } from './generated/Severity';

export const SEVERITIES: Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];

/** A colour class: a severity, `ok` (a transfer in order) or `eea` (no transfer at all). */
export type FlowState = Severity | 'ok' | 'eea';

/** Least to most alarming, so later states are drawn on top and win a comparison. */
export const STATES: FlowState[] = ['eea', 'ok', 'info', 'low', 'medium', 'high', 'blocker'];

export const rankOf = (s: FlowState) => STATES.indexOf(s);

/** The worse of two states. */
export function worse(a: FlowState, b: FlowState): FlowState {
  return rankOf(a) >= rankOf(b) ? a : b;
}

/** A hop's state from its worst finding and whether it leaves the EEA. */
export function stateOf(status: Severity | null, third: boolean): FlowState {
  return status ?? (third ? 'ok' : 'eea');
}

/** The translation key of a state's name. */
export function stateKey(s: FlowState): string {
  return s === 'ok' || s === 'eea' ? `flows.state.${s}` : `severity.${s}`;
}
