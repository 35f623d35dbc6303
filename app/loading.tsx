// Shown while a page's data loads (each widget also has its own skeleton).
export default function Loading() {
  return (
    <div className="animate-pulse space-y-4" aria-busy="true" aria-label="Loading">
      <div className="h-8 w-64 rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle" />
      <div className="h-64 rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle" />
    </div>
  );
}
