/**
 * The built-in real datasets shipped in `public/datasets/` (copied from ../shared/datasets, whose
 * README and index.json, shipped alongside, give full provenance). This registry is what the app
 * shows before a file is fetched: rows, features, class counts, imbalance ratio, what the
 * minority class means, licence and citation. `builtins.test.ts` checks every number here against
 * the shipped index.json and the files themselves, so the two cannot drift apart.
 */

export interface BuiltinDataset {
  /** Stable id used in configs and links (`?data=mammography`). */
  id: string;
  title: string;
  kind: 'tabular' | 'image';
  /** File under `datasets/` (a CSV with a `label` column, or a zip with one folder per class). */
  file: string;
  /** Image sets that come with their own balanced test set: its zip. */
  testFile?: string;
  rows: number;
  /** Feature columns (tabular) or pixels per image (image sets, 8×8). */
  features: number;
  /** Columns that hold text categories (tabular). */
  categoricalFeatures: number;
  /** Training rows per class, largest first, as in index.json. */
  classCounts: Record<string, number>;
  /** What the dataset is, in one line. */
  description: string;
  /** What the minority (positive / tail) class means, in one line. */
  minorityMeaning: string;
  licence: string;
  citation: string;
}

const UCI_LICENCE = 'CC BY 4.0 (as listed by the UCI Machine Learning Repository)';

