/**
 * The training part of the exported Python script: the MLP / CNN, the fixed simplex ETF classifier,
 * class-aware batch sampling, image augmentation, the mini-batch loop, and the second stages
 * (two-phase, cRT, feature augmentation, τ-norm, LWS) — each mirroring the core module named in
 * its docstring.
 * Part of the exported script (pythonScript.ts joins the parts); a raw string, so the Python's
 * backslashes stay as they are.
 */
export const PYTHON_TRAINING = String.raw`
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
`;
