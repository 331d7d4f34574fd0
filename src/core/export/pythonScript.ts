/**
 * The experiment as a runnable Python script (scikit-learn, imbalanced-learn, PyTorch), so its
 * results can be checked outside the browser. It reproduces the PROTOCOL — the same data, split
 * kind and fractions, preprocessing fitted on the training rows, resampling of the training rows
 * only, the same model, optimiser, epochs and losses, the same post-hoc rules, the same metrics
 * with mean ± std — not the same random draws (NumPy and PyTorch have their own generators), so
 * expect the same picture within split-to-split noise, not identical digits.
 *
 * Methods with no standard counterpart in these libraries are listed in the script and skipped:
 * AnyLoss, the fixed ETF classifier, class-aware batch sampling, the two-stage methods (two-phase,
 * cRT, τ-norm, LWS, feature augmentation), SMOTE-NC / SMOTEN on category codes, the leaky variant,
 * and the CNN / image sets.
 */
import type { ExperimentConfig } from '../config';
import { isLoadedDataset } from '../config';
import { METHODS, methodLabel, type MethodSpec } from '../methods';

export type ScriptData =
  | { kind: 'points'; X: ArrayLike<number>; cols: number; y: ArrayLike<number>; classNames: string[] }
  | { kind: 'table'; file: string; target: string; columns: Record<string, 'numeric' | 'categorical' | 'boolean' | 'ignored'> }
  | { kind: 'images'; name: string };

const py = (v: unknown): string => {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'float("nan")';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`).join(', ')}}`;
};

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
    case 'smote-rus':
      return `SmoteRus(smote_percent=${py(p.smotePercent)}, under_percent=${py(p.underPercent)}, k_neighbors=${py(p.kNeighbors)})`;
    default:
      return null;
  }
}

/** Why a method is not in the script, or null when it is. */
function unsupported(method: MethodSpec, config: ExperimentConfig): string | null {
  const def = METHODS[method.id];
  if (method.params.leakBeforeSplit === true) return 'the leaky demo (resampling before the split) is not exported';
  if (def.resampler && !sampler(def.resampler, method.params)) return 'SMOTE-NC / SMOTEN resample category codes; not exported';
  if (method.id === 'anyloss') return 'AnyLoss has no library counterpart';
  if (def.fixedClassifier) return 'the fixed ETF classifier is not exported';
  if (def.sampling) return 'class-aware batch sampling is not exported';
  if (def.stage) return 'two-stage methods are not exported';
  if (config.model.kind === 'cnn') return 'the CNN is not exported';
  return null;
}

/** Each exported method as a Python dict: its sampler, loss and post-hoc rule. */
function methodEntry(method: MethodSpec): string {
  const def = METHODS[method.id];
  const p = method.params;
  const loss = def.loss ? { id: method.id, ...p } : null;
  const posthoc = def.posthoc ? { kind: def.posthoc, id: method.id, ...p } : null;
  return `    {"label": ${py(methodLabel(method))}, "sampler": ${def.resampler ? `lambda: ${sampler(def.resampler, p)}` : 'None'}, "loss": ${py(loss)}, "posthoc": ${py(posthoc)}},`;
}

function dataSection(data: ScriptData, config: ExperimentConfig): string {
  if (data.kind === 'points') {
    const rows: string[] = [];
    for (let i = 0; i < data.y.length; i++) rows.push(`[${Array.from({ length: data.cols }, (_, j) => Number(data.X[i * data.cols + j]).toPrecision(8)).join(', ')}]`);
    return `# The generated data of the experiment (${data.y.length} rows, seed ${config.seed}), as the app drew it.
CLASS_NAMES = ${py(data.classNames)}
X_ALL = np.array([
${rows.map((r) => `    ${r},`).join('\n')}
], dtype=np.float64)
Y_ALL = np.array(${py(Array.from(data.y))}, dtype=np.int64)


def load_data():
    return X_ALL, Y_ALL, CLASS_NAMES
`;
  }
  if (data.kind === 'images') return '';
  return `# The table: pass its path as the first argument (default: the file the app loaded).
DATA_FILE = sys.argv[1] if len(sys.argv) > 1 else ${py(data.file)}
TARGET = ${py(data.target)}
COLUMNS = ${py(data.columns)}  # how the app used each column


def load_data():
    import csv

    with open(DATA_FILE, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if (r.get(TARGET) or "").strip() != ""]
    labels = [r[TARGET].strip() for r in rows]
    number = lambda s: s.replace(".", "", 1).lstrip("-").isdigit()
    names = sorted(set(labels), key=lambda s: (0, float(s), s) if number(s) else (1, 0, s))
    index = {n: i for i, n in enumerate(names)}
    features = [c for c, use in COLUMNS.items() if use != "ignored"]
    X = np.array([[(r.get(c) or "").strip() for c in features] for r in rows], dtype=object)
    return X, np.array([index[l] for l in labels], dtype=np.int64), names
`;
}

