/**
 * The lessons: short sequences of steps, each a prepared experiment (a workbench link or metric-lab
 * settings), a few sentences, and what to look at. Opened by link (`#lesson/<id>/<step>`), walked
 * with next / back (arrow keys in presenter mode). Every experiment is small enough to run in well
 * under a minute on a laptop without a GPU (small data, logistic regression or a small MLP, few
 * epochs). Content, not algorithms: every number a student sees comes from the app itself.
 */
import type { EvaluationTab } from '../state/evaluationOptions';
import type { MetricLabSettings } from '../state/metricLab';

export interface LessonStep {
  title: string;
  /** Paragraphs of explanation. */
  text: string[];
  /** What to look at, once the step is set up. */
  look: string;
  /** A workbench experiment (a link's query string) — or metric-lab settings for the metric lab. */
  query?: string;
  metricLab?: Partial<MetricLabSettings>;
  /** The evaluation view to open once the run is done. */
  tab?: EvaluationTab;
  /** Open the resampling preview of this method (workbench steps). */
  preview?: number;
  /** The experiment panels presenter mode keeps on screen for this step (the others are hidden). */
  controls?: ('data' | 'methods' | 'model')[];
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** The literature the lesson stands on. */
  sources: string[];
  steps: LessonStep[];
}

const QUICK = 'model.kind=logistic&model.epochs=40&model.learningRate=0.05';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'accuracy-paradox',
    title: 'The accuracy paradox',
    summary: '99 % accuracy that never finds the minority — and the metrics that tell the truth.',
    sources: [
      'He & Garcia 2009, Learning from Imbalanced Data, IEEE TKDE 21(9)',
      'Chicco & Jurman 2020, The advantages of the Matthews correlation coefficient (MCC) over F1 score and accuracy, BMC Genomics 21',
      'Saito & Rehmsmeier 2015, The precision-recall plot is more informative than the ROC plot when evaluating binary classifiers on imbalanced datasets, PLoS ONE 10(3)',
    ],
    steps: [
      {
        title: 'One positive in a hundred',
        text: [
          'The data: 2,000 points, one minority point for every 100 majority points, overlapping classes. The model: a plain logistic regression, no rebalancing.',
          'Press Run comparison. Predicting "majority" for everything already scores 99 % accuracy.',
        ],
        look: 'The metrics table: accuracy near 0.99 while the minority recall is near 0 — the model learned to ignore the class that matters.',
        query: `?shape=moons&n=2000&ir=100&noise=0.6&${QUICK}&method=none`,
        tab: 'ranking',
        controls: ['data'],
      },
      {
        title: 'Metrics that notice',
        text: [
          'Now two methods that care about the minority: a class-weighted loss and balanced softmax, next to no rebalancing. Press Run comparison.',
          'Accuracy barely moves, or even drops a little. Balanced accuracy, macro-F1, G-mean and MCC jump: they average over the classes, so a class the model ignores drags them down.',
        ],
        look: '"Do the metrics agree?": accuracy crowns a different winner than balanced accuracy, G-mean, MCC and PR AUC (highlighted columns).',
        query: `?shape=moons&n=2000&ir=100&noise=0.6&${QUICK}&method=none&method=class-weight&method=balanced-softmax`,
        tab: 'ranking',
      },
      {
        title: 'Why: the same classifier, more and more imbalance',
        text: [
          'The metric lab keeps one classifier fixed — it finds 80 % of the positives and flags 5 % of the negatives — and only changes the imbalance.',
          'As the positives get rarer, accuracy climbs towards 1 − FPR = 0.95 although nothing about the classifier changed. F1, MCC and PR AUC fall towards 0: almost every alarm is false. Balanced accuracy and G-mean stay put.',
        ],
        look: 'The chart from 1:1 to 1:10,000: the red accuracy line against the collapsing F1, MCC and PR AUC.',
        metricLab: { tpr: 0.8, fpr: 0.05, noise: 0, ratio: 100 },
      },
    ],
  },
  {
    id: 'smote',
    title: 'Over-sampling, under-sampling and SMOTE',
    summary: 'What synthetic points look like, where they go wrong, and the fixes: Borderline-SMOTE and cleaning.',
    sources: [
      'Chawla, Bowyer, Hall & Kegelmeyer 2002, SMOTE: Synthetic Minority Over-sampling Technique, JAIR 16',
      'Han, Wang & Mao 2005, Borderline-SMOTE, ICIC',
      'Batista, Prati & Monard 2004, A study of the behavior of several methods for balancing machine learning training data, SIGKDD Explorations 6(1)',
    ],
    steps: [
      {
        title: 'Copies, fewer points, or new points',
        text: [
          'Random over-sampling copies minority points; random under-sampling throws majority points away; SMOTE draws new minority points on the segments between a minority point and one of its minority neighbours.',
          'The resampling preview shows what SMOTE does to the training split before any training: hover a synthetic point to see the two points it came from.',
        ],
        look: 'The preview: hollow diamonds are SMOTE\'s synthetic points, all inside the minority\'s region.',
        query: `?shape=moons&n=800&ir=20&noise=0.3&${QUICK}&method=random-over&method=random-under&method=smote`,
        preview: 2,
        controls: ['methods'],
      },
      {
        title: 'When the classes overlap',
        text: [
          'With heavy overlap, SMOTE also interpolates between minority points that sit inside the majority — and puts synthetic points there.',
          'Borderline-SMOTE only grows points from minority points near the boundary; SMOTE + ENN removes points that disagree with their neighbours afterwards. Press Run comparison.',
        ],
        look: 'The decision regions (bottom) and the per-class recall: which method trades majority accuracy for minority recall, and how much.',
        query: `?shape=moons&n=800&ir=20&noise=0.9&${QUICK}&method=smote&method=borderline-smote-1&method=smote-enn`,
        preview: 0,
        tab: 'head-to-tail',
      },
    ],
  },
  {
    id: 'leakage',
    title: 'Leakage: resampling before the split',
    summary: 'Resampling the whole dataset before splitting it inflates the score; resampling inside the training split does not.',
    sources: ['Santos, Soares, Abreu, Araujo & Santos 2018, Cross-Validation for Imbalanced Datasets: Avoiding Overoptimistic and Overfitting Approaches, IEEE Computational Intelligence Magazine 13(4)'],
    steps: [
      {
        title: 'The same SMOTE, twice',
        text: [
          'Both methods are SMOTE with the same settings. The second one resamples the WHOLE dataset and only then splits it into training and test — a common mistake.',
          'Copies and near-copies of training points land in the test split, so the model is tested on what it was trained on. Press Run comparison.',
        ],
        look: 'The metrics table: the leaky SMOTE scores higher on its test split, and that score is a lie; the honest one is what you would see on new data.',
        query: `?shape=moons&n=800&ir=15&noise=0.8&${QUICK}&method=smote&method=smote(leakBeforeSplit~true)`,
        controls: ['methods'],
      },
      {
        title: 'Over several splits',
        text: ['One split can be luck. With three repeated splits the table shows mean ± std, and the significance view tests the difference split by split.'],
        look: '"Signal or noise?": the leaky variant against the honest one, paired over the splits.',
        query: `?shape=moons&n=800&ir=15&noise=0.8&repeats=3&${QUICK}&method=smote&method=smote(leakBeforeSplit~true)`,
      },
    ],
  },
  {
    id: 'reweighting',
    title: 'Reweighting and margins on a long-tailed image set',
    summary: 'Class weights, focal loss, LDAM-DRW and balanced softmax on long-tailed digits; head against tail accuracy.',
    sources: [
      'Cui, Jia, Lin, Song & Belongie 2019, Class-Balanced Loss Based on Effective Number of Samples, CVPR',
      'Lin, Goyal, Girshick, He & Dollár 2017, Focal Loss for Dense Object Detection, ICCV',
      'Cao, Wei, Gaidon, Arechiga & Ma 2019, Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss, NeurIPS',
      'Ren, Yu, Sheng, Ma, Zhao, Yi & Li 2020, Balanced Meta-Softmax for Long-Tailed Visual Recognition, NeurIPS',
    ],
    steps: [
      {
        title: 'Long-tailed digits',
        text: [
          'The training set has 126 images of the head class down to 2 of the tail classes; the test set is balanced (20 per class), so every class counts the same.',
          'Five losses on the same small network: plain cross-entropy, class weights, focal loss, LDAM with deferred re-weighting, balanced softmax. Wait for the data to load, then press Run comparison (a few seconds on a laptop).',
        ],
        look: 'Head → tail: plain cross-entropy is good on the head and poor on the tail; the long-tail losses narrow the gap (the table\'s last column).',
        query: `?data=digits-lt&model.kind=mlp&model.epochs=30&method=none&method=class-weight&method=focal&method=ldam-drw&method=balanced-softmax`,
        tab: 'head-to-tail',
      },
    ],
  },
  {
    id: 'thresholds',
    title: 'Thresholds, priors and costs',
    summary: 'Moving the decision threshold, prior correction, and choosing a method and threshold on the ROC convex hull for given costs.',
    sources: [
      'Provost & Fawcett 2001, Robust Classification for Imprecise Environments, Machine Learning 42(3)',
      'Buda, Maki & Mazurowski 2018, A systematic study of the class imbalance problem in convolutional neural networks, Neural Networks 106',
      'Drummond & Holte 2006, Cost curves: An improved method for visualizing classifier performance, Machine Learning 65(1)',
    ],
    steps: [
      {
        title: 'The threshold is a choice',
        text: [
          'A classifier outputs probabilities; "predict the minority when its probability is at least 0.5" is only a default. Press Run comparison.',
          'In the threshold explorer, drag the threshold down: recall of the minority rises, false alarms too. Prior correction moves the threshold for you, to where a balanced world would put it.',
        ],
        look: 'Threshold explorer: the confusion matrix and the operating point on the ROC and PR curves follow the slider.',
        query: `?shape=moons&n=1500&ir=30&noise=0.7&${QUICK}&method=none&method=prior-correction&method=threshold-moving`,
        tab: 'threshold',
      },
      {
        title: 'Costs pick the point on the hull',
        text: [
          'If missing a minority case costs 20 false alarms, the best operating point moves. The iso-performance line (red) touches the ROC convex hull where the expected cost is lowest.',
          'Set the cost ratio to 20 and watch the best point move to a higher true-positive rate.',
        ],
        look: 'ROC & hull: which method and threshold the red line picks, and which methods never touch the hull.',
        query: `?shape=moons&n=1500&ir=30&noise=0.7&${QUICK}&method=none&method=class-weight&method=smote`,
        tab: 'roc',
      },
    ],
  },
  {
    id: 'metrics-under-noise',
    title: 'Metrics under imbalance and label noise',
    summary: 'How metrics behave as imbalance and label noise grow, and why studies disagree on which to trust.',
    sources: [
      'Jeni, Cohn & De la Torre 2013, Facing Imbalanced Data: Recommendations for the Use of Performance Metrics, ACII',
      'Chicco & Jurman 2020, BMC Genomics 21 (MCC)',
      'Saito & Rehmsmeier 2015, PLoS ONE 10(3) (PR curves)',
    ],
    steps: [
      {
        title: 'Clean labels',
        text: ['The same fixed classifier as in the accuracy paradox, labels all correct. Balanced accuracy and G-mean do not depend on the imbalance at all.'],
        look: 'The flat blue (balanced accuracy) and green (G-mean) lines.',
        metricLab: { tpr: 0.8, fpr: 0.05, noise: 0, ratio: 1000 },
      },
      {
        title: 'A few wrong labels',
        text: [
          'Now 2 % of the labels are flipped. At 1:1,000 that turns far more negatives into "positives" than there are real positives, so every metric that looks at the positive class suffers — balanced accuracy and G-mean too.',
          'A study of metrics on massively imbalanced, noisily labelled fraud data recommends F1 and G-mean; others prefer PR AUC and MCC. Move the noise slider and see where each one breaks.',
        ],
        look: 'The dots (simulated data sets) scattering around the lines at high imbalance: with few positives, every metric is noisy.',
        metricLab: { tpr: 0.8, fpr: 0.05, noise: 0.02, ratio: 1000 },
      },
    ],
  },
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** `#lesson/<id>/<step>` (step 1-based in the address) → the lesson and 0-based step; null when it is not a lesson link. */
export function parseLessonHash(hash: string): { id: string; step: number } | null {
  const m = /^#lesson\/([a-z0-9-]+)(?:\/(\d+))?$/.exec(hash);
  if (!m) return null;
  return { id: m[1], step: Math.max(0, Number(m[2] ?? 1) - 1) };
}

export const lessonHash = (id: string, step: number) => `#lesson/${id}/${step + 1}`;
