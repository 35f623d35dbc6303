// The storyline Faultline ships with: Russia and North Korea's alignment from 2023 to 2025, the assets exposed to
// it and the hypotheses an analyst would start from. Titles and summaries are our own; each event cites a source.
import type { AssetClassName } from "@/lib/market-data/provider";
import type { Direction, EventCategory } from "@/lib/enums";

export interface SeedAsset {
  symbol: string;
  name: string;
  assetClass: AssetClassName;
  currency: string;
  exchange: string;
  timeZone: string;
  country: string | null;
  benchmark: string | null;
}

export interface SeedExposure {
  symbol: string;
  direction: Direction;
  rationale: string;
}

export interface SeedEvent {
  date: string;
  title: string;
  category: EventCategory;
  severity: number;
  countries: string[];
  summary: string;
  sources: string[];
  tags: string[];
  exposures: SeedExposure[];
}

export const SEED_THEME = {
  name: "Russia–North Korea alignment",
  description:
    "From arms deliveries to a mutual-defence treaty and troops in Kursk: the deepening Russia–DPRK partnership, the sanctions it draws and the security risk it adds on the Korean Peninsula.",
};

/**
 * Benchmarks (docs/api.md, "Benchmarks"): ^GSPC for US and global instruments; KOSPI for
 * Korean stocks and for USD/KRW, whose moves on Korean risk events mirror foreign flows out of Korean equities (the
 * dollar index is not stored). ^GSPC is the market itself and USD/RUB has no stored market it trades with (Russian
 * equities left global indices in 2022): both are studied with the constant-mean model on purpose, which their pages state.
 */
