// Node bootstrap for pool workers: plain node cannot load .ts, so register tsx in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
