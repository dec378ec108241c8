import type { TestProject } from 'vitest/node';
import { build, preview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!process.env.E2E_SKIP_BUILD) build();
  const server = await preview();
  project.provide('baseUrl', server.url);
  return server.stop;
}
