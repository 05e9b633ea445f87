import type { FlagKind } from '../../engine/types';

// What each kind of flag means, in the words a reader sees in the card, popup and options.
// One line each: the card is small and the reader is in the middle of an article.

export interface KindInfo {
  label: string;
  explanation: string;
}

export const KIND_INFO: Record<FlagKind, KindInfo> = {
  unverified: {
    label: 'Unverified',
    explanation: 'The article says this claim has not been verified or was made without evidence.',
  },
  hedge: {
    label: 'Hedge',
    explanation: 'The writer reports this claim while keeping a distance from it.',
  },
  'vague-source': {
    label: 'Vague source',
    explanation: 'The claim rests on a source you cannot identify or check.',
  },
  omission: {
    label: 'Omission',
    explanation: 'The article says some information is missing or was not given.',
  },
};

export const CONFLICT_INFO: KindInfo = {
  label: 'Conflicting figure',
  explanation: 'Another page you read gives a different figure for the same thing.',
};
