// A dialog whose work ends by opening a drawer (a report just sent, a meeting just called) hands the keyboard focus
// over to that drawer. Closing, a dialog normally puts the focus back on the button that opened it; done after the
// drawer has focused itself — at once when motion is reduced — it would leave Esc and Tab outside the drawer.
import { useCallback, useEffect, useState } from 'react';

export function useHandOver(open: boolean) {
  const [handedOver, setHandedOver] = useState(false);
  useEffect(() => {
    if (open) setHandedOver(false);
  }, [open]);
  const handOver = useCallback((show: (id: number) => void, id: number) => {
    setHandedOver(true);
    show(id);
  }, []);
  return { focusTriggerAfterClose: !handedOver, handOver };
}
