// The system's "reduce motion" setting (an accessibility choice on Windows, macOS, Android and iOS): when it is on,
// dialogs, menus and messages appear at once instead of zooming and sliding in. It is read live, so switching the
// setting takes effect without a reload.
import { useEffect, useState } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const media = window.matchMedia?.(QUERY);
    if (!media) return;
    const onChange = () => setReduced(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
