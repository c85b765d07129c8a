import { errorMessages } from "@/lib/error-messages";
import { useMessages } from "@/lib/i18n";
import { type LoginWords, loginMessages } from "../login-messages";

/** The login flow's words in the language on screen. */
export const useLoginWords = (): LoginWords => ({
  login: useMessages(loginMessages),
  errors: useMessages(errorMessages),
});
