// Loads the TypeScript worker through tsx when the pool runs from source (the
// compiled build starts dist/adapters/shared/answer-worker.js directly).
import { register } from 'tsx/esm/api';

register();
const worker = await import(new URL('./answer-worker.ts', import.meta.url).href);
export default worker.default;
