/**
 * The experiment as a runnable Python script (scikit-learn, imbalanced-learn, PyTorch), so its
 * results can be checked outside the browser. It reproduces the PROTOCOL — the same data, split
 * kind and fractions, preprocessing fitted on the training rows, resampling of the training rows
 * only, the same model, optimiser, epochs and losses, the same post-hoc rules, the same metrics
 * with mean ± std — not the same random draws (NumPy and PyTorch have their own generators), so
 * expect the same picture within split-to-split noise, not identical digits.
 *
 * Every method the app offers is exported: imbalanced-learn's samplers (SMOTE-NC / SMOTEN on
 * category codes), the loss family and AnyLoss in PyTorch, class-aware batch sampling, the fixed
 * simplex ETF classifier, the two-stage methods, the post-hoc rules and the leaky demo; the MLP or
 * the CNN, with image augmentation. Only combinations the app refuses too are left out, and listed.
 * The fixed Python is in pythonProtocol.ts, pythonLosses.ts, pythonTraining.ts and pythonMain.ts;
 * the data part in pythonData.ts.
 */
import type { ExperimentConfig } from '../config';
import { isLeaky, METHODS, methodLabel, type MethodSpec } from '../methods';
import { secondStageEpochs } from '../lossMethods';
import { PYTHON_LOSSES } from './pythonLosses';
import { PYTHON_MAIN } from './pythonMain';
import { PYTHON_PROTOCOL } from './pythonProtocol';
import { PYTHON_TRAINING } from './pythonTraining';
import { dataSection, py, type ScriptData } from './pythonData';

export type { ScriptData } from './pythonData';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const strategy = (p: Record<string, unknown>) => `sampling_strategy=${py(p.samplingStrategy ?? 'auto')}`;

