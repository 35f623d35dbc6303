// Tremor's Table inside a ScrollRegion: Tremor scrolls wide tables in a plain <div>, which keyboard users cannot
// reach (axe: scrollable-region-focusable). Here the region is focusable, labelled and says when it scrolls; Tremor's
// own scroller is turned off (its className lands on that div).
import { Table } from "@tremor/react";
import type { ComponentProps } from "react";
import { ScrollRegion } from "./scroll-region";

export function DataTable({ label, className = "", maxHeightClass, ...props }: ComponentProps<typeof Table> & { label: string; maxHeightClass?: string }) {
  return (
    <div className={className}>
      <ScrollRegion label={label} maxHeightClass={maxHeightClass}>
        <Table className="overflow-visible" {...props} />
      </ScrollRegion>
    </div>
  );
}
