"use client";
// Picks compare assets among the stored ones: type to filter by symbol or name, Enter or click to add, × to remove.
import { useId, useMemo, useState } from "react";

interface Props {
  assets: { symbol: string; name: string }[];
  selected: string[];
  colors: string[];
  max: number;
  onAdd(symbol: string): void;
  onRemove(symbol: string): void;
}

export function ComparePicker({ assets, selected, colors, max, onAdd, onRemove }: Props) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return assets.filter((a) => !selected.includes(a.symbol) && (!q || a.symbol.toLowerCase().includes(q) || a.name.toLowerCase().includes(q))).slice(0, 8);
  }, [assets, selected, query]);
  const add = (symbol: string) => {
    onAdd(symbol);
    setQuery("");
    setOpen(false);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-tremor-label">
      {selected.map((s, i) => (
        <span key={s} className="inline-flex items-center gap-1 rounded-full border border-tremor-border px-2 py-0.5 dark:border-dark-tremor-border" data-testid="compare-chip">
          <span aria-hidden="true" className="inline-block h-2 w-3 rounded-sm" style={{ background: colors[i % colors.length] }} />
          {s}
          <button type="button" aria-label={`Remove ${s} from the comparison`} className="px-1 hover:text-rose-600 dark:hover:text-rose-300" onClick={() => onRemove(s)}>×</button>
        </span>
      ))}
      {selected.length < max && (
        <div className="relative">
          <input
            role="combobox"
            aria-expanded={open && matches.length > 0}
            aria-controls={listId}
            aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
            aria-label="Compare with a stored asset"
            placeholder="+ Compare…"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, matches.length - 1));
              else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
              else if (e.key === "Enter" && matches[active]) {
                e.preventDefault();
                add(matches[active].symbol);
              } else if (e.key === "Escape") setOpen(false);
            }}
            className="w-36 rounded-tremor-small border border-tremor-border bg-transparent px-2 py-1 dark:border-dark-tremor-border"
          />
          {open && matches.length > 0 && (
            <ul id={listId} role="listbox" aria-label="Stored assets" className="absolute left-0 z-30 mt-1 max-h-64 w-64 overflow-auto rounded-tremor-default border border-tremor-border bg-tremor-background shadow-lg dark:border-dark-tremor-border dark:bg-dark-tremor-background">
              {matches.map((a, i) => (
                <li
                  key={a.symbol}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`cursor-pointer px-2 py-1 ${i === active ? "bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle" : ""}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add(a.symbol);
                  }}
                >
                  <strong>{a.symbol}</strong> <span className="text-tremor-content dark:text-dark-tremor-content">{a.name}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
