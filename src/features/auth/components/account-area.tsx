import { useQuery } from "@tanstack/react-query";
import { lazy, type ReactNode, type RefObject, Suspense, useEffect, useRef, useState } from "react";
import { UserIcon } from "@/components/ui/icons";
import { CloseIcon, HeartIcon } from "@/components/ui/icons-on-demand";
import { cdnUrl } from "@/lib/config";
import { errorMessages } from "@/lib/error-messages";
import { formatNumber } from "@/lib/format";
import { errorMessage } from "@/lib/graphql-client";
import { useLocale, useMessages, useT } from "@/lib/i18n";
import { loadChunk } from "@/lib/load-chunk";
import { type AccountMessages, accountMessages } from "../account-messages";
import { currentUserQueryOptions } from "../api/current-user";
import { loggedOut, noticeDismissed, useAuthNotice, useAuthSession, useLoginPrompts } from "../auth-store";

let loginDialogChunk: Promise<typeof import("./login-dialog")> | null = null;
const loadLoginDialog = () => {
  loginDialogChunk ??= loadChunk(() => import("./login-dialog"));
  return loginDialogChunk;
};
const LoginDialog = lazy(() => loadLoginDialog().then((m) => ({ default: m.LoginDialog })));

function formatFavoriteCount(count: number, words: AccountMessages, locale: string): string {
  return words.favoriteCount(count, formatNumber(count, locale));
}

const PILL_BUTTON =
  "rounded-full px-4 py-1.5 text-sm font-semibold transition-colors motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg";

interface AccountAreaProps {
  /** Wraps the favorite count (the app makes it a link to the favorites view). */
  renderFavoriteCount?: (count: ReactNode) => ReactNode;
}

