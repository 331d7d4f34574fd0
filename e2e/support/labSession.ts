/**
 * One browser per spec file (launched before its tests, closed after), and a way to open the lab
 * in a fresh page of it. Every page opened is kept, so a spec can check all of their traffic.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { LabPage } from '../pages/LabPage';
import { launch, type Browser } from './browser';

export interface LabSession {
  open(query?: string, opts?: { observeLongTasks?: boolean; ready?: string }): Promise<LabPage>;
  readonly pages: LabPage[];
  readonly baseUrl: string;
}

export function useLabSession(extraArgs: string[] = []): LabSession {
  let browser: Browser;
  const pages: LabPage[] = [];
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launch(extraArgs);
  });
  afterAll(async () => {
    await browser.close();
  });
  return {
    pages,
    baseUrl,
    async open(query = '', opts = {}) {
      const lab = new LabPage(await browser.context.newPage(), baseUrl);
      pages.push(lab);
      if (opts.observeLongTasks) await lab.observeLongTasks();
      await lab.open(query, opts.ready);
      return lab;
    },
  };
}
