import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2">There is no asset or event at this address. Symbols are Yahoo symbols, e.g. ^KS11 or KRW=X.</p>
      <Link href="/" className="mt-4 inline-block text-tremor-brand hover:underline dark:text-dark-tremor-brand">Back to the overview</Link>
    </div>
  );
}
