import { Badge } from "./badge";

/** Shown wherever synthetic demo prices appear, so nobody mistakes them for market data. */
export function SyntheticBadge() {
  return (
    <Badge color="amber" tooltip="Generated offline by Faultline's demo provider; not market prices">
      synthetic demo data
    </Badge>
  );
}
