import { act, render, screen } from "@testing-library/react";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useVirtualWindow, windowRange } from "../use-virtual-window";

describe("windowRange", () => {
  it.each([
    // count, rowHeight, listTop, viewportHeight, overscan → start, end
    [0, 80, 0, 800, 5, 0, 0],
    [5_000, 80, 0, 800, 0, 0, 10],
    [5_000, 80, 0, 800, 5, 0, 15],
    [5_000, 80, 200, 800, 0, 0, 8], // the list starts below the viewport's top
    [5_000, 80, -8_000, 800, 0, 100, 110], // scrolled 100 rows down
    [5_000, 80, -8_040, 800, 2, 98, 113], // half a row: both partial rows drawn
    [5_000, 80, -400_000, 800, 3, 4_997, 5_000], // past the end
    [5_000, 80, 2_000, 800, 3, 0, 0], // the list is entirely below the viewport (start clamps to 0)
    [3, 80, 0, 800, 5, 0, 3],
  ])(
    "%i rows of %ipx, top %i, viewport %i, overscan %i → [%i, %i)",
    (count, rowHeight, listTop, viewportHeight, overscan, start, end) => {
      expect(windowRange({ count, rowHeight, listTop, viewportHeight, overscan })).toEqual({ start, end });
    },
  );

  it("draws every visible row, stays within the list, and draws at most a viewport plus the overscan", () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: -2_000_000, max: 5_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.nat(20),
        (count, rowHeight, listTop, viewportHeight, overscan) => {
          const { start, end } = windowRange({ count, rowHeight, listTop, viewportHeight, overscan });
          expect(0 <= start && start <= end && end <= count).toBe(true);
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
          // Every row that overlaps the viewport is drawn.
          for (let row = 0; row < count; row++) {
            const top = listTop + row * rowHeight;
            if (top < viewportHeight && top + rowHeight > 0) {
              expect(row >= start && row < end, `row ${row}`).toBe(true);
            }
            if (top > viewportHeight + 1) break;
          }
        },
      ),
    );
  });
});

function List({ count }: { count: number }) {
  const { listRef, start, end, totalHeight } = useVirtualWindow<HTMLUListElement>({
    count,
    rowHeight: 50,
    overscan: 2,
  });
  const rows = [];
  for (let index = start; index < end; index++) rows.push(<li key={index}>Row {index}</li>);
  return (
    <ul ref={listRef} aria-label="Rows" style={{ height: totalHeight }}>
      {rows}
    </ul>
  );
}

describe("useVirtualWindow", () => {
  it("draws the rows in view and follows the page's scroll", () => {
    let top = 0;
    const original = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return this.tagName === "UL" ? ({ top } as DOMRect) : original.call(this);
    };
    try {
      Object.defineProperty(window, "innerHeight", { configurable: true, value: 500 });
      render(<List count={5_000} />);
      const rows = () => screen.getAllByRole("listitem").map((row) => row.textContent);
      expect(rows()).toEqual(Array.from({ length: 12 }, (_, i) => `Row ${i}`));
      expect(screen.getByRole("list", { name: "Rows" }).style.height).toBe("250000px");

      top = -10_000; // 200 rows down
      act(() => {
        window.dispatchEvent(new Event("scroll"));
      });
      expect(rows()[0]).toBe("Row 198");
      expect(rows().at(-1)).toBe("Row 211");
    } finally {
      HTMLElement.prototype.getBoundingClientRect = original;
    }
  });

  it("never draws past the end when the list shrinks (a filter) while scrolled", () => {
    let top = -10_000;
    const original = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return this.tagName === "UL" ? ({ top } as DOMRect) : original.call(this);
    };
    try {
      Object.defineProperty(window, "innerHeight", { configurable: true, value: 500 });
      const { rerender } = render(<List count={5_000} />);
      for (const count of [300, 1, 0, 7]) {
        top = 0;
        rerender(<List count={count} />);
        const rows = screen.queryAllByRole("listitem").map((row) => row.textContent);
        expect(rows).toEqual(Array.from({ length: Math.min(count, 12) }, (_, i) => `Row ${i}`));
      }
    } finally {
      HTMLElement.prototype.getBoundingClientRect = original;
    }
  });

  it("draws nothing for an empty list", () => {
    render(<List count={0} />);
    expect(screen.queryAllByRole("listitem")).toEqual([]);
  });
});
