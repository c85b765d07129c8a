/**
 * What the lock screen and the system's media controls show: the song on air with the same picture
 * as the page (the cover, or the event's image during an event), and never another station's song.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetNowPlayingStore, trackUpdated } from "@/features/now-playing/now-playing-store";
import { resetStationStore, stationSelected } from "@/features/station/station-store";
import { cdnUrl } from "@/lib/config";
import type { TrackUpdate } from "@/lib/song";
import { parsedTrackUpdate, type RawSong, rawSong, trackUpdate } from "@/testing/fixtures";
import { startMediaSession } from "../media-session";

class FakeMetadata {
  constructor(readonly init: MediaMetadataInit) {}
}

function fakeNavigator() {
  const mediaSession = {
    metadata: null as FakeMetadata | null,
    playbackState: "none",
    setActionHandler: vi.fn(),
  };
  return { navigator: { mediaSession } as unknown as Navigator, mediaSession };
}

const EVENT_IMAGE = "https://i.imgur.com/event.png";

function update(song: RawSong, event: { name: string; image: string } | null = null): TrackUpdate {
  const frame = JSON.parse(trackUpdate(song)) as { d: Record<string, unknown> };
  frame.d.event = event;
  return parsedTrackUpdate(JSON.stringify(frame));
}

const album = { id: 5, name: "Album", nameRomaji: null, image: "cover.jpg" };

beforeEach(() => {
  vi.stubGlobal("MediaMetadata", FakeMetadata);
  resetNowPlayingStore();
  resetStationStore();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Media Session metadata", () => {
  it.each([
    {
      what: "the album cover",
      song: rawSong(1, "One", { albums: [album] }),
      event: null,
      art: cdnUrl("covers", "cover.jpg"),
    },
    {
      what: "the event's image for an event song without albums",
      song: rawSong(2, "Two"),
      event: { name: "Live", image: EVENT_IMAGE },
      art: EVENT_IMAGE,
    },
    {
      what: "the cover over the event's image",
      song: rawSong(3, "Three", { albums: [album] }),
      event: { name: "Live", image: EVENT_IMAGE },
      art: cdnUrl("covers", "cover.jpg"),
    },
    { what: "no picture when there is neither", song: rawSong(4, "Four"), event: null, art: null },
  ])("shows $what", ({ song, event, art }) => {
    const { navigator, mediaSession } = fakeNavigator();
    trackUpdated("jpop", update(song, event));
    const stop = startMediaSession(navigator);
    const init = mediaSession.metadata?.init;
    expect(init?.title).toBe(song.title);
    const sources = new Set(init?.artwork?.map((a) => a.src));
    expect([...sources]).toEqual(art ? [art] : []);
    stop();
  });

  it("shows the station, not the other station's song, after a switch before the first frame", () => {
    const { navigator, mediaSession } = fakeNavigator();
    trackUpdated("jpop", update(rawSong(1, "J-pop song")));
    const stop = startMediaSession(navigator);
    expect(mediaSession.metadata?.init.title).toBe("J-pop song");
    stationSelected("kpop");
    expect(mediaSession.metadata?.init.title).not.toBe("J-pop song");
    expect(mediaSession.metadata?.init.title).toMatch(/K-pop/);
    trackUpdated("kpop", update(rawSong(9, "K-pop song")));
    expect(mediaSession.metadata?.init.title).toBe("K-pop song");
    stop();
  });
});
