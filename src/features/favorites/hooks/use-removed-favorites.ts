import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { favoriteSongKey, favoritesKey } from "../api/favorites";
import type { FavoritesList } from "../api/favorites-list";

const isSongKey = (key: readonly unknown[], session: number) =>
  key[0] === favoritesKey[0] && key[1] === "song" && key[2] === session;

/**
 * Which favorites of the list have been taken out since it loaded, read from the per-song cache that
 * every heart on the page shares: a heart turned off anywhere (the row, now playing, history) hides
 * the row; turned on again (Undo) brings it back. `lastRemoved` is the one to offer Undo for.
 */
export function useRemovedFavorites(session: number, list: FavoritesList | undefined) {
  const client = useQueryClient();
  const [removed, setRemoved] = useState<ReadonlySet<number>>(() => new Set());
  const [lastRemoved, setLastRemoved] = useState<number | null>(null);

  // A freshly loaded list is the server's word: an older "not a favorite" answer for one of its songs
  // (asked before it was favorited elsewhere) is out of date, unless a toggle for it is under way.
  useEffect(() => {
    if (!list?.complete) return;
    const inList = new Set(list.favorites.map((entry) => entry.song.id));
    for (const query of client.getQueryCache().findAll({ queryKey: [...favoritesKey, "song", session] })) {
      const id = query.queryKey[3] as number;
      const busy = client.isMutating({ mutationKey: [...favoritesKey, "toggle", id] }) > 0;
      if (inList.has(id) && query.state.data === false && !busy)
        client.setQueryData(favoriteSongKey(session, id), true);
    }
  }, [client, session, list]);

  useEffect(() => {
    const cache = client.getQueryCache();
    const initial = new Set<number>();
    for (const query of cache.findAll({ queryKey: [...favoritesKey, "song", session] })) {
      if (query.state.data === false) initial.add(query.queryKey[3] as number);
    }
    setRemoved(initial);
    return cache.subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      const key = event.query.queryKey;
      if (!isSongKey(key, session)) return;
      const id = key[3] as number;
      const favorite = event.query.state.data !== false;
      setRemoved((shown) => {
        if (shown.has(id) === !favorite) return shown;
        const next = new Set(shown);
        if (favorite) next.delete(id);
        else next.add(id);
        return next;
      });
      if (!favorite) setLastRemoved(id);
    });
  }, [client, session]);

  return { removed, lastRemoved, dismiss: () => setLastRemoved(null) };
}
