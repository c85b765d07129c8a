/**
 * Every heart on screen asks "is this one a favorite?" on its own; the answers come from ONE
 * checkFavorite request per burst of questions. Questions asked in the same task (one render's worth
 * of buttons) are collected and sent together, so the page and its 30 history rows cost one request.
 */

type Answer = { resolve(favorite: boolean): void; reject(error: unknown): void };

/** One request per burst; `fetchFavorited` gets the distinct ids and returns those that are favorites. */
export function createFavoriteChecks(fetchFavorited: (songIds: number[]) => Promise<readonly number[]>) {
  let waiting = new Map<number, Answer[]>();
  let scheduled = false;

  function flush() {
    scheduled = false;
    const batch = waiting;
    waiting = new Map();
    const ids = [...batch.keys()].sort((a, b) => a - b);
    fetchFavorited(ids).then(
      (favorited) => {
        const yes = new Set(favorited);
        for (const [id, answers] of batch) for (const answer of answers) answer.resolve(yes.has(id));
      },
      (error: unknown) => {
        for (const answers of batch.values()) for (const answer of answers) answer.reject(error);
      },
    );
  }

  return function isFavorite(songId: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const answers = waiting.get(songId) ?? [];
      answers.push({ resolve, reject });
      waiting.set(songId, answers);
      if (!scheduled) {
        scheduled = true;
        // A macrotask, not a microtask: React starts a commit's queries across several microtasks.
        setTimeout(flush, 0);
      }
    });
  };
}
