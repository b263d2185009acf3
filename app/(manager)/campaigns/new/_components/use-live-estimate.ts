'use client';
// The live estimate: with JavaScript, the server's estimate of the form as it stands,
// asked for shortly after the manager stops typing, so the summary follows the draft.
import { useEffect, useRef, useState } from 'react';
import { estimateComposerDraft } from '../actions';
import type { EstimateView } from './composer-state';

/** How long typing must pause before the estimate is asked for again. */
const LIVE_ESTIMATE_DELAY_MS = 450;

/**
 * The server's estimate of the form as it stands, asked for shortly after the manager
 * stops typing. An answer that a later change overtook is dropped; a draft that cannot
 * be read yet (a half-typed date) keeps the last estimate.
 */
export function useLiveEstimate(round: string) {
  const [live, setLive] = useState<{ round: string; estimate: EstimateView } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  function refresh(form: HTMLFormElement) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(form);
      data.set('intent', 'check');
      const ticket = ++latest.current;
      setRefreshing(true);
      estimateComposerDraft(data)
        .then((estimate) => {
          if (ticket !== latest.current) return;
          if (estimate) setLive({ round, estimate });
          setRefreshing(false);
        })
        .catch(() => {
          if (ticket === latest.current) setRefreshing(false);
        });
    }, LIVE_ESTIMATE_DELAY_MS);
  }

  return { estimate: live?.round === round ? live.estimate : null, refreshing, refresh };
}
