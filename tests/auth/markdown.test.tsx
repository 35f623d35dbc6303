import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/app/_components/markdown";

const html = (src: string) => renderToStaticMarkup(<Markdown source={src} />);

describe("note Markdown", () => {
  it("renders Markdown but never raw HTML or scripts", () => {
    expect(html("**bold** and _it_")).toContain("<strong>bold</strong>");
    const out = html('<script>alert(1)</script><img src=x onerror=alert(1)> <b onclick="x()">hi</b>');
    expect(out).not.toMatch(/<script|<img|onerror|onclick|<b>/i);
  });
  it("keeps only safe links", () => {
    expect(html("[ok](https://example.org)")).toContain('href="https://example.org"');
    expect(html("[ok](https://example.org)")).toContain('rel="noopener noreferrer nofollow"');
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>", "vbscript:x"]) {
      expect(html(`[bad](${bad})`)).not.toMatch(/href="(javascript|data|vbscript)/i);
    }
    expect(html("![pixel](https://tracker.example/p.gif)")).not.toContain("<img");
  });
});
