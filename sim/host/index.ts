/** The workshop host (Node only): reached through sim/node.ts by the CLI (`commsim workshop`), tests and bench. */
export { WorkshopHost, MAX_WORKSHOP_PEOPLE, MAX_CREATES_PER_CONNECTION, type Conn, type HostOptions } from './host.ts';
export { WorkshopStore, hashSecret, type StoredSession, type StoredTable, type StoredSeat } from './store.ts';
export {
  startWorkshopServer,
  builtAppDir,
  lanAddresses,
  type WorkshopServer,
  type WorkshopServerOptions,
} from './server.ts';
