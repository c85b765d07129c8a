/** Ways out of the login form for those who cannot log in yet: both live on LISTEN.moe itself. */
import { ExternalIcon } from "@/components/ui/icons-on-demand";
import { useT } from "@/lib/i18n";
import { useLoginWords } from "../hooks/use-login-words";

// The site's own pages, not the configured endpoints: an account is made and recovered on LISTEN.moe.
export const REGISTER_URL = "https://listen.moe/register";
export const FORGOT_PASSWORD_URL = "https://listen.moe/forgot";

const LINK =
  "inline-flex items-center gap-1.5 rounded text-fg/85 underline underline-offset-4 hover:text-station focus-visible:outline-2 focus-visible:outline-fg";

export function AccountLinks() {
  const t = useT();
  const words = useLoginWords();
  const links = [
    { href: REGISTER_URL, label: words.login.createAccount },
    { href: FORGOT_PASSWORD_URL, label: words.login.forgotPassword },
  ];
  return (
    <ul className="mt-5 flex flex-col gap-2 text-sm">
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} target="_blank" rel="noopener noreferrer" className={LINK}>
            {/* The space keeps the name "…account (opens…)" rather than "…account(opens…)". */}
            {link.label} <ExternalIcon aria-hidden="true" className="text-xs opacity-60" />
            <span className="sr-only">{t.nowPlaying.opensInNewTab}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
