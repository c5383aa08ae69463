import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type ReactNode } from 'react';

interface ExportVirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** The list's accessible name. */
  label: string;
  /** Lists up to this long are rendered whole: simpler for assistive technology and find-in-page. */
  threshold?: number;
  /** Height of one row before it is measured, in pixels. */
  estimateRowHeight?: number;
  /**
   * Rows without controls: the scroll box then takes focus itself, so keyboard users can
   * scroll it (rows with checkboxes scroll into view as focus moves through them).
   */
  textOnly?: boolean;
  className?: string;
}

/**
 * A list that renders only the rows in view once it is long. The virtualizer writes row
 * positions and the list's height straight to the elements' style objects
 * (`directDomUpdates`): the CSP forbids style attributes in markup, but not that.
 */
export function ExportVirtualList<T>(props: ExportVirtualListProps<T>) {
  const { items, getKey, renderItem, label, threshold = 60, className = '' } = props;
  if (items.length <= threshold) {
    return (
      <ul className={`export-list ${className}`} aria-label={label}>
        {items.map((item) => (
          <li key={getKey(item)} className="export-list-row">
            {renderItem(item)}
          </li>
        ))}
      </ul>
    );
  }
  return <VirtualRows {...props} />;
}

function VirtualRows<T>({ items, getKey, renderItem, label, estimateRowHeight = 36, textOnly = false, className = '' }: ExportVirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding focus stays rendered when it scrolls out of view, so focus is never lost.
  const focusedIndex = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);
  // The app does not use the React Compiler, and nothing memoized receives the
  // virtualizer's functions, so the compiler's warning about this library does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    getItemKey: (index) => {
      const item = items[index];
      return item === undefined ? index : getKey(item);
    },
    overscan: 8,
    rangeExtractor,
    directDomUpdates: true,
  });

  return (
    <div
      ref={scrollRef}
      className={`export-virtual-scroll ${className}`}
      {...(textOnly ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      <ul ref={virtualizer.containerRef} className="export-list export-virtual-inner" aria-label={label}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="export-list-row export-virtual-row"
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              onFocus={() => {
                focusedIndex.current = row.index;
              }}
              onBlur={() => {
                focusedIndex.current = null;
              }}
            >
              {renderItem(item)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
