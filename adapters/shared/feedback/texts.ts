/** What every surface says back, privately, when someone votes on an answer. */
export const THANKS_UP = 'Thanks for the 👍, glad it helped.';
export const THANKS_DOWN = 'Thanks for the 👎: it is noted, and the team reviews answers marked wrong.';
export const THANKS_NOTE = 'Thanks, your note is recorded with the 👎. The team reviews these.';
/** Title and question of the optional "what was wrong?" form. */
export const NOTE_FORM_TITLE = 'What was wrong?';
export const NOTE_FORM_LABEL = 'What was wrong with this answer? (optional)';
export const NOTE_FORM_PLACEHOLDER = 'A wrong figure, a missing source, not what I asked…';
/** Longest note accepted by the forms. */
export const MAX_NOTE_CHARS = 1000;
