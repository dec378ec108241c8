/** The workshop host (Node only): reached through sim/node.ts by the CLI (`commsim workshop`), tests and bench. */
export {
  WorkshopHost,
  MAX_WORKSHOP_PEOPLE,
  MAX_CREATES_PER_CONNECTION,
  MAX_BAD_CODES_PER_ADDRESS,
  type Conn,
  type HostOptions,
} from './host.ts';
export { WorkshopStore, hashSecret, type StoredSession, type StoredTable, type StoredSeat } from './store.ts';
export {
  startWorkshopServer,
  builtAppDir,
  lanAddresses,
  peerOf,
  type WorkshopServer,
  type WorkshopServerOptions,
} from './server.ts';
