/**
 * The protocol part of the exported Python script: preprocessing fitted on the training rows (the
 * app's table encoder), the splits of the protocol (fixed test sets included), the SMOTE paper's
 * SMOTE + under-sampling, each method's resampling of its training rows, and the leaky demo.
 * Part of the exported script (pythonScript.ts joins the parts); a raw string, so the Python's
 * backslashes stay as they are.
 */
export const PYTHON_PROTOCOL = String.raw`
class Encoder:
    """Preprocessing fitted on the training rows only (the app's data/table/encoder.ts).

    Tables: numeric columns imputed with the median and standardised, booleans 0 / 1 (the most
    frequent value fills a gap), categories imputed with the most frequent value and one-hot encoded
    (a category never seen in training encodes as all zeros). codes() keeps one column per feature,
    with categories as integer codes, for SMOTE-NC / SMOTEN; model() turns codes into the model's
    input. Numeric data (generated points, image pixels): standardisation only.
    """

    def __init__(self, X_fit):
        self.table = X_fit.dtype == object
        if not self.table:
            self.scaler = StandardScaler().fit(X_fit)
            self.categorical = []
            return
        features = [c for c, use in COLUMNS.items() if use != "ignored"]
        self.kinds = [COLUMNS[c] for c in features]
        self.categorical = [j for j, k in enumerate(self.kinds) if k != "numeric"]
        self.fitted = []
        for j, kind in enumerate(self.kinds):
            column = X_fit[:, j]
            if kind == "numeric":
                values = np.array([as_number(v) for v in column])
                if np.all(np.isnan(values)):
                    raise ValueError(f"Column '{features[j]}' has no number in the training rows; mark it ignored.")
                median = float(np.nanmedian(values))
                scaler = StandardScaler().fit(np.where(np.isnan(values), median, values).reshape(-1, 1))
                self.fitted.append((median, scaler))
            elif kind == "boolean":
                values = np.array([as_number(v) for v in column])
                self.fitted.append(1.0 if np.sum(values == 1) > np.sum(values == 0) else 0.0)
            else:
                seen = [v.strip() for v in column if v.strip() != ""]
                levels, counts = np.unique(seen, return_counts=True) if seen else (np.array([""]), np.array([1]))
                self.fitted.append((list(levels), levels[int(np.argmax(counts))]))

    def codes(self, X):
        """One column per feature: numbers standardised, booleans 0 / 1, categories as codes (-1: unseen)."""
        if not self.table:
            return self.scaler.transform(X)
        out = np.zeros((len(X), len(self.kinds)))
        for j, kind in enumerate(self.kinds):
            if kind == "numeric":
                median, scaler = self.fitted[j]
                values = np.array([as_number(v) for v in X[:, j]])
                out[:, j] = scaler.transform(np.where(np.isnan(values), median, values).reshape(-1, 1))[:, 0]
            elif kind == "boolean":
                values = np.array([as_number(v) for v in X[:, j]])
                out[:, j] = np.where(np.isnan(values), self.fitted[j], values)
            else:
                levels, most = self.fitted[j]
                index = {v: i for i, v in enumerate(levels)}
                out[:, j] = [index.get(v.strip() or most, -1) for v in X[:, j]]
        return out

    def model(self, codes):
        """The model's input from codes: categories one-hot, everything else as it is."""
        if not self.table:
            return codes
        parts = []
        for j, kind in enumerate(self.kinds):
            if kind == "categorical":
                levels = self.fitted[j][0]
                code = np.rint(codes[:, j]).astype(int)
                parts.append((code[:, None] == np.arange(len(levels))[None, :]).astype(np.float64))
            else:
                parts.append(codes[:, j : j + 1])
        return np.hstack(parts)

    def transform(self, X):
        return self.model(self.codes(X))


def as_number(text):
    """A cell as a number: numbers, booleans (yes / no, true / false), or NaN for missing and other text."""
    t = str(text).strip().lower()
    if t in ("yes", "true", "y", "t"):
        return 1.0
    if t in ("no", "false", "n", "f"):
        return 0.0
    try:
        return float(t)
    except ValueError:
        return float("nan")


def splits(y, fixed_test=None):
    """(train, validation, test) row indices of every split of the protocol (protocol.ts splitRows).

    A fixed test set (an image set's test folder, the long-tail builder's balanced test rows) is the
    test split of every repeat; validation is then carved from the other rows.
    """
    rng = np.random.RandomState(SEED)
    rows = np.arange(len(y))
    out = []
    if fixed_test is not None:
        test = np.sort(np.asarray(fixed_test))
        pool = np.setdiff1d(rows, test)
        return [(*validation_from(pool, y, rng), test) for _ in range(PROTOCOL["repeats"])]
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


def resample(m, encoder, X, y):
    """The method's resampler on encoded rows: SMOTE-NC / SMOTEN see categories as codes, the others the model's input."""
    if m["sampler"] is None:
        return encoder.transform(X), y
    if m["codes"]:
        Xr, yr = m["sampler"](encoder.categorical).fit_resample(encoder.codes(X), y)
        return encoder.model(Xr), yr
    return m["sampler"](encoder.categorical).fit_resample(encoder.transform(X), y)


def leaky_split(m, X, y, k):
    """The leakage demo (protocol.ts leakyData): resample EVERY row first, then split, then standardise on the training part."""
    Xr, yr = resample(m, Encoder(X), X, y)
    tr, va, te = splits(yr)[k]
    scaled = Encoder(Xr[tr])  # numeric rows: standardisation fitted on the training part (image augmentation un-does it)
    return scaled, [(scaled.transform(Xr[idx]), yr[idx]) for idx in (tr, va, te)]
`;
