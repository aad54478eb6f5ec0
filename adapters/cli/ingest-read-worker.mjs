// Loads the TypeScript worker through tsx when ingest runs from source (the
// compiled build starts dist/adapters/cli/ingest-read-worker.js directly).
import { register } from 'tsx/esm/api';

register();
await import(new URL('./ingest-read-worker.ts', import.meta.url).href);