export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  {
    id: 'pima-diabetes',
    title: 'Pima Indians diabetes',
    kind: 'tabular',
    file: 'pima-diabetes.csv',
    rows: 768,
    features: 8,
    categoricalFeatures: 0,
    classCounts: { negative: 500, positive: 268 },
    description: 'Clinical measurements of Pima women; one of the six SMOTE-paper datasets.',
    minorityMeaning: "'positive': tested positive for diabetes within five years.",
    licence: 'unclear: no longer listed on UCI; terms not verified',
    citation: 'Smith, Everhart, Dickson, Knowler & Johannes 1988, Using the ADAP learning algorithm to forecast the onset of diabetes mellitus',
  },
  {
    id: 'phoneme',
    title: 'Phoneme',
    kind: 'tabular',
    file: 'phoneme.csv',
    rows: 5404,
    features: 5,
    categoricalFeatures: 0,
    classCounts: { nasal: 3818, oral: 1586 },
    description: 'Harmonic amplitudes of spoken vowels (ELENA project); a SMOTE-paper dataset.',
    minorityMeaning: "'oral': an oral vowel, as opposed to a nasal one.",
    licence: 'unclear: ELENA project benchmark data; terms not verified',
    citation: 'ELENA project (ESPRIT Basic Research 6891), data from ESPRIT ROARS project 5516',
  },
  {
    id: 'mammography',
    title: 'Mammography',
    kind: 'tabular',
    file: 'mammography.csv',
    rows: 11183,
    features: 6,
    categoricalFeatures: 0,
    classCounts: { negative: 10923, positive: 260 },
    description: 'Six features of regions in mammograms; a SMOTE-paper dataset (3,334 exact duplicate rows).',
    minorityMeaning: "'positive': the region is a microcalcification (2.3 % of rows).",
    licence: 'unclear: terms not verified',
    citation: 'Woods, Doss, Bowyer, Solka, Priebe & Kegelmeyer 1993, IJPRAI 7(6):1417–1436',
  },
  {
    id: 'satimage',
    title: 'Satimage (Statlog Landsat)',
    kind: 'tabular',
    file: 'satimage.csv',
    rows: 6435,
    features: 36,
    categoricalFeatures: 0,
    classCounts: { '1': 1533, '7': 1508, '3': 1358, '5': 707, '2': 703, '4': 626 },
    description: 'Landsat multispectral values of 3×3 pixel neighbourhoods; six soil / crop classes.',
    minorityMeaning: "'4': damp grey soil (the SMOTE paper's minority class, 626 of 6,435).",
    licence: UCI_LICENCE,
    citation: 'Srinivasan 1993, Statlog (Landsat Satellite), UCI Machine Learning Repository',
  },
  {
    id: 'yeast',
    title: 'Yeast protein localisation',
    kind: 'tabular',
    file: 'yeast.csv',
    rows: 1484,
    features: 8,
    categoricalFeatures: 0,
    classCounts: { CYT: 463, NUC: 429, MIT: 244, ME3: 163, ME2: 51, ME1: 44, EXC: 35, VAC: 30, POX: 20, ERL: 5 },
    description: 'Sequence features of yeast proteins; ten localisation sites from 463 down to 5 proteins.',
    minorityMeaning: "'ERL': endoplasmic-reticulum lumen, only 5 proteins (too few for SMOTE with k = 5).",
    licence: UCI_LICENCE,
    citation: 'Nakai 1996, Yeast, UCI Machine Learning Repository; Horton & Nakai 1996, ISMB-96',
  },
  {
    id: 'abalone-19',
    title: 'Abalone 19',
    kind: 'tabular',
    file: 'abalone-19.csv',
    rows: 4177,
    features: 8,
    categoricalFeatures: 1,
    classCounts: { negative: 4145, positive: 32 },
    description: 'Physical measurements of abalone (sex is categorical); extremely imbalanced (IR 130).',
    minorityMeaning: "'positive': the shell has exactly 19 rings (about 20 years old).",
    licence: UCI_LICENCE,
    citation: 'Nash, Sellers, Talbot, Cawthorn & Ford 1994, Abalone, UCI Machine Learning Repository',
  },
  {
    id: 'thyroid-ann',
    title: 'Thyroid (ann)',
    kind: 'tabular',
    file: 'thyroid-ann.csv',
    rows: 7200,
    features: 21,
    categoricalFeatures: 0,
    classCounts: { '3': 6666, '2': 368, '1': 166 },
    description: 'Patient age, 15 binary indicators and five hormone levels (KEEL "thyroid").',
    minorityMeaning: "'1': hyperfunction of the thyroid; '2': subnormal functioning; '3': normal.",
    licence: UCI_LICENCE,
    citation: 'Quinlan 1987, Thyroid Disease (ann-train + ann-test), UCI Machine Learning Repository',
  },
  {
    id: 'wine-quality-red',
    title: 'Red wine quality',
    kind: 'tabular',
    file: 'wine-quality-red.csv',
    rows: 1599,
    features: 11,
    categoricalFeatures: 0,
    classCounts: { '5': 681, '6': 638, '7': 199, '4': 53, '8': 18, '3': 10 },
    description: 'Physicochemical tests of Portuguese red wines; the label is a tasting score 3–8.',
    minorityMeaning: "'3' and '8': the rare very poor and excellent wines (10 and 18 of 1,599).",
    licence: UCI_LICENCE,
    citation: 'Cortez, Cerdeira, Almeida, Matos & Reis 2009, Decision Support Systems 47(4):547–553',
  },
  {
    id: 'breast-cancer-wisconsin-diagnostic',
    title: 'Breast cancer Wisconsin (diagnostic)',
    kind: 'tabular',
    file: 'breast-cancer-wisconsin-diagnostic.csv',
    rows: 569,
    features: 30,
    categoricalFeatures: 0,
    classCounts: { benign: 357, malignant: 212 },
    description: 'Cell-nucleus features from fine-needle aspirate images; mildly imbalanced.',
    minorityMeaning: "'malignant': the tumour is cancerous.",
    licence: `${UCI_LICENCE}; shipped in Debian python3-sklearn (BSD-3-Clause package)`,
    citation: 'Wolberg, Mangasarian, Street & Street 1995, Breast Cancer Wisconsin (Diagnostic), UCI',
  },
  {
    id: 'adult-subset',
    title: 'Adult census income (10 % subset)',
    kind: 'tabular',
    file: 'adult-subset.csv',
    rows: 4885,
    features: 14,
    categoricalFeatures: 8,
    classCounts: { '<=50K': 3716, '>50K': 1169 },
    description: 'US census records with 8 categorical columns and missing values; a SMOTE-paper dataset.',
    minorityMeaning: "'>50K': the person earns more than $50,000 a year.",
    licence: UCI_LICENCE,
    citation: 'Becker & Kohavi 1996, Adult, UCI Machine Learning Repository; Kohavi 1996, KDD-96',
  },
  {
    id: 'digits',
    title: 'Digits 8×8 (tabular)',
    kind: 'tabular',
    file: 'digits.csv',
    rows: 1797,
    features: 64,
    categoricalFeatures: 0,
    classCounts: { '3': 183, '1': 182, '5': 182, '4': 181, '6': 181, '9': 180, '7': 179, '0': 178, '2': 177, '8': 174 },
    description: 'Handwritten digits as 64 pixel intensities (0–16); balanced — use the long-tail builder to skew it.',
    minorityMeaning: "No minority: ten nearly equal classes ('8' is the smallest with 174).",
    licence: `${UCI_LICENCE}; shipped in Debian python3-sklearn (BSD-3-Clause package)`,
    citation: 'Alpaydin & Kaynak 1998, Optical Recognition of Handwritten Digits, UCI Machine Learning Repository',
  },
  {
    id: 'digits-lt',
    title: 'Digits long-tailed (images)',
    kind: 'image',
    file: 'digits-lt.zip',
    testFile: 'digits-lt-test.zip',
    rows: 392,
    features: 64,
    categoricalFeatures: 0,
    classCounts: { '0': 158, '1': 95, '2': 57, '3': 34, '4': 20, '5': 12, '6': 7, '7': 4, '8': 3, '9': 2 },
    description: '8×8 PNG digits, long-tailed training set (imbalance factor 100) with its own balanced test set of 20 per class.',
    minorityMeaning: "Tail classes '7', '8', '9': 4, 3 and 2 training images.",
    licence: UCI_LICENCE,
    citation: 'Derived from Alpaydin & Kaynak 1998 (digits) with the CIFAR-LT protocol of Cao et al. 2019',
  },
];

export function findBuiltin(id: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.id === id);
}

/** Largest class size over smallest class size. */
export function imbalanceRatio(counts: Record<string, number> | readonly number[]): number {
  const values = Array.isArray(counts) ? (counts as number[]) : Object.values(counts);
  const positive = values.filter((v) => v > 0);
  return Math.max(...positive) / Math.min(...positive);
}
