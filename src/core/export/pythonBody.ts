/**
 * The fixed part of the exported Python script (pythonScript.ts writes the constants, the data and
 * the method list around it): preprocessing fitted on the training rows, the protocol's splits,
 * class-aware batch sampling, image augmentation, the MLP / CNN, the app's loss family and AnyLoss,
 * the two-stage methods (two-phase, cRT, feature augmentation, τ-norm, LWS), the fixed simplex ETF
 * classifier, the post-hoc rules and the metrics. Each function mirrors the core module named in
 * its docstring. Raw string: the Python code's backslashes stay as they are.
 */
export const PYTHON_BODY = String.raw`
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


def class_weights(counts, scheme="inverse", beta=0.999):
    """Class weights normalised to mean 1 (losses/classWeights.ts): inverse frequency, its square root, or the effective number of samples (Cui et al. 2019)."""
    counts = np.asarray(counts, dtype=np.float64)
    if scheme == "inverse":
        w = np.where(counts > 0, counts.sum() / (len(counts) * np.maximum(counts, 1)), 0)
    elif scheme == "inverse-sqrt":
        w = np.where(counts > 0, 1 / np.sqrt(np.maximum(counts, 1)), 0)
    else:
        w = np.where(counts > 0, (1 - beta) / (1 - beta ** counts), 0)
    return w * len(counts) / max(w.sum(), 1e-12)


def loss_plan(spec, counts, epochs):
    """The loss of a method (lossMethods.ts trainingLossFor): weights, offsets, margins, scale, focal gamma, dice, DRW, AnyLoss."""
    plan = {"weights": None, "offsets": None, "margins": None, "scale": 1.0, "gamma": 0.0, "dice": None, "drw": None, "anyloss": None}
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
    elif i == "anyloss":
        plan["anyloss"] = (spec["metric"], spec["amplification"])
    elif i == "cost-matrix" and spec.get("use") != "decision-rule":
        costs = cost_matrix(spec, counts)
        plan["weights"] = np.array([(row.sum() - row[k]) / (len(row) - 1) for k, row in enumerate(costs)])
    return plan


def cost_matrix(spec, counts):
    if spec.get("costs", "auto") == "auto":
        return np.array([[0 if i == j else counts.max() / max(counts[i], 1) for j in range(len(counts))] for i in range(len(counts))])
    return np.array([[float(v) for v in row.split(",")] for row in str(spec["costs"]).split(";")])


def imbalance_loss(logits, y, plan, weights):
    """The app's loss family (losses/imbalanceLoss.ts): margins on the true class, scale, logit offsets; cross-entropy, focal or self-adjusting dice; class-weighted mean. Or AnyLoss."""
    onehot = torch.nn.functional.one_hot(y, logits.shape[1]).to(logits.dtype)
    if plan["anyloss"] is not None:
        return confusion_loss(logits, onehot, *plan["anyloss"])
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


def confusion_loss(logits, O, metric, amplification):
    """AnyLoss (Han, Lee & Kim 2024): 1 - macro F1 / G-mean / balanced accuracy of a soft confusion matrix built from sigmoid(L (p - 1/2)); classes absent from the batch left out."""
    ph = torch.sigmoid(amplification * (torch.softmax(logits, 1) - 0.5))
    tp, pos = (O * ph).sum(0), O.sum(0)
    present = (pos > 0).to(logits.dtype)
    k = present.sum().clamp_min(1)
    recall = tp / pos.clamp_min(1e-12)
    if metric == "f1":
        fp = ((1 - O) * ph).sum(0)
        value = (2 * tp / (2 * tp + fp + (pos - tp)).clamp_min(1e-12) * present).sum() / k
    elif metric == "balanced-accuracy":
        value = (recall * present).sum() / k
    else:
        value = torch.exp((torch.log(recall.clamp_min(1e-7)) * present).sum() / k)
    return 1 - value


class Net(torch.nn.Module):
    """The app's models (models/mlp.ts, models/cnn.ts): logistic regression, an MLP, or the small CNN
    (conv 3x3 without bias, batch norm, ReLU, 2x2 max-pooling between blocks while the map is at
    least 4x4, global average pooling). features() is the representation under the last layer."""

    def __init__(self, inputs, n_classes):
        super().__init__()
        layers, width = [], inputs
        if MODEL["kind"] == "cnn":
            h, w, cin = IMAGE_SHAPE
            for b in range(MODEL["blocks"]):
                cout = MODEL["filters"] * 2 ** b
                layers += [torch.nn.Conv2d(cin, cout, 3, padding=1, bias=False), torch.nn.BatchNorm2d(cout, eps=1e-3, momentum=0.1), torch.nn.ReLU()]
                if b < MODEL["blocks"] - 1 and h >= 4 and w >= 4:
                    layers.append(torch.nn.MaxPool2d(2))
                    h, w = h // 2, w // 2
                cin = cout
            width = cin
        elif MODEL["kind"] == "mlp":
            act = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid}[MODEL["activation"]]
            for _ in range(MODEL["hiddenLayers"]):
                layers += [torch.nn.Linear(width, MODEL["width"]), act()]
                width = MODEL["width"]
        self.body = torch.nn.Sequential(*layers)
        self.head = torch.nn.Linear(width, n_classes)
        self.width = width

    def features(self, x):
        if MODEL["kind"] == "cnn":
            h, w, c = IMAGE_SHAPE
            return self.body(x.reshape(-1, h, w, c).permute(0, 3, 1, 2)).mean(dim=(2, 3))
        return self.body(x)

    def forward(self, x):
        return self.head(self.features(x))


def simplex_etf(net, n_classes, rng):
    """Fixes the last layer to a simplex equiangular tight frame (training/decoupled.ts simplexEtf):
    M = sqrt(C / (C - 1)) U (I - 1 1^T / C), U with orthonormal columns; zero biases; not trained."""
    d = net.width
    if MODEL["kind"] != "mlp" or MODEL["hiddenLayers"] < 1:
        raise ValueError("A fixed ETF classifier sits on a learned representation: use the MLP model with at least one hidden layer.")
    if d < n_classes:
        raise ValueError(f"A simplex ETF classifier for {n_classes} classes needs a last hidden layer of at least {n_classes} units; widen the model.")
    U, _ = np.linalg.qr(rng.standard_normal((d, n_classes)))
    M = np.sqrt(n_classes / (n_classes - 1)) * U @ (np.eye(n_classes) - 1 / n_classes)
    with torch.no_grad():
        net.head.weight.copy_(torch.as_tensor(M.T, dtype=torch.float32))
        net.head.bias.zero_()
    net.head.weight.requires_grad_(False)
    net.head.bias.requires_grad_(False)


def class_probabilities(counts, scheme, epoch, epochs):
    """p_c of class-aware sampling (training/sampling.ts): instance n_c / n, class-balanced 1 / C, square-root sqrt(n_c), progressive from instance to class-balanced."""
    counts = np.asarray(counts, dtype=np.float64)
    instance = counts / counts.sum()
    balanced = (counts > 0) / max(1, np.sum(counts > 0))
    if scheme == "class-balanced":
        return balanced
    if scheme == "square-root":
        return np.sqrt(counts) / np.sqrt(counts).sum()
    t = epoch / (epochs - 1) if epochs > 1 else 1
    return (1 - t) * instance + t * balanced


def epoch_order(y, n_classes, scheme, epoch, epochs, rng):
    """The rows one epoch visits: a shuffle (instance sampling), or as many draws of a class by p_c, then one of its rows."""
    if scheme is None or scheme == "instance":
        return rng.permutation(len(y))
    members = [np.flatnonzero(y == c) for c in range(n_classes)]
    classes = rng.choice(n_classes, size=len(y), p=class_probabilities([len(m) for m in members], scheme, epoch, epochs))
    order = np.empty(len(y), dtype=np.int64)
    for c in range(n_classes):
        at = np.flatnonzero(classes == c)
        if len(at):
            order[at] = rng.choice(members[c], size=len(at))
    return order


def augment_images(img, rng):
    """Random flip, integer shift, rotation (bilinear, about the centre, zeros outside) and Gaussian noise of raw images [B, h, w, c] (data/images/augment.ts)."""
    b, h, w, c = img.shape
    flip = rng.random_sample(b) < 0.5 if MODEL["flip"] else np.zeros(b, dtype=bool)
    s = MODEL["shift"]
    dx = rng.randint(-s, s + 1, b) if s > 0 else np.zeros(b)
    dy = rng.randint(-s, s + 1, b) if s > 0 else np.zeros(b)
    theta = (rng.random_sample(b) * 2 - 1) * MODEL["rotate"] * np.pi / 180 if MODEL["rotate"] > 0 else np.zeros(b)
    yy, xx = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    cx, cy = (w - 1) / 2, (h - 1) / 2
    ux, uy = xx[None] - dx[:, None, None] - cx, yy[None] - dy[:, None, None] - cy
    cos, sin = np.cos(theta)[:, None, None], np.sin(theta)[:, None, None]
    sx, sy = cos * ux + sin * uy + cx, -sin * ux + cos * uy + cy
    sx = np.where(flip[:, None, None], w - 1 - sx, sx)
    x0, y0 = np.floor(sx).astype(int), np.floor(sy).astype(int)
    fx, fy = (sx - x0)[..., None], (sy - y0)[..., None]
    batch = np.arange(b)[:, None, None]

    def at(yi, xi):
        inside = ((yi >= 0) & (yi < h) & (xi >= 0) & (xi < w))[..., None]
        return img[batch, np.clip(yi, 0, h - 1), np.clip(xi, 0, w - 1)] * inside

    out = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1))
    if MODEL["noise"] > 0:
        out = out + MODEL["noise"] * rng.standard_normal(out.shape)
    return out


def augmenter(encoder, y, n_classes, rng):
    """The training-batch hook of image augmentation (methodPlan.ts augmenterFor): un-standardise, augment in pixel units, standardise; 'tail' = classes below the median class size."""
    if MODEL["augment"] == "none" or IMAGE_SHAPE is None:
        return None
    counts = np.bincount(y, minlength=n_classes)
    median = np.sort(counts)[len(counts) // 2]
    mean, scale = encoder.scaler.mean_, encoder.scaler.scale_

    def apply(xb, yb):
        rows = np.arange(len(yb)) if MODEL["augment"] == "all" else np.flatnonzero(counts[yb.numpy()] < median)
        if len(rows) == 0:
            return xb
        raw = (xb[rows].numpy() * scale + mean).reshape(len(rows), *IMAGE_SHAPE)
        xb = xb.clone()
        xb[rows] = torch.as_tensor((augment_images(raw, rng).reshape(len(rows), -1) - mean) / scale, dtype=xb.dtype)
        return xb

    return apply


def fit(module, X, y, n_classes, plan, epochs, lr, rng, sampling=None, augment=None):
    """Mini-batch training with the model's optimiser (training/train.ts), a new optimiser per call."""
    params = [p for p in module.parameters() if p.requires_grad]
    opt = (torch.optim.Adam if MODEL["optimizer"] == "adam" else torch.optim.SGD)(params, lr=lr)
    Xt, yt = torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.long)
    module.train()
    for epoch in range(1, epochs + 1):
        weights = plan["drw"][1] if plan["drw"] and epoch >= plan["drw"][0] else plan["weights"]
        order = torch.as_tensor(epoch_order(y, n_classes, sampling, epoch - 1, epochs, rng))
        for batch in order.split(MODEL["batchSize"]):
            xb = Xt[batch] if augment is None else augment(Xt[batch], yt[batch])
            opt.zero_grad()
            imbalance_loss(module(xb), yt[batch], plan, weights).backward()
            opt.step()
    module.eval()
    return module


def probabilities(module, X):
    with torch.no_grad():
        return torch.softmax(module(torch.as_tensor(X, dtype=torch.float32)), 1).numpy().astype(np.float64)


def features_of(net, X):
    with torch.no_grad():
        return net.features(torch.as_tensor(X, dtype=torch.float32)).numpy().astype(np.float64)


def feature_augment(H, y, n_classes, rng):
    """Virtual tail features (training/decoupled.ts featureAugment): every class below the largest gets
    rows from N(mu_c, diag s_c^2) with s_c^2 = l s_c^2 + (1 - l) mean of its 2 nearest larger classes'
    variances, l = n_c / (n_c + mean class size), until it is as large as the largest."""
    counts = np.bincount(y, minlength=n_classes)
    mu = np.array([H[y == c].mean(0) if counts[c] else np.zeros(H.shape[1]) for c in range(n_classes)])
    var = np.array([H[y == c].var(0, ddof=1) if counts[c] > 1 else np.zeros(H.shape[1]) for c in range(n_classes)])
    mean = counts[counts > 0].mean()
    extra_X, extra_y = [H], [y]
    for c in range(n_classes):
        add = counts.max() - counts[c] if counts[c] else 0
        if add == 0:
            continue
        near = sorted((h for h in range(n_classes) if h != c and counts[h] >= counts[c]), key=lambda h: np.sum((mu[h] - mu[c]) ** 2))[:2]
        lam = counts[c] / (counts[c] + mean)
        borrowed = var[near].mean(0) if near else var[c]
        sd = np.sqrt(lam * var[c] + (1 - lam) * borrowed)
        extra_X.append(mu[c] + sd * rng.standard_normal((add, H.shape[1])))
        extra_y.append(np.full(add, c))
    return np.vstack(extra_X), np.concatenate(extra_y)


def learn_weight_scaling(z, y, n_classes, steps=200, lr=0.5):
    """LWS (training/decoupled.ts): per-class scales f >= 0 of the logits z, full-batch gradient descent on the class-balanced cross-entropy."""
    counts = np.bincount(y, minlength=n_classes)
    w = np.where(counts > 0, 1 / np.maximum(counts, 1), 0)[y]
    onehot = np.eye(n_classes)[y]
    f = np.ones(n_classes)
    for _ in range(steps):
        s = f * z
        p = np.exp(s - s.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        grad = (w[:, None] * (p - onehot) * z).sum(0) / w.sum()
        f = np.maximum(0, f - lr * grad)
    return f


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def train_method(m, X, y, n_classes, counts, encoder, seed):
    """Trains one method on its (resampled) training rows and returns predict(X) -> probabilities (methodPlan.ts, twoStage.ts)."""
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    plan = loss_plan(m["loss"], counts, MODEL["epochs"])
    stage = m["stage"]
    net = Net(X.shape[1], n_classes)
    if m["etf"]:
        simplex_etf(net, n_classes, rng)
    first_X, first_y = (X, y)
    if stage and stage["kind"] == "two-phase":
        # Phase one on a randomly over-sampled, balanced copy (Buda et al. 2018).
        first_X, first_y = RandomOverSampler(sampling_strategy="not majority", random_state=seed).fit_resample(X, y)
    fit(net, first_X, first_y, n_classes, plan, MODEL["epochs"], MODEL["learningRate"], rng, m["sampling"], augmenter(encoder, first_y, n_classes, rng))
    if not stage:
        return lambda Xp: probabilities(net, Xp)
    kind = stage["kind"]
    if kind == "two-phase":
        # Phase two fine-tunes the whole network on the original data at a tenth of the learning rate.
        fit(net, X, y, n_classes, loss_plan(None, counts, 0), stage["epochs"], MODEL["learningRate"] / 10, rng)
        return lambda Xp: probabilities(net, Xp)
    H = features_of(net, X)
    W, b = net.head.weight.detach().numpy().astype(np.float64), net.head.bias.detach().numpy().astype(np.float64)
    if kind == "tau-norm":
        norms = np.linalg.norm(W, axis=1)
        Wt = W / np.where(norms > 0, norms ** stage["tau"], 1)[:, None]
        return lambda Xp: softmax(features_of(net, Xp) @ Wt.T)
    if kind == "lws":
        f = learn_weight_scaling(H @ W.T + b, y, n_classes)
        return lambda Xp: softmax(f * (features_of(net, Xp) @ W.T + b))
    # cRT (class-balanced sampling) or feature augmentation (virtual tail features): a fresh softmax layer on the frozen features.
    sampling = "class-balanced" if kind == "crt" else None
    if kind == "feature-augment":
        H, y = feature_augment(H, y, n_classes, rng)
    head = fit(torch.nn.Linear(H.shape[1], n_classes), H, y, n_classes, loss_plan(None, counts, 0), stage["epochs"], MODEL["learningRate"], rng, sampling)
    return lambda Xp: probabilities(head, features_of(net, Xp))


def posthoc(rule, proba, counts, predict, X_val, y_val, minority):
    """Prior correction, post-hoc logit adjustment, threshold moving, the cost decision rule (posthoc/adjust.ts)."""
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


def main():
    X, y, names, fixed_test = load_data()
    n_classes = len(names)
    results = {m["label"]: [] for m in METHODS}
    failures = {}
    for k, (tr, va, te) in enumerate(splits(y, fixed_test)):
        encoder = Encoder(X[tr])
        X_va, X_te = encoder.transform(X[va]), encoder.transform(X[te])
        for m in METHODS:
            if m["label"] in failures:
                continue
            try:
                if m["leaky"]:
                    used, ((Xr, yr), (X_va_m, y_va_m), (X_te_m, y_te_m)) = leaky_split(m, X, y, k)
                else:
                    used, (Xr, yr), (X_va_m, y_va_m), (X_te_m, y_te_m) = encoder, resample(m, encoder, X[tr], y[tr]), (X_va, y[va]), (X_te, y[te])
                counts, before = np.bincount(yr, minlength=n_classes), np.bincount(y[tr], minlength=n_classes)
                minority = int(np.argmin(np.where(before > 0, before, np.inf)))
                predict = train_method(m, Xr, yr, n_classes, counts, used, SEED + k)
                pred, proba = posthoc(m["posthoc"], predict(X_te_m), counts, predict, X_va_m, y_va_m, minority)
                results[m["label"]].append(metrics(y_te_m, pred, proba, n_classes, minority))
            except Exception as error:  # a method that fails (as in the app) is reported, the others go on
                failures[m["label"]] = f"{type(error).__name__}: {error}"
    done = {label: runs for label, runs in results.items() if runs and label not in failures}
    keys = list(next(iter(done.values()))[0].keys()) if done else []
    width = max([len("method")] + [len(m["label"]) for m in METHODS])
    print(f"{'method':{width}s} " + " ".join(f"{k:>18s}" for k in keys))
    for label, runs in done.items():
        cells = [f"{np.mean([r[k] for r in runs]):.3f} +- {np.std([r[k] for r in runs], ddof=1) if len(runs) > 1 else 0:.3f}" for k in keys]
        print(f"{label:{width}s} " + " ".join(f"{c:>18s}" for c in cells))
    for label, why in failures.items():
        print(f"{label:{width}s} failed: {why}")


if __name__ == "__main__":
    main()
`;
