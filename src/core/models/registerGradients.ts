/**
 * Registers TF.js's gradients (conv2d, maxPool, moments…) once, before the CNN trains by autodiff.
 *
 * Why two ways: bundlers (the app, its workers, Vitest) load tfjs-core's ES module build, whose
 * `register_all_gradients` module does it. Plain Node (the command line) resolves tfjs-core to its
 * CommonJS bundle, where that module cannot load (it imports directories without file names); there
 * the `@tensorflow/tfjs` bundle registers the same gradients into the registry both builds share.
 * The fallback's name is a variable so bundlers leave it out of the app.
 */
import * as tf from '@tensorflow/tfjs-core';

const NODE_BUNDLE = '@tensorflow/tfjs';

export async function registerGradients(): Promise<void> {
  if (tf.getGradient('Conv2D')) return;
  try {
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  } catch {
    await import(/* @vite-ignore */ NODE_BUNDLE);
  }
  if (!tf.getGradient('Conv2D')) throw new Error('TF.js gradients could not be registered, so the CNN cannot train here.');
}
