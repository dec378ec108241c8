import type { ReactNode } from 'react';

/**
 * A screen kept mounted while another shows. Hidden with content-visibility rather than display: none, so the
 * browser keeps its style and layout and showing it again costs little (for the charts' screen, a display switch
 * meant restyling and laying out every chart: 60-120 ms). Its controls are out of the tab order (content-visibility:
 * hidden) and of the accessibility tree (aria-hidden); the keyboard browser test checks both.
 */
export function KeptScreen({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div className={shown ? undefined : 'kept-hidden'} aria-hidden={shown ? undefined : true}>
      {children}
    </div>
  );
}
