/**
 * The run archive in the browser's IndexedDB (through idb): one object store of saved runs keyed
 * by id, results stored by structured clone (typed arrays included). Nothing leaves the machine.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { summaryOf, type RunArchive, type SavedRun } from '../state/runArchive';

const DB = 'imbalance-lab';
const STORE = 'runs';

export function idbArchive(): RunArchive {
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE, { keyPath: 'id' });
      },
    }));
  return {
    async put(run) {
      const d = await open();
      const tx = d.transaction(STORE, 'readwrite');
      const old = (await tx.store.get(run.id)) as SavedRun | undefined;
      // A rename survives the auto-saves that follow it.
      await tx.store.put(old ? { ...run, name: old.name } : run);
      await tx.done;
    },
    async list() {
      const all = (await (await open()).getAll(STORE)) as SavedRun[];
      return all.sort((a, b) => b.startedAt - a.startedAt).map(summaryOf);
    },
    async get(id) {
      return (await (await open()).get(STORE, id)) as SavedRun | undefined;
    },
    async rename(id, name) {
      const d = await open();
      const r = (await d.get(STORE, id)) as SavedRun | undefined;
      if (r) await d.put(STORE, { ...r, name });
    },
    async remove(id) {
      await (await open()).delete(STORE, id);
    },
  };
}
