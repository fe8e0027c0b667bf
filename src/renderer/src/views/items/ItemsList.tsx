import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNow } from '../../components/use-now';
import { rowAt } from '../../stores/items-store';
import { isSelected } from '../../stores/selection';
import { useItems } from '../../stores/stores-context';
import { visibleRange, type VisibleRange } from '../../virtual/visible-range';
import { itemRowHeight, ItemRow, PlaceholderRow } from './ItemRow';

/** Rows rendered above and below the viewport. */
const overscan = 8;

/**
 * The list, virtualised by hand: rows have one fixed height, so which rows are in view is simple
 * arithmetic (visible-range.ts), and the store loads exactly the pages those rows fall in. Only
 * ~40 rows exist in the DOM whether the list holds 10 items or 100,000.
 */
export function ItemsList() {
  const count = useItems((s) => s.count) ?? 0;
  const pages = useItems((s) => s.pages);
  const shownKey = useItems((s) => s.shownKey);
  const selection = useItems((s) => s.selection);
  const showRows = useItems((s) => s.showRows);
  const toggle = useItems((s) => s.toggle);
  const toggleRows = useItems((s) => s.toggleRows);
  const now = useNow(30_000);
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<VisibleRange>({ first: 0, last: -1 });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = visibleRange(el.scrollTop, el.clientHeight, itemRowHeight, count, overscan);
    setRange((r) => (r.first === next.first && r.last === next.last ? r : next));
  }, [count]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    measure();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [measure]);

  // A new filter or sort starts at the top.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [shownKey]);

  useEffect(() => {
    if (range.last >= range.first) showRows(range.first, range.last);
  }, [range, shownKey, showRows]);

  // Arrow keys move between rows, keeping the column (checkbox or link). The next row is always
  // rendered (overscan), and focusing it scrolls it into view, which renders the rows after it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const index = Number(target.dataset.rowIndex);
    if (
      target.dataset.rowIndex === undefined ||
      !Number.isInteger(index) ||
      (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')
    )
      return;
    const next = index + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= count) return;
    e.preventDefault();
    scroller.current
      ?.querySelector<HTMLElement>(`[data-row-index="${next}"][data-col="${target.dataset.col ?? 'open'}"]`)
      ?.focus();
  };

  const rows = [];
  const shownIds: number[] = [];
  for (let i = range.first; i <= range.last; i++) {
    const item = rowAt(pages, i);
    if (item) {
      shownIds.push(item.id);
      rows.push(
        <ItemRow
          key={item.id}
          index={i}
          item={item}
          selected={isSelected(selection, item.id)}
          now={now}
          onToggle={toggle}
        />,
      );
    } else {
      rows.push(<PlaceholderRow key={`placeholder-${i}`} index={i} />);
    }
  }
  const allShownSelected = shownIds.length > 0 && shownIds.every((id) => isSelected(selection, id));

  return (
    <div
      role="grid"
      aria-label="Items"
      aria-rowcount={count + 1}
      aria-multiselectable="true"
      className="items-grid"
      data-shown-key={shownKey ?? ''}
    >
      <div role="rowgroup" className="items-head">
        <div role="row" aria-rowindex={1} className="item-row item-row-head">
          <div role="columnheader" className="col-select">
            <input
              type="checkbox"
              checked={allShownSelected}
              onChange={() => toggleRows(shownIds)}
              aria-label="Select the rows shown"
              disabled={shownIds.length === 0}
            />
          </div>
          <div role="columnheader" className="col-file">
            File
          </div>
          <div role="columnheader" className="col-state">
            State
          </div>
          <div role="columnheader" className="col-stage">
            Stage
          </div>
          <div role="columnheader" className="col-detail">
            Progress or reason
          </div>
          <div role="columnheader" className="col-priority">
            Priority
          </div>
          <div role="columnheader" className="col-added">
            Added
          </div>
        </div>
      </div>
      {/* The scroll container is the body's rowgroup itself, so the grid owns only rowgroups (axe's
          aria-required-children); the sizer inside it is presentational. */}
      <div ref={scroller} role="rowgroup" className="items-scroll" tabIndex={-1} onKeyDown={onKeyDown}>
        <div role="none" className="items-body" style={{ height: count * itemRowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
