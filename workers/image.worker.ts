/// <reference lib="webworker" />
/** Worker entry: exposes the image-loading API over comlink (result buffers are transferred by the API itself). */
import { expose } from 'comlink';
import { createImageApi } from './imageApi';

expose(createImageApi());
