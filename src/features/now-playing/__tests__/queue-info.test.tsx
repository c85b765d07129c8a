import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { gatewayQueueLine, type QueueLine } from "@/lib/song";
import { QueueInfo } from "../components/queue-info";

const region = () => screen.getByRole("region", { name: "Request queue" });

describe("queue info", () => {
  it.each([
    ["no source at all", null],
    ["neither part known", { length: null, yours: null }],
    ["only the user's part, with nothing queued", { length: null, yours: { amount: 0, before: 0 } }],
  ] as [string, QueueLine | null][])("renders nothing with %s", (_, line) => {
    const { container } = render(<QueueInfo line={line} />);
    expect(container).toBeEmptyDOMElement();
  });

  it.each([
    // [length, amount, before, what it says, what it must not say]
    [12, 2, 3, ["12 songs queued", "2 of your requests are queued; the next plays after 3 songs"], [/next!/]],
    [1, 1, 0, ["1 song queued", "1 of your requests is queued", "Your song is next!"], [/plays after/]],
    [5, 1, 1, ["5 songs queued", "1 of your requests is queued; the next plays after 1 song"], [/next!/]],
    [0, 0, 0, ["No songs queued"], [/your|next/]],
    [null, 2, 0, ["2 of your requests are queued", "Your song is next!"], [/queued.*queued|No songs/]],
    [null, 3, 1_234, ["3 of your requests are queued; the next plays after 1,234 songs"], [/No songs/]],
    [7, null, null, ["7 songs queued"], [/your|next/]],
  ] as [number | null, number | null, number | null, string[], RegExp[]][])(
    "length %s, amount %s, before %s",
    (length, amount, before, says, never) => {
      const yours = amount === null || before === null ? null : { amount, before };
      render(<QueueInfo line={{ length, yours }} />);
      for (const text of says) expect(region()).toHaveTextContent(text);
      for (const text of never) expect(region()).not.toHaveTextContent(text);
    },
  );

  it("reads the seed gateway's counters as the same line", () => {
    render(<QueueInfo line={gatewayQueueLine({ inQueue: 12, inQueueByUser: 2, inQueueBeforeUser: 3 })} />);
    expect(region()).toHaveTextContent("12 songs queued");
    expect(region()).toHaveTextContent("2 of your requests are queued; the next plays after 3 songs");
  });
});
