// Notes are Markdown rendered to React elements: raw HTML is dropped (never injected), links keep only safe
// protocols (react-markdown's defaultUrlTransform blanks javascript:, data: and the like) and open with
// rel="noopener noreferrer nofollow"; images are not loaded, so a note cannot track its readers.
import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

const SAFE_PROTOCOL = /^(https?:|mailto:|\/|#)/i;

export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return SAFE_PROTOCOL.test(cleaned) ? cleaned : "";
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose-sm max-w-none break-words [&_a]:text-tremor-brand [&_a]:underline dark:[&_a]:text-dark-tremor-brand [&_code]:rounded [&_code]:bg-tremor-background-subtle [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1 [&_ul]:list-disc">
      <ReactMarkdown
        skipHtml
        urlTransform={safeUrl}
        disallowedElements={["img"]}
        unwrapDisallowed
        components={{ a: ({ href, children }) => <a href={href} target="_blank" rel="noopener noreferrer nofollow">{children}</a> }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
