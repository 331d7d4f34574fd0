/// <reference lib="webworker" />
/** Worker entry: exposes the lab API over comlink, transferring result buffers instead of copying them. */
import * as Comlink from 'comlink';
import { initBackend } from './backend';
import { createLabApi, transferablesOf } from './labApi';

const api = createLabApi(initBackend);

const exposed = {
  init: api.init,
  benchmark: api.benchmark,
  benchmarkModels: api.benchmarkModels,
  benchmarkSmote: api.benchmarkSmote,
  previewResampling: api.previewResampling,
  runSweep: api.runSweep,
  setData: api.setData,
  async runMethod(...args: Parameters<typeof api.runMethod>) {
    const result = await api.runMethod(...args);
    return Comlink.transfer(result, transferablesOf(result));
  },
  async runMethods(...args: Parameters<typeof api.runMethods>) {
    const results = await api.runMethods(...args);
    return Comlink.transfer(results, results.flatMap(transferablesOf));
  },
};

export type ExposedLabApi = typeof exposed;

Comlink.expose(exposed);
