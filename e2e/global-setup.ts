// Builds and starts the app once for every end-to-end test file; each file
// reads the URL with inject('appUrl').
import type { TestProject } from 'vitest/node';
import { startApp } from './app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide('appUrl', app.url);
  return () => app.stop();
}
