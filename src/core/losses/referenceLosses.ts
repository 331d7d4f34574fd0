/**
 * Plain-number (float64, no TF.js) twins of the loss family, written straight from the formulas
 * in imbalanceLoss.ts without the closed-form gradient. The tests compare the tensor losses and
 * their gradients against these values and against central finite differences of them.
 */
import type { ConfusionMetric, ImbalanceLoss } from './imbalanceLoss';

/** L = Σ_i w_{y_i} ℓ_i / Σ_i w_{y_i} of the family (see imbalanceLoss.ts), directly from the definitions. */
export function imbalanceLossReference(logits: number[][], labels: number[], loss: ImbalanceLoss): number {
  const s = loss.scale ?? 1;
  let num = 0;
  let den = 0;
  logits.forEach((row, i) => {
    const y = labels[i];
    const z = row.map((v, c) => s * (v - (c === y ? (loss.margins?.[c] ?? 0) : 0)) + (loss.logitOffsets?.[c] ?? 0));
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    const pt = e[y] / sum;
    const logpt = z[y] - m - Math.log(sum);
    const q = e.reduce((a, v, c) => (c === y ? a : a + v), 0) / sum;
    const t = loss.term;
    let l: number;
    if (t.kind === 'ce') l = -logpt;
    else if (t.kind === 'focal') l = -(q ** t.gamma) * logpt;
    else {
      const g = q ** t.alpha * pt;
      l = 1 - (2 * g + t.smoothing) / (g + 1 + t.smoothing);
    }
    const w = loss.classWeights?.[y] ?? 1;
    num += w * l;
    den += w;
  });
  return den > 0 ? num / den : 0;
}

/** The AnyLoss-style confusion-matrix loss of imbalanceLoss.ts `confusionLoss`, in float64. */
export function confusionLossReference(logits: number[][], labels: number[], metric: ConfusionMetric, amplification: number): number {
  const C = logits[0].length;
  const tp = new Array<number>(C).fill(0);
  const fp = new Array<number>(C).fill(0);
  const pos = new Array<number>(C).fill(0);
  logits.forEach((z, i) => {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const sum = e.reduce((a, b) => a + b, 0);
    for (let c = 0; c < C; c++) {
      const ph = 1 / (1 + Math.exp(-amplification * (e[c] / sum - 0.5)));
      if (labels[i] === c) {
        tp[c] += ph;
        pos[c] += 1;
      } else fp[c] += ph;
    }
  });
  const present = pos.map((n, c) => (n > 0 ? c : -1)).filter((c) => c >= 0);
  let value: number;
  if (metric === 'f1') value = present.reduce((a, c) => a + (2 * tp[c]) / (2 * tp[c] + fp[c] + (pos[c] - tp[c])), 0) / present.length;
  else if (metric === 'balanced-accuracy') value = present.reduce((a, c) => a + tp[c] / pos[c], 0) / present.length;
  else value = Math.exp(present.reduce((a, c) => a + Math.log(Math.max(tp[c] / pos[c], 1e-7)), 0) / present.length);
  return 1 - value;
}

/** ∂f/∂logits by central differences (h = 1e-5), for checking closed-form and autodiff gradients. */
export function numericGradient(f: (logits: number[][]) => number, logits: number[][], h = 1e-5): number[][] {
  return logits.map((row, i) =>
    row.map((_, c) => {
      const plus = logits.map((r) => r.slice());
      const minus = logits.map((r) => r.slice());
      plus[i][c] += h;
      minus[i][c] -= h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}
