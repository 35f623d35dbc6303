// Hostile bodies, queries, paths and headers for the front-door battery, and the multipart encoding a browser uses to
// post a server action (React's encodeReply: field "0" holds the JSON argument list, "$K1" refers to the FormData
// whose fields are sent as "1_<name>").
import { ID_PAYLOADS, INJECTION_PAYLOADS, TEXT_WITH_NUL } from "../security/hostile-payloads";

export const EVIL_ORIGIN = "https://evil.example";

/** `[[[…]]]` nested `depth` levels: the shape that overflowed the report manifest. */
export const deeplyNested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
export const deeplyNestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const INJECTED = INJECTION_PAYLOADS.join(" ");

/** JSON bodies that no write of the API accepts as they are; each must be refused with a 4xx, never a 5xx. */
export const HOSTILE_JSON_BODIES: { label: string; body: string; contentType?: string }[] = [
  { label: "empty object", body: "{}" },
  { label: "JSON array", body: "[]" },
  { label: "JSON string", body: '"event"' },
  { label: "JSON null", body: "null" },
  { label: "truncated JSON", body: '{"title":' },
  { label: "wrong types", body: JSON.stringify({ title: { $gt: "" }, occurredAt: 20240619, category: ["TREATY"], severity: "high", countries: "RU", name: 5, body: [], version: "x", ids: "1,2", into: {} }) },
  { label: "injection strings", body: JSON.stringify({ title: INJECTED, occurredAt: "2024-06-19'; DROP TABLE event; --", category: "=cmd|' /C calc'!A0", severity: "1 OR 1=1", countries: ["<script>"], name: INJECTED, body: INJECTED, eventId: "../1", version: "0x10" }) },
  { label: "NUL characters", body: JSON.stringify({ title: TEXT_WITH_NUL, occurredAt: "2024-06-19", category: "TREATY", severity: 3, countries: ["RU"], name: TEXT_WITH_NUL, body: TEXT_WITH_NUL, summary: TEXT_WITH_NUL }) },
  { label: "prototype pollution", body: '{"__proto__":{"role":"ADMIN"},"constructor":{"prototype":{"role":"ADMIN"}},"title":"x"}' },
  { label: "nested 10,000 deep (array)", body: deeplyNested(10_000) },
  { label: "nested 10,000 deep (object)", body: deeplyNestedObject(10_000) },
  { label: "huge number", body: '{"severity":1e400,"version":-9007199254740993,"id":99999999999999999999}' },
  { label: "over 1 MB", body: JSON.stringify({ title: "x".repeat(1_100_000) }) },
  { label: "JSON sent as text/plain", body: JSON.stringify({ title: "CSRF-shaped" }), contentType: "text/plain" },
  { label: "multipart without boundary", body: "--x\r\n", contentType: "multipart/form-data" },
  { label: "XML", body: "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", contentType: "application/xml" },
  { label: "invalid UTF-8", body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d]).toString("latin1"), contentType: "application/json; charset=utf-8" },
  { label: "UTF-16 declared", body: "{}", contentType: "application/json; charset=utf-16" },
];

/** Query strings for reads. */
export const HOSTILE_QUERIES = [
  "?page=-1&pageSize=100000&sort=;DROP%20TABLE%20event",
  `?q=${encodeURIComponent(INJECTED)}&from=2024-02-30&to=0000-00-00`,
  "?from=%00&to=%E0%A4%A&asOf=%ED%A0%80",
  "?category=TREATY&category=WAR&category[]=x&severity[gt]=1&countries[__proto__]=1",
  `?${Array.from({ length: 2_000 }, (_, i) => `k${i}=${i}`).join("&")}`,
  `?q=${"%25".repeat(2_000)}`,
  "?eventIds=1,2,x&ids=-1&window=-5,999999&estimation=abc&includeDeleted=true&version=0x10",
];

/** Values placed where an id, a symbol or a report name belongs (as path segments, percent-encoded once). */
export const PATH_SEGMENTS = [
  ...ID_PAYLOADS.filter((p) => p !== "").map((p) => encodeURIComponent(p)),
  "%25",
  "%255EKS11",
  "%ED%A0%80",
  "%C0%AF",
  "%ff",
  "..%2f..%2fetc%2fpasswd",
  "%00",
  "x".repeat(3_000),
  encodeURIComponent("<script>alert(1)</script>"),
];

export interface MultipartPart {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body exactly as written (so malformed ones can be sent too). */
export function multipart(parts: MultipartPart[], boundary = "----FaultlineHostileSuite7MA4YWxkTrZu0gW"): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value, "utf8"));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A server action's arguments as a browser sends them for `useActionState` + `<form>`: (previous state, FormData). */
export function actionForm(fields: Record<string, string>, files: MultipartPart[] = []): MultipartPart[] {
  return [
    ...Object.entries(fields).map(([k, v]) => ({ name: `1_${k}`, value: v })),
    ...files.map((f) => ({ ...f, name: `1_${f.name}` })),
    { name: "0", value: JSON.stringify([null, "$K1"]) },
  ];
}

/** Form fields an attacker fills in whatever the action: every action reads some of these. */
export const HOSTILE_FORM_FIELDS: Record<string, string>[] = [
  {},
  { id: "1 OR 1=1", version: "-1", userId: "<script>alert(1)</script>", eventId: "../1", assetId: "0x10", themeId: "1e3", tokenId: "%00", role: "ROOT", scope: "GOD" },
  { title: TEXT_WITH_NUL, name: TEXT_WITH_NUL, email: `a${TEXT_WITH_NUL}@example.test`, password: TEXT_WITH_NUL, body: TEXT_WITH_NUL, summary: TEXT_WITH_NUL, symbol: TEXT_WITH_NUL },
  { title: INJECTED, name: "=cmd|' /C calc'!A0", email: "not-an-email", password: "short", newPassword: "a", currentPassword: "b", occurredAt: "2024-02-30", severity: "9", category: "WAR", countries: "XX", symbol: "../../etc/passwd" },
];