/** The imbalanced-learn sampler of a resampling method, as a Python expression; null when it has none. */
function sampler(id: string, p: Record<string, unknown>): string | null {
  const k = (name = 'kNeighbors') => `${snake(name)}=${py(p[name])}`;
  switch (id) {
    case 'random-over':
      return `RandomOverSampler(${strategy(p)}, shrinkage=${Number(p.shrinkage) > 0 ? py(p.shrinkage) : 'None'}, random_state=SEED)`;
    case 'random-under':
      return `RandomUnderSampler(${strategy(p)}, replacement=${py(p.replacement)}, random_state=SEED)`;
    case 'smote':
      return `SMOTE(${k()}, ${strategy(p)}, random_state=SEED)`;
    case 'borderline-smote-1':
    case 'borderline-smote-2':
      return `BorderlineSMOTE(kind=${py(id.replace('-smote', ''))}, ${k()}, ${k('mNeighbors')}, ${strategy(p)}, random_state=SEED)`;
    case 'svm-smote':
      return `SVMSMOTE(${k()}, ${k('mNeighbors')}, out_step=${py(p.outStep)}, ${strategy(p)}, random_state=SEED)`;
    case 'kmeans-smote':
      return `KMeansSMOTE(${k()}, kmeans_estimator=${py(p.kmeansEstimator)}, cluster_balance_threshold=${py(p.clusterBalanceThreshold)}, density_exponent=${py(p.densityExponent)}, ${strategy(p)}, random_state=SEED)`;
    case 'adasyn':
      return `ADASYN(${k('nNeighbors')}, ${strategy(p)}, random_state=SEED)`;
    case 'near-miss-1':
    case 'near-miss-2':
    case 'near-miss-3':
      return `NearMiss(version=${id.slice(-1)}, ${k('nNeighbors')}${id === 'near-miss-3' ? `, ${k('nNeighborsVer3')}` : ''}, ${strategy(p)})`;
    case 'cluster-centroids':
      return `ClusterCentroids(voting=${py(p.voting)}, ${strategy(p)}, random_state=SEED)`;
    case 'tomek-links':
      return `TomekLinks(${strategy(p)})`;
    case 'edited-nearest-neighbours':
      return `EditedNearestNeighbours(${k('nNeighbors')}, kind_sel=${py(p.kindSel)}, ${strategy(p)})`;
    case 'repeated-edited-nearest-neighbours':
      return `RepeatedEditedNearestNeighbours(${k('nNeighbors')}, kind_sel=${py(p.kindSel)}, max_iter=${py(p.maxIter)}, ${strategy(p)})`;
    case 'all-knn':
      return `AllKNN(${k('nNeighbors')}, kind_sel=${py(p.kindSel)}, allow_minority=${py(p.allowMinority)}, ${strategy(p)})`;
    case 'neighbourhood-cleaning-rule':
      return `NeighbourhoodCleaningRule(${k('nNeighbors')}, kind_sel=${py(p.kindSel)}, threshold_cleaning=${py(p.thresholdCleaning)}, ${strategy(p)})`;
    case 'one-sided-selection':
      return `OneSidedSelection(${k('nNeighbors')}, n_seeds_S=${py(p.nSeedsS)}, ${strategy(p)}, random_state=SEED)`;
    case 'condensed-nearest-neighbour':
      return `CondensedNearestNeighbour(${k('nNeighbors')}, n_seeds_S=${py(p.nSeedsS)}, ${strategy(p)}, random_state=SEED)`;
    case 'instance-hardness-threshold':
      return `InstanceHardnessThreshold(cv=${py(p.cv)}, ${strategy(p)}, random_state=SEED)`;
    case 'smote-tomek':
      return `SMOTETomek(smote=SMOTE(${k()}, random_state=SEED), ${strategy(p)}, random_state=SEED)`;
    case 'smote-enn':
      return `SMOTEENN(smote=SMOTE(${k()}, random_state=SEED), enn=EditedNearestNeighbours(${k('nNeighbors')}, kind_sel=${py(p.kindSel)}), ${strategy(p)}, random_state=SEED)`;
    case 'smote-nc':
      return `SMOTENC(categorical_features=cat, ${k()}, ${strategy(p)}, random_state=SEED)`;
    case 'smoten':
      return `SMOTEN(${k()}, ${strategy(p)}, random_state=SEED)`;
    case 'smote-rus':
      return `SmoteRus(smote_percent=${py(p.smotePercent)}, under_percent=${py(p.underPercent)}, k_neighbors=${py(p.kNeighbors)})`;
    default:
      return null;
  }
}

/** Why a method is not in the script (a combination the app refuses too), or null when it is. */
function unsupported(method: MethodSpec, config: ExperimentConfig, data: ScriptData): string | null {
  const def = METHODS[method.id];
  if (def.requires === 'categorical' && data.kind !== 'table') return 'needs categorical columns, which this data has none of (the app refuses it too)';
  if (method.id === 'smoten' && data.kind === 'table' && Object.values(data.columns).includes('numeric')) return 'SMOTEN needs every feature categorical, and this table has numeric columns (the app refuses it too)';
  if (def.stage === 'two-phase' && config.model.kind === 'cnn') return "fine-tunes the MLP; the app refuses it with the CNN too";
  return null;
}

/** Each method as a Python dict: its sampler, loss, batch sampling, fixed classifier, second stage and post-hoc rule. */
function methodEntry(method: MethodSpec, epochs: number): string {
  const def = METHODS[method.id];
  const p = method.params;
  const fields: [string, string][] = [
    ['label', py(methodLabel(method))],
    ['sampler', def.resampler ? `lambda cat: ${sampler(def.resampler, p)}` : 'None'],
    ['codes', py(def.requires === 'categorical')],
    ['leaky', py(isLeaky(method))],
    ['loss', py(def.loss ? { id: method.id, ...p } : null)],
    ['sampling', py(def.sampling ? p.scheme : null)],
    ['etf', py(def.fixedClassifier === 'simplex-etf')],
    ['stage', py(def.stage ? { kind: def.stage, epochs: secondStageEpochs(method, epochs), tau: Number(p.tau ?? 1) } : null)],
    ['posthoc', py(def.posthoc ? { kind: def.posthoc, id: method.id, ...p } : null)],
  ];
  return `    {${fields.map(([k, v]) => `"${k}": ${v}`).join(', ')}},`;
}

