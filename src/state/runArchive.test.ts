import { describe, expect, it } from 'vitest';
import type { RunCallbacks } from '../workerClient/labClient';
import type { WorkerMethodResult } from '../../workers/labApi';
import { createLabStore } from './store';
import { memoryArchive, type RunArchive } from './runArchive';
import type { Runner } from './types';

function fakeRunner() {
  const calls: { cb: RunCallbacks }[] = [];
  const runner: Runner = (_config, _backend, cb) => {
    calls.push({ cb });
    return { cancel() {}, done: Promise.resolve('done' as const) };
  };
  return { runner, calls };
}

const result = (index: number): WorkerMethodResult =>
  ({
    index,
    status: 'done',
    history: [{ epoch: 1, loss: 0.5, valLoss: 0.6, valRecall: [1, 0], elapsedMs: 1 }],
    testScores: new Float32Array([0.9, 0.1, 0.2, 0.8]),
    testY: new Int32Array([0, 1]),
    metrics: { accuracy: 1, balancedAccuracy: 1 },
    backend: 'wasm',
  }) as unknown as WorkerMethodResult;

const settle = () => new Promise((r) => setTimeout(r, 0));

async function finishedRun(archive: RunArchive, finish = true) {
  const { runner, calls } = fakeRunner();
  const store = createLabStore({ runner, archive });
  store.getState().startRun();
  const n = store.getState().run.methods.length;
  calls[0].cb.onBackend({ backend: 'wasm', requested: 'auto', attempts: [] }, false);
  calls[0].cb.onMethodDone(result(0));
  if (finish) for (let i = 1; i < n; i++) calls[0].cb.onMethodDone(result(i));
  for (let k = 0; k < 5; k++) await settle();
  return { store, n };
}

describe('saved runs', () => {
  it('are saved after the first finished method (partial) and again when the run ends (done)', async () => {
    const archive = memoryArchive();
    const { store, n } = await finishedRun(archive, false);
    let list = await archive.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'partial', methodsDone: 1, methods: n });
    expect(store.getState().saved.items).toEqual(list);
    const saved = (await archive.get(list[0].id))!;
    expect(saved.methodStates[0].result!.testScores).toEqual(new Float32Array([0.9, 0.1, 0.2, 0.8]));
    expect(saved.methodStates[1]).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/Not finished: the page was closed or reloaded/) } });

    const done = await finishedRun(archive);
    list = await archive.list();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ status: 'done', methodsDone: done.n });
  });

  it('open restores the results and the experiment; rename and delete', async () => {
    const archive = memoryArchive();
    const { store: first } = await finishedRun(archive);
    const id = (await archive.list())[0].id;
    const run = first.getState().run;

    const { runner } = fakeRunner();
    const fresh = createLabStore({ runner, archive });
    await fresh.getState().refreshSaved();
    expect(fresh.getState().saved.items.map((s) => s.id)).toEqual([id]);
    expect(fresh.getState().run.status).toBe('idle');
    await fresh.getState().openSaved(id);
    const opened = fresh.getState().run;
    expect(opened.status).toBe('done');
    expect(opened.methods.map((m) => m.status)).toEqual(run.methods.map((m) => m.status));
    expect(opened.methods[2].result!.testY).toEqual(new Int32Array([0, 1]));
    expect(fresh.getState().config).toEqual(run.config);
    // Opening is not a new run: nothing more is saved.
    await settle();
    expect(await archive.list()).toHaveLength(1);

    await fresh.getState().renameSaved(id, '  My first comparison  ');
    expect(fresh.getState().saved.items[0].name).toBe('My first comparison');
    await fresh.getState().renameSaved(id, '   ');
    expect(fresh.getState().saved.error).toMatch(/needs a name/);
    await fresh.getState().deleteSaved(id);
    expect(fresh.getState().saved.items).toEqual([]);
    await fresh.getState().openSaved(id);
    expect(fresh.getState().saved.error).toMatch(/gone/);
  });

  it('an archive that fails is reported, and results still work', async () => {
    const broken: RunArchive = { ...memoryArchive(), put: async () => Promise.reject(new Error('QuotaExceededError')) };
    const { store } = await finishedRun(broken);
    expect(store.getState().run.status).toBe('done');
    expect(store.getState().saved.error).toMatch(/Saved experiments are not available: QuotaExceededError\. Results still work/);
  });
});

describe('experiment files', () => {
  it('an imported experiment replaces the config; a broken file says why and changes nothing', async () => {
    const { runner } = fakeRunner();
    const store = createLabStore({ runner });
    const config = { ...store.getState().config, seed: 77, methods: store.getState().config.methods.slice(0, 2) };
    store.getState().importExperiment(JSON.stringify(config), 'exp.json');
    expect(store.getState().config.seed).toBe(77);
    expect(store.getState().config.methods).toHaveLength(2);
    expect(store.getState().importMessage).toEqual({ ok: true, text: "Loaded the experiment from 'exp.json': 2 methods, seed 77. Press Run to reproduce it." });
    store.getState().importExperiment('{"seed": -3}', 'bad.json');
    expect(store.getState().importMessage!.ok).toBe(false);
    expect(store.getState().importMessage!.text).toMatch(/'bad.json' is not an experiment file: seed/);
    expect(store.getState().config.seed).toBe(77);
    store.getState().importExperiment(JSON.stringify({ ...config, dataset: { kind: 'upload', name: 'mine.csv' } }), 'own.json');
    expect(store.getState().importMessage!.text).toMatch(/except its data: load the file 'mine.csv'/);
  });
});
