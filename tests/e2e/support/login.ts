import type { Page } from "playwright-core";

/** The station's demo account without two-factor (tests/station/accounts.mjs). */
export const KANA_LOGIN = { username: "kana", password: "kana-password", displayName: "Kana" } as const;

/**
 * Logs in as kana through the header's "Log in" and waits for the account to show her. `remember`
 * sets "Remember me"; left out, the dialog's default stays.
 */
export async function logInAsKana(page: Page, { remember }: { remember?: boolean } = {}) {
  await page.getByRole("banner").getByRole("button", { name: "Log in", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Log in" });
  await dialog.getByRole("textbox", { name: "Username or email" }).fill(KANA_LOGIN.username);
  await dialog.getByRole("textbox", { name: "Password" }).fill(KANA_LOGIN.password);
  if (remember !== undefined)
    await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(remember);
  await dialog.getByRole("button", { name: "Log in", exact: true }).click();
  await page
    .getByRole("region", { name: "Account" })
    .getByText(KANA_LOGIN.displayName, { exact: true })
    .waitFor({ timeout: 15_000 });
}
