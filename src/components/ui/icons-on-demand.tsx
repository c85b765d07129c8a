/**
 * Icons drawn only by what loads on demand (dialogs, the account corner, favorites): kept out of
 * icons.tsx so the first screen does not download them (issue #16).
 */
import { Icon, type IconProps } from "./icons";

export const HeartIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 21s-7.5-4.6-9.6-9.4C.9 8.2 3 4.5 6.6 4.5c2.1 0 3.6 1.1 4.4 2.6.4.8.6.8 1 0 .8-1.5 2.3-2.6 4.4-2.6 3.6 0 5.7 3.7 4.2 7.1C19.5 16.4 12 21 12 21Z" />
  </Icon>
);

export const HeartOutlineIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M16.4 4.5c-2.1 0-3.6 1.1-4.4 2.6-.8-1.5-2.3-2.6-4.4-2.6C4 4.5 1.9 8.2 3.4 11.6 5.5 16.4 12 21 12 21s6.5-4.6 8.6-9.4c1.5-3.4-.6-7.1-4.2-7.1Zm2.4 6.3C17.3 14.2 13.4 17.4 12 18.5c-1.4-1.1-5.3-4.3-6.8-7.7-1-2.2.3-4.3 2.4-4.3 1.5 0 2.5.9 3 2.1l.5 1.1h1.8l.5-1.1c.5-1.2 1.5-2.1 3-2.1 2.1 0 3.4 2.1 2.4 4.3Z" />
  </Icon>
);

export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6 6.4 5Z" />
  </Icon>
);

export const SpinnerIcon = ({ className = "", ...p }: IconProps) => (
  <Icon fill="none" className={`animate-spin motion-reduce:animate-none ${className}`} {...p}>
    <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
    <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
  </Icon>
);

export const CopyIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1Zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Zm0 16H8V7h11v14Z" />
  </Icon>
);

export const ExternalIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 3v2h3.6l-9.8 9.8 1.4 1.4L19 6.4V10h2V3h-7ZM19 19H5V5h7V3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-7h-2v7Z" />
  </Icon>
);

/** A list with a plus: "add to the queue" (the request button on narrow screens). */
export const QueueAddIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 5h12v2H3V5Zm0 6h12v2H3v-2Zm0 6h8v2H3v-2Zm14-4h2v3h3v2h-3v3h-2v-3h-3v-2h3v-3Z" />
  </Icon>
);

export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="m9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 11-11-1.4-1.4-9.6 9.6Z" />
  </Icon>
);