/** The Python script of `config` on `data` (see the file comment for what it reproduces). */
export function pythonScript(config: ExperimentConfig, data: ScriptData, generatedAt: string): string {
  const skipped = config.methods.map((m) => [m, unsupported(m, config, data)] as const).filter(([, why]) => why !== null);
  const kept = config.methods.filter((m) => unsupported(m, config, data) === null);
  const s = config.split;
  const m = config.model;
  const fixedTest = (data.kind === 'images' && (data.fixedTest?.length ?? 0) > 0) || (data.kind === 'table' && data.subset !== undefined);
  const protocol = fixedTest ? `hold-out against the data's fixed test set${s.repeats > 1 ? `, ${s.repeats} repeats` : ''}` : `${s.protocol}${s.repeats > 1 ? `, ${s.repeats} repeats` : ''}`;
  return `#!/usr/bin/env python3
"""Imbalance Lab experiment, exported ${generatedAt}.

Reproduces the experiment's protocol with scikit-learn, imbalanced-learn and PyTorch: same data,
same split kind and fractions (${protocol}), preprocessing fitted on the training rows,
resampling of the training rows only, the same model, optimiser, epochs and losses, the same
post-hoc rules and metrics. The random draws differ from the browser's, so compare the picture
(mean +- std), not the last digit.

    python3 experiment.py${data.kind === 'table' ? ' [data.csv]' : ''}

Needs numpy, scikit-learn, imbalanced-learn and torch (Debian: python3-sklearn python3-imblearn python3-torch).
"""
import sys

import numpy as np
import torch
from imblearn.metrics import geometric_mean_score
from imblearn.over_sampling import ADASYN, SMOTE, SMOTEN, SMOTENC, SVMSMOTE, BorderlineSMOTE, KMeansSMOTE, RandomOverSampler
from imblearn.under_sampling import (AllKNN, ClusterCentroids, CondensedNearestNeighbour, EditedNearestNeighbours, InstanceHardnessThreshold,
                                     NearMiss, NeighbourhoodCleaningRule, OneSidedSelection, RandomUnderSampler, RepeatedEditedNearestNeighbours, TomekLinks)
from imblearn.combine import SMOTEENN, SMOTETomek
from sklearn.metrics import accuracy_score, average_precision_score, balanced_accuracy_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold, train_test_split
from sklearn.preprocessing import StandardScaler

SEED = ${config.seed}
PROTOCOL = ${py({ protocol: s.protocol, test: s.test, validation: s.validation, folds: s.folds, repeats: s.repeats, testPerClass: s.testPerClass })}
MODEL = ${py({ kind: m.kind, hiddenLayers: m.hiddenLayers, width: m.width, activation: m.activation, optimizer: m.optimizer, learningRate: m.learningRate, epochs: m.epochs, batchSize: m.batchSize, blocks: m.blocks, filters: m.filters, augment: m.augment, flip: m.flip, shift: m.shift, rotate: m.rotate, noise: m.noise })}

${dataSection(data, config.seed)}
METHODS = [
${kept.map((mm) => methodEntry(mm, m.epochs)).join('\n')}
]
${skipped.length ? `# Not exported (run them in the app):\n${skipped.map(([mm, why]) => `#   ${methodLabel(mm)}: ${why}`).join('\n')}\n` : ''}
${[PYTHON_PROTOCOL, PYTHON_LOSSES, PYTHON_TRAINING, PYTHON_MAIN].join('\n')}`;
}
