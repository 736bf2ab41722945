import { useEffect, useState } from 'react';

/** Seconds since `running` became true, ticking every 100 ms: the progress of a computation that reports none. */
export function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = performance.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed((performance.now() - started) / 1000), 100);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}
