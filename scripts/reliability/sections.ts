// The reliability suites write their latest figures into their own section of a document, marked
// `<!-- key:start -->` … `<!-- key:end -->`, and leave the rest of the file alone.
import { readFile, writeFile } from "node:fs/promises";

export async function replaceSection(file: string, key: string, text: string): Promise<void> {
  const doc = await readFile(file, "utf8");
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${start} … ${end} section`);
  await writeFile(file, `${doc.slice(0, a + start.length)}\n${text}\n${doc.slice(b)}`);
}
