import type { Conflict, Figure } from '../types';

// Placeholder until the conflict rules land.
export function findConflicts(_figures: readonly Figure[]): Conflict[] {
  return [];
}
