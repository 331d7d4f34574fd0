/**
 * SMOTE followed by under-sampling or cleaning: SMOTE + Tomek links, SMOTE + ENN, and the SMOTE
 * paper's own combination with random under-sampling of the majority class.
 */
import { sampleWithoutReplacement } from '../data/indices';
import { ConfigError, got } from '../errors';
import type { ParamSpec } from '../params';
import { defineResampler } from './defineResampler';
import type { BaseResamplerOptions } from './defineResampler';
import { classCounts, concatSorted, ennRemoveMask, keptIndices, majorityClass, minorityClass, selectFromResult, tomekLinkMask } from './selection';
import type { KindSel } from './selection';
import { SMOTE_CITATION, smote, smoteParams } from './smote';
import type { SmoteOptions } from './smote';
import type { ResampleResult } from './types';

export type SmoteTomekOptions = SmoteOptions;

export interface SmoteEnnOptions extends SmoteOptions {
  /** ENN neighbours (imbalanced-learn EditedNearestNeighbours n_neighbors). Default 3. */
  nNeighbors?: number;
  /** ENN rule. Default 'all'. */
  kindSel?: KindSel;
}

export interface SmoteRusOptions extends BaseResamplerOptions {
  /** SMOTE amount N in percent of the minority class: N/100 synthetic rows per minority row. Default 200. */
  smotePercent?: number;
  /** Under-sampling amount U in percent: afterwards the minority class is U% of the majority class. Default 100. */
  underPercent?: number;
  /** SMOTE neighbours. Default 5. */
  kNeighbors?: number;
}

export const SMOTE_TOMEK_CITATION =
  'Batista, Bazzan & Monard 2003, Balancing training data for automated annotation of keywords: a case study, WOB 2003; Batista, Prati & Monard 2004, SIGKDD Explorations 6(1):20–29';
export const SMOTE_ENN_CITATION =
  'Batista, Prati & Monard 2004, A study of the behavior of several methods for balancing machine learning training data, SIGKDD Explorations 6(1):20–29';
export const SMOTE_RUS_CITATION = `${SMOTE_CITATION}, §5 (SMOTE combined with under-sampling of the majority class)`;

export const smoteTomekParams: readonly ParamSpec[] = smoteParams;

export const smoteEnnParams: readonly ParamSpec[] = [
  ...smoteParams,
  {
    name: 'nNeighbors',
    kind: 'int',
    label: 'ENN k neighbours',
    help: 'Neighbours consulted by the edited-nearest-neighbours cleaning step after SMOTE (imbalanced-learn EditedNearestNeighbours n_neighbors).',
    default: 3,
    min: 1,
    max: 50,
    citation: SMOTE_ENN_CITATION,
  },
  {
    name: 'kindSel',
    kind: 'enum',
    label: 'ENN rule',
    help: "ENN cleaning rule: 'all' removes a row unless all its neighbours share its class, 'mode' unless most of them do (imbalanced-learn kind_sel).",
    default: 'all',
    options: ['all', 'mode'],
  },
];

export const smoteRusParams: readonly ParamSpec[] = [
  {
    name: 'smotePercent',
    kind: 'int',
    label: 'SMOTE %',
    help: 'Amount of SMOTE over-sampling of the minority class, in percent: 200 creates two synthetic rows per minority row (Chawla et al. 2002, N).',
    default: 200,
    min: 0,
    max: 5000,
    step: 100,
    citation: SMOTE_CITATION,
  },
  {
    name: 'underPercent',
    kind: 'int',
    label: 'under-sampling %',
    help: 'Amount of random under-sampling of the majority class, in percent: afterwards the (over-sampled) minority class is this percentage of the majority class; 200 leaves half as many majority as minority rows (Chawla et al. 2002).',
    default: 100,
    min: 1,
    max: 5000,
    step: 10,
    citation: SMOTE_CITATION,
  },
  smoteParams[0],
];

/** The rows of a SMOTE result kept by a cleaning mask, provenance carried through. */
function clean(res: ResampleResult, remove: Uint8Array): ResampleResult {
  return selectFromResult(res, keptIndices(remove));
}

/**
 * SMOTE + Tomek links (imbalanced-learn `SMOTETomek`): SMOTE with the given samplingStrategy and
 * kNeighbors (same draws as `smote` with the same rng), then remove both members of every Tomek
 * link in the over-sampled set (Tomek links with samplingStrategy 'all', as imbalanced-learn).
 * Surviving synthetic rows keep origin −1 and their parents; surviving copies keep their origin.
 * Output order: the surviving input rows ascending, then the surviving synthetic rows.
 *
 * Options: as SMOTE (samplingStrategy over-sampling semantics, kNeighbors default 5).
 * @throws DataError / ConfigError as `smote`.
 * @see Batista, Prati & Monard 2004, A study of the behavior of several methods for balancing machine learning training data, SIGKDD Explorations 6(1)
 */
export const smoteTomek = defineResampler<SmoteTomekOptions>({
  id: 'smote-tomek',
  samplerType: 'over-sampling',
  params: smoteTomekParams,
  body(X, y, options, ctx, rng) {
    const over = smote(X, y, options, rng);
    return clean(over, tomekLinkMask(over.X, over.y, new Array<boolean>(ctx.nClasses).fill(true)));
  },
});

