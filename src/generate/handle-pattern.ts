/**
 * The shape of a social-media name: what asks for one ("what's her handle?")
 * and what gives one ("@vonderleyen"). Shared by the proposal that quotes a
 * handle, the check that a sentence holds the asked kind of fact, and the
 * refusal that says none is given.
 */

/** A question for a social-media name: "handle", "username", "account", or an "@". */
export const HANDLE_ASKED = /\b(?:handle|user\s?name|acc(?:oun)?t)\b|(?:^|\s)@(?:\s|$)/i;

/** A handle as a text gives it: "@" then 2–30 letters, digits or underscores, not inside an e-mail address. */
export const HANDLE = /(?<![\p{L}\p{N}.])@[A-Za-z0-9_]{2,30}\b/u;