/** The Python script of `config` on `data` (see the file comment for what it reproduces). */
export function pythonScript(config: ExperimentConfig, data: ScriptData, generatedAt: string): string {
  const skipped = config.methods.map((m) => [m, unsupported(m, config)] as const).filter(([, why]) => why !== null);
  const kept = config.methods.filter((m) => unsupported(m, config) === null);
  const images = data.kind === 'images' || (isLoadedDataset(config.dataset) && config.dataset.image !== undefined && data.kind !== 'table' && data.kind !== 'points');
  const s = config.split;
  const m = config.model;
  const header = `#!/usr/bin/env python3
"""Imbalance Lab experiment, exported ${generatedAt}.

Reproduces the experiment's protocol with scikit-learn, imbalanced-learn and PyTorch: same data,
same split kind and fractions (${s.protocol}${s.repeats > 1 ? `, ${s.repeats} repeats` : ''}), preprocessing fitted on the training rows,
resampling of the training rows only, the same model, optimiser, epochs and losses, the same
post-hoc rules and metrics. The random draws differ from the browser's, so compare the picture
(mean +- std), not the last digit.

    python3 experiment.py${data.kind === 'table' ? ' [data.csv]' : ''}

Needs numpy, scikit-learn, imbalanced-learn and torch (Debian: python3-sklearn python3-imblearn python3-torch).
"""`;
  if (images) {
    return `${header}
import sys

sys.exit("This experiment uses an image set, which the script export does not cover (the CNN and image decoding live in the app). Use the app, or the command line: imbalance-lab run --config experiment.json")
`;
  }
  return `${header}
import sys

import numpy as np
import torch
from imblearn.metrics import geometric_mean_score
from imblearn.over_sampling import ADASYN, SMOTE, SVMSMOTE, BorderlineSMOTE, KMeansSMOTE, RandomOverSampler
from imblearn.under_sampling import (AllKNN, ClusterCentroids, CondensedNearestNeighbour, EditedNearestNeighbours, InstanceHardnessThreshold,
                                     NearMiss, NeighbourhoodCleaningRule, OneSidedSelection, RandomUnderSampler, RepeatedEditedNearestNeighbours, TomekLinks)
from imblearn.combine import SMOTEENN, SMOTETomek
from sklearn.metrics import accuracy_score, average_precision_score, balanced_accuracy_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold, train_test_split

SEED = ${config.seed}
PROTOCOL = ${py({ protocol: s.protocol, test: s.test, validation: s.validation, folds: s.folds, repeats: s.repeats, testPerClass: s.testPerClass })}
MODEL = ${py({ kind: m.kind, hiddenLayers: m.hiddenLayers, width: m.width, activation: m.activation, optimizer: m.optimizer, learningRate: m.learningRate, epochs: m.epochs, batchSize: m.batchSize })}

${dataSection(data, config)}

def preprocess(X_train, X_others):
    """Imputation (median / most frequent), one-hot categories and standardisation, fitted on the training rows only."""
    if X_train.dtype != object:
        mean, std = X_train.mean(axis=0), X_train.std(axis=0)
        std[std == 0] = 1
        return (X_train - mean) / std, [(x - mean) / std for x in X_others]
    from sklearn.impute import SimpleImputer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    features = [c for c, use in COLUMNS.items() if use != "ignored"]
    num = [i for i, c in enumerate(features) if COLUMNS[c] in ("numeric", "boolean")]
    cat = [i for i, c in enumerate(features) if COLUMNS[c] == "categorical"]
    numbers = lambda a: np.array([[as_number(v) for v in row] for row in a[:, num]], dtype=np.float64).reshape(len(a), len(num))
    texts = lambda a: np.where(a[:, cat] == "", "__missing__", a[:, cat]).astype(object)
    parts_train, fitted = [], []
    if num:
        imp, sc = SimpleImputer(strategy="median"), StandardScaler()
        parts_train.append(sc.fit_transform(imp.fit_transform(numbers(X_train))))
        fitted.append(lambda a, imp=imp, sc=sc: sc.transform(imp.transform(numbers(a))))
    if cat:
        imp, oh = SimpleImputer(missing_values="__missing__", strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore", max_categories=50, sparse_output=False)
        parts_train.append(oh.fit_transform(imp.fit_transform(texts(X_train))))
        fitted.append(lambda a, imp=imp, oh=oh: oh.transform(imp.transform(texts(a))))
    join = lambda parts: np.hstack(parts).astype(np.float64)
    return join(parts_train), [join([f(x) for f in fitted]) for x in X_others]


def as_number(text):
    """A cell as a number: numbers, booleans (yes / no, true / false), or NaN for missing and other text."""
    t = text.strip().lower()
    if t in ("yes", "true", "y", "t"):
        return 1.0
    if t in ("no", "false", "n", "f"):
        return 0.0
    try:
        return float(t)
    except ValueError:
        return float("nan")


def splits(y):
    """(train, validation, test) row indices for every split of the protocol."""
    rng = np.random.RandomState(SEED)
    rows = np.arange(len(y))
    out = []
    if PROTOCOL["protocol"] == "cross-validation":
        cv = RepeatedStratifiedKFold(n_splits=PROTOCOL["folds"], n_repeats=PROTOCOL["repeats"], random_state=SEED)
        for train, test in cv.split(rows, y):
            out.append((*validation_from(train, y, rng), test))
        return out
    for r in range(PROTOCOL["repeats"]):
        if PROTOCOL["protocol"] == "balanced-test":
            test = np.concatenate([rng.permutation(rows[y == c])[: PROTOCOL["testPerClass"]] for c in np.unique(y)])
            rest = np.setdiff1d(rows, test)
        else:
            rest, test = train_test_split(rows, test_size=PROTOCOL["test"], stratify=y, random_state=SEED + r)
        out.append((*validation_from(rest, y, rng, PROTOCOL["validation"] / max(1e-9, 1 - (0 if PROTOCOL["protocol"] == "balanced-test" else PROTOCOL["test"]))), test))
    return out


def validation_from(rows, y, rng, share=None):
    share = PROTOCOL["validation"] if share is None else share
    if share <= 0:
        return rows, rows[:0]
    train, val = train_test_split(rows, test_size=min(0.9, share), stratify=y[rows], random_state=rng.randint(1 << 30))
    return train, val


class SmoteRus:
    """The SMOTE paper's SMOTE + random under-sampling: N % synthetic minority rows, then the majority cut until the minority is U % of it."""

    def __init__(self, smote_percent, under_percent, k_neighbors):
        self.n, self.u, self.k = smote_percent, under_percent, k_neighbors

    def fit_resample(self, X, y):
        counts = np.bincount(y)
        m, M = counts.argmin(), counts.argmax()
        if self.n > 0:
            X, y = SMOTE(sampling_strategy={m: int(counts[m] * (1 + self.n / 100))}, k_neighbors=self.k, random_state=SEED).fit_resample(X, y)
        counts = np.bincount(y)
        keep = min(counts[M], max(1, round(counts[m] * 100 / self.u)))
        return RandomUnderSampler(sampling_strategy={M: keep}, random_state=SEED).fit_resample(X, y)


def class_weights(counts, scheme="inverse", beta=0.999):
    counts = np.asarray(counts, dtype=np.float64)
    if scheme == "inverse":
        w = np.where(counts > 0, counts.sum() / (len(counts) * np.maximum(counts, 1)), 0)
    elif scheme == "inverse-sqrt":
        w = np.where(counts > 0, 1 / np.sqrt(np.maximum(counts, 1)), 0)
    else:  # effective number of samples (Cui et al. 2019)
        w = np.where(counts > 0, (1 - beta) / (1 - beta ** counts), 0)
    return w * len(counts) / max(w.sum(), 1e-12)


def loss_plan(spec, counts, epochs):
    """The loss family's parameters of a method (as the app's lossMethods.ts): weights, offsets, margins, scale, focal gamma, dice, DRW."""
    plan = {"weights": None, "offsets": None, "margins": None, "scale": 1.0, "gamma": 0.0, "dice": None, "drw": None}
    if spec is None:
        return plan
    i = spec["id"]
    counts = np.asarray(counts, dtype=np.float64)
    if i == "class-weight":
        plan["weights"] = class_weights(counts, spec.get("scheme", "inverse"), spec.get("beta", 0.999) or 0.999)
    elif i in ("focal", "cb-focal"):
        plan["gamma"] = spec["gamma"]
        if i == "focal":
            rare = int(np.argmin(np.where(counts > 0, counts, np.inf)))
            a = spec.get("alpha", 0.5)
            plan["weights"] = np.array([a if c == rare else 1 - a for c in range(len(counts))])
        else:
            plan["weights"] = class_weights(counts, "effective-number", spec["beta"])
    elif i == "ldam-drw":
        margins = 1 / np.maximum(counts, 1) ** 0.25
        plan["margins"] = margins * spec["maxMargin"] / margins.max()
        plan["scale"] = spec["scale"]
        drw = round(0.8 * epochs) if spec.get("drwEpoch", "auto") == "auto" else int(spec["drwEpoch"])
        plan["drw"] = (max(1, drw), class_weights(counts, "effective-number", 0.9999))
    elif i == "balanced-softmax":
        plan["offsets"] = np.log(np.maximum(counts, 0.5))
    elif i == "logit-adjusted-loss":
        plan["offsets"] = spec["tau"] * np.log(np.maximum(counts, 0.5) / counts.sum())
    elif i == "dice":
        plan["dice"] = (spec["alpha"], spec["smoothing"])
    elif i == "cost-matrix" and spec.get("use") != "decision-rule":
        costs = cost_matrix(spec, counts)
        plan["weights"] = np.array([(row.sum() - row[k]) / (len(row) - 1) for k, row in enumerate(costs)])
    return plan


def cost_matrix(spec, counts):
    if spec.get("costs", "auto") == "auto":
        return np.array([[0 if i == j else counts.max() / max(counts[i], 1) for j in range(len(counts))] for i in range(len(counts))])
    return np.array([[float(v) for v in row.split(",")] for row in str(spec["costs"]).split(";")])


def imbalance_loss(logits, y, plan, weights):
    """The app's loss family: margins on the true class, scale, logit offsets; cross-entropy, focal or self-adjusting dice; class-weighted mean."""
    onehot = torch.nn.functional.one_hot(y, logits.shape[1]).to(logits.dtype)
    z = logits
    if plan["margins"] is not None:
        z = z - onehot * torch.as_tensor(plan["margins"], dtype=z.dtype)
    z = z * plan["scale"]
    if plan["offsets"] is not None:
        z = z + torch.as_tensor(plan["offsets"], dtype=z.dtype)
    logp = torch.log_softmax(z, dim=1)
    logpt = (onehot * logp).sum(1)
    pt = logpt.exp()
    q = (1 - pt).clamp_min(1e-30)
    if plan["dice"] is not None:
        a, eps = plan["dice"]
        g = q ** a * pt
        per = 1 - (2 * g + eps) / (g + 1 + eps)
    else:
        per = -(q ** plan["gamma"]) * logpt if plan["gamma"] > 0 else -logpt
    w = torch.ones_like(per) if weights is None else torch.as_tensor(weights, dtype=per.dtype)[y]
    return (w * per).sum() / w.sum().clamp_min(1e-30)


def train(X, y, n_classes, plan, validation):
    torch.manual_seed(SEED)
    layers, width = [], X.shape[1]
    hidden = MODEL["hiddenLayers"] if MODEL["kind"] == "mlp" else 0
    act = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid}[MODEL["activation"]]
    for _ in range(hidden):
        layers += [torch.nn.Linear(width, MODEL["width"]), act()]
        width = MODEL["width"]
    net = torch.nn.Sequential(*layers, torch.nn.Linear(width, n_classes))
    opt = (torch.optim.Adam if MODEL["optimizer"] == "adam" else torch.optim.SGD)(net.parameters(), lr=MODEL["learningRate"])
    Xt, yt = torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.long)
    for epoch in range(1, MODEL["epochs"] + 1):
        weights = plan["drw"][1] if plan["drw"] and epoch >= plan["drw"][0] else plan["weights"]
        for batch in torch.randperm(len(yt)).split(MODEL["batchSize"]):
            opt.zero_grad()
            imbalance_loss(net(Xt[batch]), yt[batch], plan, weights).backward()
            opt.step()
    return lambda Xp: torch.softmax(net(torch.as_tensor(Xp, dtype=torch.float32)), 1).detach().numpy().astype(np.float64)


def posthoc(rule, proba, counts, predict, X_val, y_val, minority):
    """Prior correction, post-hoc logit adjustment, threshold moving, the cost decision rule (as the app's posthoc/adjust.ts)."""
    if rule is None:
        return proba.argmax(1), proba
    priors = np.maximum(counts, 0.5) / counts.sum()
    if rule["kind"] == "logit-adjust":
        tau = 1.0 if rule["id"] == "prior-correction" else rule["tau"]
        adj = proba / priors ** tau
        adj /= adj.sum(1, keepdims=True)
        return adj.argmax(1), adj
    if rule["kind"] == "cost" and rule.get("use") == "decision-rule":
        c = cost_matrix(rule, counts)
        t = c[0, 1] / (c[0, 1] + c[1, 0]) if c[0, 1] + c[1, 0] > 0 else 0.5
        return (proba[:, 1] >= t).astype(int), proba
    if rule["kind"] == "threshold":
        pv = predict(X_val)[:, minority]
        score = {"f1": lambda p: f1_score(y_val == minority, p), "gmean": lambda p: geometric_mean_score(y_val == minority, p, average="binary"),
                 "balanced-accuracy": lambda p: balanced_accuracy_score(y_val == minority, p)}[rule["objective"]]
        t = max(np.unique(pv), key=lambda t: (score(pv >= t), -abs(t - 0.5)))
        pred = np.where(proba[:, minority] >= t, minority, 1 - minority)
        return pred, proba
    return proba.argmax(1), proba


def metrics(y, pred, proba, n_classes, minority):
    out = {
        "accuracy": accuracy_score(y, pred),
        "balanced accuracy": balanced_accuracy_score(y, pred),
        "macro-F1": f1_score(y, pred, average="macro", zero_division=0),
        "G-mean": geometric_mean_score(y, pred, average="multiclass"),
        "MCC": matthews_corrcoef(y, pred),
        "minority recall": float(np.mean(pred[y == minority] == minority)) if np.any(y == minority) else float("nan"),
    }
    if n_classes == 2:
        out["ROC AUC"] = roc_auc_score(y, proba[:, 1])
        out["PR AUC (AP)"] = average_precision_score(y, proba[:, 1])
    else:
        out["ROC AUC"] = roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=list(range(n_classes)))
    return out


METHODS = [
${kept.map(methodEntry).join('\n')}
]
${skipped.length ? `# Not exported (run them in the app):\n${skipped.map(([mm, why]) => `#   ${methodLabel(mm)}: ${why}`).join('\n')}\n` : ''}

def main():
    X, y, names = load_data()
    n_classes = len(names)
    results = {m["label"]: [] for m in METHODS}
    for k, (tr, va, te) in enumerate(splits(y)):
        X_tr, (X_va, X_te) = preprocess(X[tr], [X[va], X[te]])
        y_tr, y_va, y_te = y[tr], y[va], y[te]
        for m in METHODS:
            Xr, yr = m["sampler"]().fit_resample(X_tr, y_tr) if m["sampler"] else (X_tr, y_tr)
            counts = np.bincount(yr, minlength=n_classes)
            minority = int(np.argmin(np.bincount(y_tr, minlength=n_classes)))
            predict = train(Xr, yr, n_classes, loss_plan(m["loss"], counts, MODEL["epochs"]), (X_va, y_va))
            pred, proba = posthoc(m["posthoc"], predict(X_te), counts, predict, X_va, y_va, minority)
            results[m["label"]].append(metrics(y_te, pred, proba, n_classes, minority))
    keys = list(next(iter(results.values()))[0].keys()) if METHODS else []
    print(f"{'method':32s} " + " ".join(f"{k:>18s}" for k in keys))
    for label, runs in results.items():
        cells = [f"{np.mean([r[k] for r in runs]):.3f} +- {np.std([r[k] for r in runs], ddof=1) if len(runs) > 1 else 0:.3f}" for k in keys]
        print(f"{label[:32]:32s} " + " ".join(f"{c:>18s}" for c in cells))


if __name__ == "__main__":
    main()
`;
}
