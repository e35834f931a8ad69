// Builds and starts the app once for every end-to-end test file; each file
// reads the URL with inject('appUrl').
import type { TestProject } from 'vitest/node';
import { startApp } from './app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The app's PUBLIC_BASE_URL: the address its posters print (README, Configuration). */
    publicBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const publicBaseUrl = 'https://linli.example.cn';
  const app = await startApp({ env: { PUBLIC_BASE_URL: publicBaseUrl } });
  project.provide('appUrl', app.url);
  project.provide('publicBaseUrl', publicBaseUrl);
  return () => app.stop();
}