export const SEED_ASSETS: SeedAsset[] = [
  { symbol: "^GSPC", name: "S&P 500", assetClass: "EQUITY_INDEX", currency: "USD", exchange: "SNP", timeZone: "America/New_York", country: "US", benchmark: null },
  { symbol: "^KS11", name: "KOSPI Composite Index", assetClass: "EQUITY_INDEX", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", benchmark: "^GSPC" },
  { symbol: "KRW=X", name: "USD/KRW", assetClass: "FX", currency: "KRW", exchange: "CCY", timeZone: "Europe/London", country: "KR", benchmark: "^KS11" },
  { symbol: "EWY", name: "iShares MSCI South Korea ETF", assetClass: "ETF", currency: "USD", exchange: "PCX", timeZone: "America/New_York", country: "KR", benchmark: "^GSPC" },
  { symbol: "RUB=X", name: "USD/RUB", assetClass: "FX", currency: "RUB", exchange: "CCY", timeZone: "Europe/London", country: "RU", benchmark: null },
  { symbol: "GC=F", name: "Gold futures", assetClass: "COMMODITY_FUTURE", currency: "USD", exchange: "CMX", timeZone: "America/New_York", country: null, benchmark: "^GSPC" },
  { symbol: "BZ=F", name: "Brent crude oil futures", assetClass: "COMMODITY_FUTURE", currency: "USD", exchange: "NYM", timeZone: "America/New_York", country: null, benchmark: "^GSPC" },
  { symbol: "ZW=F", name: "Wheat futures", assetClass: "COMMODITY_FUTURE", currency: "USX", exchange: "CBT", timeZone: "America/Chicago", country: null, benchmark: "^GSPC" },
  { symbol: "LMT", name: "Lockheed Martin Corporation", assetClass: "EQUITY", currency: "USD", exchange: "NYQ", timeZone: "America/New_York", country: "US", benchmark: "^GSPC" },
  { symbol: "012450.KS", name: "Hanwha Aerospace Co., Ltd.", assetClass: "EQUITY", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", benchmark: "^KS11" },
  { symbol: "005930.KS", name: "Samsung Electronics Co., Ltd.", assetClass: "EQUITY", currency: "KRW", exchange: "KSC", timeZone: "Asia/Seoul", country: "KR", benchmark: "^KS11" },
];

/**
 * An example book for the portfolio pages, in USD: Korean equities (priced in KRW, so also a won exposure through
 * KRW=X), the Korea ETF, and gold futures held long as the risk-off hedge. Only seeded assets.
 */
export const SEED_PORTFOLIO = {
  name: "Example: Korea equities and won, gold hedge",
  description:
    "An example portfolio shipped with the demo storyline: Korean equity and won exposure (Samsung Electronics and Hanwha Aerospace in KRW, " +
    "the iShares MSCI South Korea ETF in USD) with long gold futures as a risk-off hedge. Edit or delete it freely.",
  baseCurrency: "USD",
  positions: [
    { symbol: "005930.KS", quantity: 2_000 },
    { symbol: "012450.KS", quantity: 300 },
    { symbol: "EWY", quantity: 1_500 },
    { symbol: "GC=F", quantity: 20 },
  ],
};

const PENINSULA_RISK: SeedExposure[] = [
  { symbol: "^KS11", direction: "DOWN", rationale: "A stronger Russia–DPRK military bond raises the Korean Peninsula's security risk premium on Korean equities." },
  { symbol: "KRW=X", direction: "UP", rationale: "Regional security scares push foreign investors out of won assets: USD/KRW rises." },
  { symbol: "EWY", direction: "DOWN", rationale: "Dollar-based holders of Korean equities take both the equity and the currency hit." },
  { symbol: "005930.KS", direction: "DOWN", rationale: "The bellwether of foreign flows into Korea carries the country risk premium first." },
  { symbol: "012450.KS", direction: "UP", rationale: "Korea's largest defence contractor gains from higher regional defence spending and export demand." },
  { symbol: "GC=F", direction: "UP", rationale: "A safe haven bid when great-power alignment against the West deepens." },
];

const SANCTIONS_RISK: SeedExposure[] = [
  { symbol: "RUB=X", direction: "UP", rationale: "Sanctions intensification restricts Russia's payments and trade: the rouble weakens (USD/RUB up)." },
  { symbol: "BZ=F", direction: "UP", rationale: "Measures against Russian oil shipping tighten seaborne supply and trade routes." },
  { symbol: "GC=F", direction: "UP", rationale: "Sanctioned states and their partners buy gold outside the dollar system." },
];

const DEFENCE_DEMAND: SeedExposure[] = [
  { symbol: "LMT", direction: "UP", rationale: "A wider war with foreign troops raises Western defence budgets and orders." },
  { symbol: "012450.KS", direction: "UP", rationale: "Korean artillery and armour exports gain as Europe and Korea rearm." },
  { symbol: "ZW=F", direction: "UNCERTAIN", rationale: "Escalation around the Black Sea can disrupt grain routes, but the corridor kept running through 2024." },
];

export const SEED_EVENTS: SeedEvent[] = [
  {
    date: "2023-07-27", title: "Shoigu joins Kim Jong Un at Pyongyang's Victory Day parade", category: "DIPLOMACY", severity: 3, countries: ["RU", "KP"],
    summary: "Russia's defence minister attends the armistice-anniversary parade beside Kim Jong Un after touring a weapons exhibition with him the day before — the first visit by a Russian defence minister since the Soviet era.",
    sources: ["https://www.i24news.tv/en/news/international/asia-pacific/1690437871-n-korea-s-kim-shows-new-military-drones-ballistic-missiles-to-russian-dm"],
    tags: ["military", "visit"], exposures: PENINSULA_RISK.slice(0, 3),
  },
  {
    date: "2023-09-13", title: "Kim and Putin meet at the Vostochny Cosmodrome", category: "SUMMIT", severity: 4, countries: ["RU", "KP"],
    summary: "Kim Jong Un travels by train to Russia's Far East for a summit with Vladimir Putin; talks cover military matters, the war in Ukraine and satellite technology.",
    sources: ["https://www.unionleader.com/news/military/putin-and-north-koreas-kim-discuss-military-matters-ukraine-war-and-satellites/article_2a593c8a-44e9-53e0-87af-4a7b50d19a68.html"],
    tags: ["summit"], exposures: [...PENINSULA_RISK, { symbol: "LMT", direction: "UP", rationale: "Arms-for-technology cooperation prolongs the war and supports Western defence demand." }],
  },
  {
    date: "2024-03-28", title: "Russian veto ends the UN panel monitoring sanctions on North Korea", category: "UN", severity: 3, countries: ["RU", "KP", "US", "CN"],
    summary: "Russia vetoes the Security Council resolution that would have renewed the 1718 Committee's Panel of Experts (13 in favour, China abstaining), ending independent monitoring of DPRK sanctions.",
    sources: ["https://localnews8.com/news/ap-national/2024/03/28/russia-vetoes-un-resolution-abolishing-monitoring-of-un-sanctions-against-north-korea-by-un-experts/"],
    tags: ["un", "sanctions"], exposures: [PENINSULA_RISK[1]!, { symbol: "GC=F", direction: "UNCERTAIN", rationale: "A weaker sanctions regime matters for the region more than for safe havens." }],
  },
  {
    date: "2024-06-19", title: "Putin and Kim sign the Comprehensive Strategic Partnership Treaty in Pyongyang", category: "TREATY", severity: 5, countries: ["RU", "KP"],
    summary: "During Putin's first visit to Pyongyang in 24 years the two leaders sign a treaty with a mutual-assistance clause: each side pledges military help if the other is attacked.",
    sources: ["https://unn.ua/en/news/reuters-russia-dprk-sign-strategic-partnership-agreement-that-includes-military-support"],
    tags: ["treaty", "mutual defence"], exposures: [...PENINSULA_RISK, ...SANCTIONS_RISK.slice(0, 2), DEFENCE_DEMAND[0]!],
  },
  {
    date: "2024-09-13", title: "Kim Jong Un receives Sergei Shoigu in Pyongyang", category: "DIPLOMACY", severity: 4, countries: ["RU", "KP"],
    summary: "Now secretary of Russia's Security Council, Shoigu meets Kim in Pyongyang to take the treaty's security cooperation forward.",
    sources: ["https://www.trtworld.com/article/18207373"],
    tags: ["visit", "security council"], exposures: [...PENINSULA_RISK, SANCTIONS_RISK[0]!],
  },
  {
    date: "2024-10-18", title: "South Korea's intelligence service: North Korean special forces shipped to Russia", category: "INTELLIGENCE", severity: 5, countries: ["KP", "RU", "KR"],
    summary: "The NIS says about 1,500 special-forces troops were shipped to Russia between 8 and 13 October, the first of some 11,000–12,000.",
    sources: ["http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=188550"],
    tags: ["troops", "kursk"], exposures: [...PENINSULA_RISK, ...DEFENCE_DEMAND],
  },
  {
    date: "2024-10-23", title: "US Defense Secretary confirms evidence of North Korean troops in Russia", category: "MILITARY", severity: 4, countries: ["US", "KP", "RU"],
    summary: "Lloyd Austin says Washington has evidence that North Korean soldiers are in Russia, turning the South Korean assessment into an allied one.",
    sources: ["https://www.oodaloop.com/briefs/2024/10/24/u-s-says-north-korean-troops-are-in-russia-to-aid-fight-against-ukraine/"],
    tags: ["troops"], exposures: [...PENINSULA_RISK.slice(0, 3), DEFENCE_DEMAND[0]!],
  },
  {
    date: "2024-10-24", title: "State Duma ratifies the Russia–DPRK treaty", category: "TREATY", severity: 3, countries: ["RU", "KP"],
    summary: "Russia's lower house votes to ratify the Comprehensive Strategic Partnership Treaty.",
    sources: ["https://www.dailymail.co.uk/wires/reuters/article-13995869/Russian-parliament-votes-ratify-North-Korea-partnership-treaty.html"],
    tags: ["treaty", "ratification"], exposures: PENINSULA_RISK.slice(0, 2),
  },
  {
    date: "2024-11-06", title: "Federation Council ratifies the treaty", category: "TREATY", severity: 2, countries: ["RU", "KP"],
    summary: "Russia's upper house approves the ratification law.", sources: ["https://japannews.yomiuri.co.jp/news-services/reuters/20241106-221032/"],
    tags: ["treaty", "ratification"], exposures: [],
  },
  {
    date: "2024-11-09", title: "Putin signs the law ratifying the treaty", category: "TREATY", severity: 2, countries: ["RU", "KP"],
    summary: "The ratification law is signed and published.", sources: ["https://tass.com/world/1882445"], tags: ["treaty", "ratification"], exposures: [],
  },
  {
    date: "2024-11-11", title: "Kim Jong Un signs the decree ratifying the treaty", category: "TREATY", severity: 3, countries: ["KP", "RU"],
    summary: "North Korea completes its side of the ratification; KCNA announces it the next day.",
    sources: ["https://kyivindependent.com/north-korea-ratifies-defense-treaty-with-russia/"], tags: ["treaty", "ratification"], exposures: PENINSULA_RISK.slice(0, 2),
  },
  {
    date: "2024-11-29", title: "Defence ministers Belousov and No Kwang Chol hold talks in Pyongyang", category: "MILITARY", severity: 3, countries: ["RU", "KP"],
    summary: "Russia's defence minister meets his North Korean counterpart to expand military cooperation under the treaty.",
    sources: ["https://dprk.news-pravda.com/en/south-korea/2024/12/05/639.html"], tags: ["visit", "defence ministers"], exposures: PENINSULA_RISK.slice(0, 3),
  },
  {
    date: "2024-12-04", title: "The Russia–DPRK treaty enters into force", category: "TREATY", severity: 4, countries: ["RU", "KP"],
    summary: "Instruments of ratification are exchanged in Moscow and the mutual-assistance obligations take effect.",
    sources: ["https://interfax.com/newsroom/top-stories/108291/"], tags: ["treaty"], exposures: [...PENINSULA_RISK, SANCTIONS_RISK[0]!],
  },
  {
    date: "2024-12-16", title: "US Treasury sanctions North Korean banks and Russian oil shippers over military support", category: "SANCTIONS", severity: 4, countries: ["US", "KP", "RU"],
    summary: "OFAC designates North Korean banks, generals and officials, and Russian oil-shipping firms, for North Korea's military support to Russia.",
    sources: ["https://ca.news.yahoo.com/us-sanctions-target-north-korea-151616252.html"], tags: ["sanctions", "ofac"], exposures: SANCTIONS_RISK,
  },
  {
    date: "2024-12-16", title: "EU's 15th sanctions package lists North Korea's defence minister", category: "SANCTIONS", severity: 3, countries: ["EU", "KP", "RU"],
    summary: "The EU lists DPRK Defence Minister No Kwang Chol and a deputy chief of the General Staff over the troop deployment.",
    sources: ["https://australia.news-pravda.com/ukraine/2024/12/17/703.html"], tags: ["sanctions", "eu"], exposures: SANCTIONS_RISK.slice(0, 2),
  },
  {
    date: "2024-12-17", title: "South Korea blacklists Russian and North Korean individuals and firms", category: "SANCTIONS", severity: 3, countries: ["KR", "KP", "RU"],
    summary: "Seoul sanctions 11 individuals and 15 entities tied to illicit military cooperation, effective 19 December.",
    sources: ["https://www.business-standard.com/amp/world-news/us-sanctions-target-north-korea-and-russia-over-military-cooperation-124121700212_1.html"],
    tags: ["sanctions"], exposures: [PENINSULA_RISK[1]!, SANCTIONS_RISK[0]!],
  },
  {
    date: "2025-01-11", title: "Ukraine captures two North Korean soldiers in the Kursk region", category: "MILITARY", severity: 4, countries: ["UA", "KP", "RU"],
    summary: "Zelensky announces the capture of two wounded North Korean soldiers, the first held alive, as evidence of Pyongyang's direct involvement.",
    sources: ["https://www.wionews.com/world/evidence-of-involvement-zelensky-says-ukraine-captured-two-north-korean-soldiers-in-kursk-region-8610796"],
    tags: ["troops", "kursk"], exposures: [...PENINSULA_RISK.slice(0, 3), DEFENCE_DEMAND[0]!],
  },
  {
    date: "2025-02-24", title: "UK sanctions North Korea's defence minister and generals", category: "SANCTIONS", severity: 3, countries: ["GB", "KP", "RU"],
    summary: "On the invasion's third anniversary the UK lists No Kwang Chol, Kim Yong Bok and other generals.",
    sources: ["https://rki.kbs.co.kr/service/news_view.htm?Seq_Code=76849&lang=i"], tags: ["sanctions", "uk"], exposures: SANCTIONS_RISK.slice(0, 1),
  },
  {
    date: "2025-02-24", title: "EU's 16th sanctions package adds two North Korean officers", category: "SANCTIONS", severity: 2, countries: ["EU", "KP", "RU"],
    summary: "The EU lists the head of North Korea's intelligence bureau and the General Staff's head of operations.",
    sources: ["https://newsxtream.com/en/news/eu-imposes-sanctions-on-two-north-korean-generals"], tags: ["sanctions", "eu"], exposures: SANCTIONS_RISK.slice(0, 2),
  },
  {
    date: "2025-04-26", title: "Russia's General Staff acknowledges North Korean troops fought in Kursk", category: "MILITARY", severity: 4, countries: ["RU", "KP"],
    summary: "Valery Gerasimov publicly credits North Korean units for the first time.",
    sources: ["https://www.nknews.org/2025/04/in-a-first-russia-confirms-north-koreas-involvement-in-ukraine-war/"], tags: ["troops", "kursk"], exposures: PENINSULA_RISK.slice(0, 3),
  },
  {
    date: "2025-04-28", title: "North Korea confirms it sent troops to fight for Russia", category: "MILITARY", severity: 4, countries: ["KP", "RU"],
    summary: "The Workers' Party Central Military Commission confirms the deployment through KCNA, citing the treaty's mutual-assistance clause.",
    sources: ["https://www.politico.eu/article/north-korea-sent-troops-fight-russia-ukraine/"], tags: ["troops", "kursk"], exposures: [...PENINSULA_RISK, ...DEFENCE_DEMAND.slice(0, 2)],
  },
];