/** The header's account corner: "Log in" when anonymous, else who you are and "Log out". */
export function AccountArea({ renderFavoriteCount }: AccountAreaProps = {}) {
  const session = useAuthSession();
  const notice = useAuthNotice();
  const t = useT();
  const words = useMessages(accountMessages);
  const [dialogOpen, setDialogOpen] = useState(false);
  const loginRef = useRef<HTMLButtonElement>(null);
  const logoutRef = useRef<HTMLButtonElement>(null);
  // Where focus goes when the button that had it disappears (login → "Log out", logout → "Log in").
  const focusAfterChange = useRef<RefObject<HTMLButtonElement | null> | null>(null);

  // Something else on the page needs a login (a song request): open the dialog once per prompt.
  // Adjusted while rendering, React's pattern for state that follows a changed value.
  const prompts = useLoginPrompts();
  const [promptsSeen, setPromptsSeen] = useState(prompts);
  if (prompts !== promptsSeen) {
    setPromptsSeen(prompts);
    if (session === null) setDialogOpen(true);
  }

  useEffect(() => {
    // Logged in elsewhere (another tab) while the dialog was open: it has nothing left to do.
    if (session !== null) setDialogOpen(false);
    focusAfterChange.current?.current?.focus();
    focusAfterChange.current = null;
  }, [session]);

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {notice && (
        <p
          role={notice.tone === "warning" ? "alert" : "status"}
          className={`inline-flex items-center gap-1 rounded-full py-1 pr-1 pl-3 text-xs font-medium ring-1 ${
            notice.tone === "warning"
              ? "bg-amber-400/15 text-warning ring-amber-300/30"
              : "bg-fg/5 text-fg/80 ring-fg/10"
          }`}
        >
          <span>{words.notice[notice.kind]}</span>
          <button
            type="button"
            onClick={noticeDismissed}
            className="grid h-6 w-6 place-items-center rounded-full hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-fg"
          >
            <CloseIcon />
            <span className="sr-only">{words.dismiss}</span>
          </button>
        </p>
      )}
      {session === null ? (
        <button
          ref={loginRef}
          type="button"
          aria-haspopup="dialog"
          onClick={() => setDialogOpen(true)}
          // Fetch the dialog's code as soon as someone shows intent, so it opens without a wait.
          onPointerEnter={() => void loadLoginDialog()}
          onFocus={() => void loadLoginDialog()}
          className={`${PILL_BUTTON} bg-fg/5 text-fg ring-1 ring-fg/10 hover:bg-fg/10`}
        >
          {t.auth.logIn}
        </button>
      ) : (
        <SignedIn
          session={session}
          renderFavoriteCount={renderFavoriteCount}
          logoutRef={logoutRef}
          onLogout={() => {
            focusAfterChange.current = loginRef;
            loggedOut();
          }}
        />
      )}
      {dialogOpen && session === null && (
        <Suspense fallback={null}>
          <LoginDialog
            onClose={() => setDialogOpen(false)}
            onLoggedIn={() => {
              focusAfterChange.current = logoutRef;
              setDialogOpen(false);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

interface SignedInProps {
  session: number;
  renderFavoriteCount?: (count: ReactNode) => ReactNode;
  logoutRef: RefObject<HTMLButtonElement | null>;
  onLogout(): void;
}

function SignedIn({ session, logoutRef, onLogout, renderFavoriteCount }: SignedInProps) {
  const { data: user, error, isPending, refetch } = useQuery(currentUserQueryOptions(session));
  const words = useMessages(accountMessages);
  const errorWords = useMessages(errorMessages);
  const locale = useLocale();
  return (
    <section
      aria-label={words.account}
      aria-busy={isPending}
      className="inline-flex items-center gap-3 rounded-full bg-fg/5 py-1 pr-1 pl-1 ring-1 ring-fg/10"
    >
      {user ? (
        <>
          <Avatar file={user.avatarImage} name={user.displayName} />
          <div className="min-w-0 leading-tight max-sm:sr-only">
            {/* A name, not a paragraph: bold text in a <p> above another reads as a heading to some tools. */}
            <span className="block max-w-40 truncate text-sm font-semibold" title={user.displayName}>
              {user.displayName}
            </span>
            {user.favoriteCount !== null && (
              <p className="inline-flex items-center gap-1 text-xs text-ink-muted">
                <HeartIcon className="text-station" />
                {(renderFavoriteCount ?? plainCount)(
                  <span>{formatFavoriteCount(user.favoriteCount, words, locale)}</span>,
                )}
              </p>
            )}
          </div>
        </>
      ) : error ? (
        <p className="flex items-center gap-2 pl-2 text-xs text-danger">
          <span>{errorMessage(error, errorWords)}</span>
          <button
            type="button"
            onClick={() => void refetch()}
            className="font-semibold underline underline-offset-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
          >
            {words.retry}
          </button>
        </p>
      ) : (
        <>
          <div
            aria-hidden="true"
            className="h-9 w-9 animate-pulse motion-reduce:animate-none rounded-full bg-fg/10"
          />
          <p className="text-sm text-ink-muted">{words.loadingAccount}</p>
        </>
      )}
      <button
        ref={logoutRef}
        type="button"
        onClick={onLogout}
        className={`${PILL_BUTTON} text-fg/80 hover:bg-fg/10 hover:text-fg`}
      >
        {words.logOut}
      </button>
    </section>
  );
}

const plainCount = (count: ReactNode) => count;

function Avatar({ file, name }: { file: string | null; name: string }) {
  const src = cdnUrl("avatars", file);
  const [failed, setFailed] = useState<string | null>(null);
  const words = useMessages(accountMessages);
  if (!src || failed === src) {
    return (
      <span
        aria-hidden="true"
        className="grid h-9 w-9 shrink-0 place-items-center rounded-full bg-station/20 text-lg text-station-soft"
      >
        <UserIcon />
      </span>
    );
  }
  return (
    <img
      src={src}
      alt={words.avatarOf(name)}
      width={36}
      height={36}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
      className="h-9 w-9 shrink-0 rounded-full object-cover ring-1 ring-fg/20"
    />
  );
}
