/**
 * What a link to the current experiment carries, said in words before it is shared (the link is
 * the experiment: dataset, split, methods, model, seed — never the user's rows or any result).
 */
import { isLoadedDataset, type ExperimentConfig } from '../core/config';
import { methodLabel } from '../core/methods';

export interface ShareSummary {
  /** One line per part of the experiment. */
  lines: string[];
  /** Set when the receiver needs something the link cannot carry (the user's own file). */
  warning: string | null;
}

export function shareSummary(config: ExperimentConfig): ShareSummary {
  const ds = config.dataset;
  const data = isLoadedDataset(ds)
    ? `${ds.kind === 'builtin' ? 'built-in dataset' : 'your file'} '${ds.name}'${ds.target ? `, target '${ds.target}'` : ''}${ds.longTail ? `, long tail ×${ds.longTail.imbalanceFactor} (${ds.longTail.profile}) with ${ds.longTail.testPerClass} test rows per class` : ''}`
    : `generated ${ds.shape} data: ${ds.n} points, ${ds.classes} classes, imbalance 1:${ds.imbalanceRatio}`;
  const s = config.split;
  const protocol =
    s.protocol === 'cross-validation'
      ? `${s.folds}-fold cross-validation`
      : s.protocol === 'balanced-test'
        ? `balanced test set of ${s.testPerClass} rows per class`
        : `hold-out (test ${Math.round(s.test * 100)} %, validation ${Math.round(s.validation * 100)} %)`;
  const m = config.model;
  const model = m.kind === 'mlp' ? `MLP ${m.hiddenLayers}×${m.width} (${m.activation})` : m.kind === 'cnn' ? 'small CNN' : 'logistic regression';
  return {
    lines: [
      `Data: ${data}.`,
      `Evaluation: ${protocol}${s.repeats > 1 ? `, ${s.repeats} repeats` : ''}${s.relativeAccuracy ? ', with relative accuracy' : ''}.`,
      `Methods (${config.methods.length}): ${config.methods.map(methodLabel).join(', ')}.`,
      `Model: ${model}, ${m.epochs} epochs, learning rate ${m.learningRate}; seed ${config.seed}.`,
      'Not in the link: any data rows or results — whoever opens it trains the same experiment in their own browser.',
    ],
    warning:
      isLoadedDataset(ds) && ds.kind === 'upload'
        ? `The link names your file '${ds.name}' but cannot carry it: whoever opens the link is asked to load the same file.`
        : null,
  };
}
