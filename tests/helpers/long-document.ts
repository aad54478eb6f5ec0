/**
 * A document longer than a small maxTextChars: its first paragraph is kept
 * whatever the limit, its last one only when the whole text is.
 */

export const LONG_DOC_NAME = 'harbour-history.md';
export const KEPT_QUESTION = 'How much will the lighthouse restoration cost?';
export const KEPT_QUOTE = 'The town council approved €3 million to restore the old lighthouse at the harbour mouth.';
export const CUT_QUESTION = 'How many maps does the museum hold?';
export const CUT_QUOTE = 'The museum at the far end of the quay holds 4,200 maps of the coast.';
/** A CORPUS_MAX_TEXT_CHARS that keeps the first paragraph and cuts the last. */
export const SMALL_TEXT_LIMIT = 2000;

const padding = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of the harbour history records that ship number ${i} docked in the spring of year ${1800 + i}.`);

export const LONG_DOC = `---
id: harbour-history
title: A history of the harbour
---
# A history of the harbour

${[KEPT_QUOTE, ...padding, CUT_QUOTE].join('\n\n')}
`;

/** The warning line a corpus gives for LONG_DOC cut at SMALL_TEXT_LIMIT (the file's path in place of DIR). */
export const CUT_WARNING = /^corpus warning in .*harbour-history\.md: the text is longer than the maxTextChars limit of 2,000 characters \(only the first [\d,]+ characters are kept\)$/;
