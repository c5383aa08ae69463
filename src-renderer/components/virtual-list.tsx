import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useRef, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** The list's accessible name. */
  label: string;
  /** Height of one row before it is measured, in pixels (rows may grow, e.g. when expanded). */
  estimateRowHeight?: number;
  /** Which page's list styles to use (the export or inventory list classes). */
  variant: 'export' | 'inventory';
  /** Lists up to this long are rendered whole: simpler for assistive technology and find-in-page. */
  threshold?: number;
  /**
   * Rows without controls: the scroll box then takes focus itself, so keyboard users can
   * scroll it (rows with buttons scroll into view as focus moves through them).
   */
  textOnly?: boolean;
  className?: string;
}

/**
 * A long list (projects, tags, files) that renders only the rows in view. The
 * virtualizer writes row positions and the list height to the elements' style objects
 * (`directDomUpdates`, i.e. the CSSOM): the CSP forbids style attributes, not that.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, getKey, renderItem, label, threshold = 50, className = '', variant } = props;
  if (items.length <= threshold) {
    return (
      <ul className={`${variant}-list ${className}`} aria-label={label}>
        {items.map((item, index) => (
          <li key={getKey(item)} className={`${variant}-list-row`}>
            {renderItem(item, index)}
          </li>
        ))}
      </ul>
    );
  }
  return <VirtualRows {...props} />;
}

function VirtualRows<T>({ items, getKey, renderItem, label, estimateRowHeight = 36, textOnly = false, className = '', variant }: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding focus stays rendered when it scrolls out of view, so focus is never lost.
  const focusedIndex = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);
  // The app does not use the React Compiler and nothing memoized receives the
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
    overscan: 6,
    rangeExtractor,
    directDomUpdates: true,
  });

  return (
    <div ref={scrollRef} className={`${variant}-virtual-scroll ${className}`} {...(textOnly ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      <ul ref={virtualizer.containerRef} className={`${variant}-list ${variant}-virtual-inner`} aria-label={label}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (item === undefined) return null;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className={`${variant}-list-row ${variant}-virtual-row`}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              onFocus={() => {
                focusedIndex.current = row.index;
              }}
              onBlur={() => {
                focusedIndex.current = null;
              }}
            >
              {renderItem(item, row.index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
