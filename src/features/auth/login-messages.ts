/** The login dialog's own words, loaded with its chunk (see MessageSet in lib/i18n.ts). */
// Types only: the e2e tests read these words under plain Node, where "@/" does not resolve.
import type { ErrorMessages } from "@/lib/error-messages";
import type { MessageSet } from "@/lib/i18n";

const en = {
  title: "Log in to LISTEN.moe",
  username: "Username or email",
  password: "Password",
  rememberMe: "Remember me",
  loggingIn: "Logging in…",
  twoFactorCode: "Two-factor code",
  enterCode: (digits: number) => `Enter the ${digits}-digit code from your authenticator app.`,
  timeLeft: (clock: string) => `Time left: ${clock}`,
  checkingCode: "Checking the code…",
  verify: "Verify",
  backToPassword: "Back to password",
  missing: "Enter your username or email and your password.",
  wrongCredentials: "That username or email and password don't match. Check them and try again.",
  wrongCode: "That code didn't work. Enter the current code from your authenticator app.",
  mfaExpired: "The two-factor step timed out. Log in with your password again to get a new one.",
  failed: "Logging in failed. Try again.",
  deactivated: "This LISTEN.moe account has been deactivated, so it can't log in.",
  codeNotAccepted: "LISTEN.moe didn't accept this step. Start over to get a new one.",
  startOver: "Start over",
  createAccount: "Create an account",
  forgotPassword: "Forgot your password?",
};

export type LoginMessages = typeof en;

const ja: LoginMessages = {
  title: "LISTEN.moe にログイン",
  username: "ユーザー名またはメールアドレス",
  password: "パスワード",
  rememberMe: "ログイン状態を保持する",
  loggingIn: "ログイン中…",
  twoFactorCode: "二段階認証コード",
  enterCode: (digits) => `認証アプリに表示されている${digits}桁のコードを入力してください。`,
  timeLeft: (clock) => `残り時間：${clock}`,
  checkingCode: "コードを確認中…",
  verify: "確認",
  backToPassword: "パスワード入力に戻る",
  missing: "ユーザー名またはメールアドレスと、パスワードを入力してください。",
  wrongCredentials:
    "ユーザー名（またはメールアドレス）とパスワードが一致しません。確認して、もう一度お試しください。",
  wrongCode: "コードが正しくありません。認証アプリに表示されている現在のコードを入力してください。",
  mfaExpired: "二段階認証の時間切れです。もう一度パスワードでログインして、やり直してください。",
  failed: "ログインできませんでした。もう一度お試しください。",
  deactivated: "この LISTEN.moe アカウントは無効化されているため、ログインできません。",
  codeNotAccepted: "LISTEN.moe がこの手順を受け付けませんでした。最初からやり直してください。",
  startOver: "最初からやり直す",
  createAccount: "アカウントを作成",
  forgotPassword: "パスワードをお忘れですか？",
};

const ko: LoginMessages = {
  title: "LISTEN.moe에 로그인",
  username: "사용자 이름 또는 이메일",
  password: "비밀번호",
  rememberMe: "로그인 상태 유지",
  loggingIn: "로그인하는 중…",
  twoFactorCode: "2단계 인증 코드",
  enterCode: (digits) => `인증 앱에 표시된 ${digits}자리 코드를 입력하세요.`,
  timeLeft: (clock) => `남은 시간: ${clock}`,
  checkingCode: "코드를 확인하는 중…",
  verify: "확인",
  backToPassword: "비밀번호 입력으로 돌아가기",
  missing: "사용자 이름 또는 이메일과 비밀번호를 입력하세요.",
  wrongCredentials: "사용자 이름(또는 이메일)과 비밀번호가 일치하지 않습니다. 확인하고 다시 시도하세요.",
  wrongCode: "코드가 맞지 않습니다. 인증 앱에 표시된 현재 코드를 입력하세요.",
  mfaExpired: "2단계 인증 시간이 지났습니다. 비밀번호로 다시 로그인해 새 코드를 받으세요.",
  failed: "로그인하지 못했습니다. 다시 시도하세요.",
  deactivated: "이 LISTEN.moe 계정은 비활성화되어 로그인할 수 없습니다.",
  codeNotAccepted: "LISTEN.moe가 이 단계를 받아들이지 않았습니다. 처음부터 다시 시작하세요.",
  startOver: "처음부터 다시 시작",
  createAccount: "계정 만들기",
  forgotPassword: "비밀번호를 잊으셨나요?",
};

export const loginMessages: MessageSet<LoginMessages> = { en, ja, ko };

/** What the login flow says: its own words, and the request errors a failed attempt may be. */
export interface LoginWords {
  login: LoginMessages;
  errors: ErrorMessages;
}
