import { afterEach, describe, expect, it } from "vitest";
import { STATIONS, type StationView, stationFromPath, stationPath, viewFromPath } from "@/lib/stations";
import { getStation, locationChanged, stationSelected, viewSelected } from "../station-store";

afterEach(() => history.replaceState(null, "", "/"));

describe("station routes", () => {
  it.each([
    ["/", "jpop", "home"],
    ["/favorites", "jpop", "favorites"],
    ["/favorites/", "jpop", "favorites"],
    ["/kpop", "kpop", "home"],
    ["/kpop/", "kpop", "home"],
    ["/kpop/favorites", "kpop", "favorites"],
    ["/kpop/favorites/", "kpop", "favorites"],
    ["/kpopfavorites", "jpop", "home"],
    ["/favorites/extra", "jpop", "home"],
    ["/kpop/favorites/extra", "kpop", "home"],
    ["/jpop/favorites", "jpop", "home"],
    ["/something", "jpop", "home"],
  ] as const)("%s is %s, %s", (path, station, view) => {
    expect(stationFromPath(path)).toBe(station);
    expect(viewFromPath(path)).toBe(view);
  });

  it("reads back every path it writes", () => {
    for (const station of STATIONS) {
      for (const view of ["home", "favorites"] as StationView[]) {
        const path = stationPath(station, view);
        expect([stationFromPath(path), viewFromPath(path)]).toEqual([station, view]);
      }
    }
  });

  it("keeps the view when the station changes, and the station when the view changes", () => {
    viewSelected("favorites");
    expect(location.pathname).toBe("/favorites");
    stationSelected("kpop");
    expect(location.pathname).toBe("/kpop/favorites");
    viewSelected("home");
    expect(location.pathname).toBe("/kpop");
    expect(getStation()).toBe("kpop");
  });

  it("follows back and forward", () => {
    locationChanged("/kpop/favorites");
    expect(getStation()).toBe("kpop");
    viewSelected("favorites"); // already there: nothing pushed
    expect(location.pathname).toBe("/");
  });
});
