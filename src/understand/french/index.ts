/**
 * French questions read into English ones: readFrench(text, lexicon) with
 * the lexicon of loadFrenchLexicon() (FreeDict when installed, cognates always).
 */
export { readFrench, type FrenchReading, type ReadOptions, type ReadWord } from './read.js';
export { loadFrenchLexicon, DEFAULT_FREEDICT_DIR, type FrenchLexicon, type FrenchLexiconOptions, type Translation, type Reading } from './lexicon.js';
export { expandChatForms } from './chat.js';
export { frenchStandIns, knowledgeWithStandIns, lexiconWithStandIns, type StandInOptions } from './stand-ins.js';
