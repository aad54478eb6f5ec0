/** File extensions of the documents the bot reads (kept apart from the readers, which load heavier libraries). */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.pdf']);
