export { parsePriceCsv } from "./parse-price-csv";
export type {
  PriceCsvColumn,
  PriceCsvFlag,
  PriceCsvFlagCode,
  PriceCsvOptions,
  PriceCsvResult,
  PriceCsvRowError,
} from "./parse-price-csv";
