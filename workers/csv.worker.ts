/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createCsvApi } from './csvApi';

Comlink.expose(createCsvApi());

export type ExposedCsvApi = ReturnType<typeof createCsvApi>;