/**
 * SMOTE + ENN (imbalanced-learn `SMOTEENN`): SMOTE with the given samplingStrategy and kNeighbors,
 * then edited nearest neighbours (nNeighbors, kindSel) on the over-sampled set with every class
 * targeted (samplingStrategy 'all', as imbalanced-learn). Provenance as `smoteTomek`.
 *
 * Options: as SMOTE, plus nNeighbors (default 3) and kindSel (default 'all') of the ENN step.
 * @throws DataError / ConfigError as `smote`; DataError when nNeighbors >= the over-sampled rows.
 * @see Batista, Prati & Monard 2004, A study of the behavior of several methods for balancing machine learning training data, SIGKDD Explorations 6(1)
 */
export const smoteEnn = defineResampler<SmoteEnnOptions>({
  id: 'smote-enn',
  samplerType: 'over-sampling',
  params: smoteEnnParams,
  body(X, y, options, ctx, rng) {
    const { nNeighbors, kindSel, ...smoteOptions } = options;
    const over = smote(X, y, smoteOptions, rng);
    const all = new Array<boolean>(ctx.nClasses).fill(true);
    return clean(over, ennRemoveMask(over.X, over.y, all, nNeighbors as number, kindSel as KindSel, ctx.nClasses));
  },
});

/**
 * SMOTE + random under-sampling, the combination of Chawla et al. 2002 (§5). With m the minority
 * and M the majority class (smallest / largest, lowest index among equals), N = smotePercent and
 * U = underPercent:
 *
 *   1. SMOTE class m by N%: generate round(N/100 · N_m) synthetic rows (`smote` with strategy
 *      {m: N_m + that}; the paper gives every minority row exactly N/100 of them when N is a
 *      multiple of 100, `smote` picks the row of each synthetic sample at random, as imbalanced-learn);
 *   2. randomly under-sample class M, without replacement, to
 *        n_M = min(N_M, max(1, round(N'_m · 100 / U))),  N'_m = N_m + synthetic rows,
 *      i.e. "under-sampling the majority at U%" leaves the minority at U% of the majority (the
 *      paper's example: 50 minority, 200 majority, U = 200 → 25 majority rows). When that would
 *      need more majority rows than there are, all are kept.
 *
 * Other classes are left as they are. Output: the kept input rows ascending, then the synthetic rows.
 * Options: smotePercent (0..5000, default 200), underPercent (1..5000, default 100), kNeighbors (default 5).
 * @throws DataError as `smote` when the minority class has <= kNeighbors rows (and N > 0).
 * @throws ConfigError when a samplingStrategy other than 'auto' is given (N % and U % define the protocol).
 * @throws DataError / ConfigError from the template.
 * @see Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16, §5
 */
export const smoteRus = defineResampler<SmoteRusOptions>({
  id: 'smote-rus',
  samplerType: 'over-sampling',
  params: smoteRusParams,
  body(X, y, options, ctx, rng) {
    // The paper's protocol is defined by N % and U %, not by a sampling strategy: refuse one rather
    // than silently ignoring it.
    if (options.samplingStrategy !== undefined && options.samplingStrategy !== 'auto') {
      throw new ConfigError(
        `smote-rus is set by smotePercent and underPercent (the SMOTE paper's N % and U %); samplingStrategy does not apply. Use 'smote' or 'smote-tomek' for a sampling strategy. Got ${got(options.samplingStrategy)} instead.`,
        'samplingStrategy',
      );
    }
    const m = minorityClass(ctx.counts);
    const M = majorityClass(ctx.counts);
    const synthetic = Math.round(((options.smotePercent as number) / 100) * ctx.counts[m]);
    const key = options.classNames?.[m] ?? m;
    const over = smote(X, y, { samplingStrategy: { [key]: ctx.counts[m] + synthetic }, kNeighbors: options.kNeighbors, classNames: options.classNames }, rng);
    const counts = classCounts(over.y, ctx.nClasses);
    const keepMajority = Math.min(counts[M], Math.max(1, Math.round((counts[m] * 100) / (options.underPercent as number))));
    const majorityRows: number[] = [];
    const otherRows: number[] = [];
    for (let i = 0; i < over.y.length; i++) (over.y[i] === M ? majorityRows : otherRows).push(i);
    const kept = concatSorted([otherRows, sampleWithoutReplacement(majorityRows, keepMajority, rng)]);
    return selectFromResult(over, kept);
  },
});

export const smoteTomekEntry = {
  id: 'smote-tomek',
  label: 'SMOTE + Tomek links',
  samplerType: 'over-sampling',
  params: smoteTomekParams,
  citation: SMOTE_TOMEK_CITATION,
  resample: smoteTomek,
} as const;

export const smoteEnnEntry = {
  id: 'smote-enn',
  label: 'SMOTE + ENN',
  samplerType: 'over-sampling',
  params: smoteEnnParams,
  citation: SMOTE_ENN_CITATION,
  resample: smoteEnn,
} as const;

export const smoteRusEntry = {
  id: 'smote-rus',
  label: 'SMOTE + random under-sampling (Chawla et al.)',
  samplerType: 'over-sampling',
  params: smoteRusParams,
  citation: SMOTE_RUS_CITATION,
  resample: smoteRus,
} as const;
