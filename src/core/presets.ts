/**
 * Ready-made experiments, one click in the app and `--preset <id>` on the command line.
 */
import { parseConfig, type ExperimentConfig } from './config';

export interface Preset {
  id: string;
  title: string;
  description: string;
  /** What to look at, and what the literature found. */
  expectation: string;
  config: ExperimentConfig;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'digits-lt',
    title: 'Long-tailed digits: 8 long-tail methods, 3 seeds',
    description:
      'The digits-lt image set (imbalance factor 100, tail classes with 2–4 training images) with its balanced test set of 20 images per class; plain cross-entropy against class weighting, focal loss, LDAM-DRW, balanced softmax, logit adjustment, cRT and τ-normalisation, each trained three times with different seeds.',
    expectation:
      'On long-tailed CIFAR and ImageNet the long-tail methods beat plain cross-entropy on a balanced test set (Cao et al. 2019; Ren et al. 2020; Menon et al. 2021; Kang et al. 2020). Compare the balanced accuracy column (mean ± std over the 3 seeds) and the per-class recall of the tail classes 7, 8, 9.',
    config: parseConfig({
      dataset: { kind: 'builtin', name: 'digits-lt', image: { size: 8, color: 'gray' } },
      split: { protocol: 'holdout', validation: 0.2, repeats: 3 },
      methods: ['none', 'class-weight', 'focal', 'ldam-drw', 'balanced-softmax', 'logit-adjusted-loss', 'crt', 'tau-norm'],
      model: { kind: 'mlp', hiddenLayers: 2, width: 64, activation: 'relu', optimizer: 'adam', learningRate: 0.005, epochs: 80, batchSize: 32 },
      seed: 1,
    }),
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
