import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QueueInfo } from "../components/queue-info";

const region = () => screen.getByRole("region", { name: "Request queue" });

describe("queue info", () => {
  it("renders nothing without extended playback info", () => {
    const { container } = render(<QueueInfo queue={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("shows the queue, the user's share and how many songs come first", () => {
    render(<QueueInfo queue={{ inQueue: 12, inQueueByUser: 2, inQueueBeforeUser: 3 }} />);
    expect(region()).toHaveTextContent("12 songs queued");
    expect(region()).toHaveTextContent("2 are yours");
    expect(region()).toHaveTextContent("3 songs before yours");
    expect(region()).not.toHaveTextContent("Your song is next!");
  });

  it("says so when the user's song is next", () => {
    render(<QueueInfo queue={{ inQueue: 1, inQueueByUser: 1, inQueueBeforeUser: 0 }} />);
    expect(region()).toHaveTextContent("1 song queued");
    expect(region()).toHaveTextContent("1 is yours");
    expect(region()).toHaveTextContent("Your song is next!");
  });

  it("does not celebrate when the user has nothing queued", () => {
    render(<QueueInfo queue={{ inQueue: 0, inQueueByUser: 0, inQueueBeforeUser: 0 }} />);
    expect(region()).toHaveTextContent("No songs queued");
    expect(region()).not.toHaveTextContent(/yours|next/);
  });
});
