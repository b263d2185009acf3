// What the sign-in form shows after a failed attempt (shared by the action and the form).

export type SignInState = {
  /** The form-level message: wrong credentials, throttled, or "check the fields". */
  message?: string;
  fieldErrors?: { email?: string; password?: string };
  /** The email as typed, so it stays filled in; the password never comes back. */
  email?: string;
};

export const initialSignInState: SignInState = {};
