/**
 * The one-paragraph explanations shown next to each resampling method (the resampler registry
 * holds the parameters and the citation; this holds the words a learner reads). Keyed by
 * registry id. A test checks every registered resampler has one.
 */
export type MethodFamily = 'baseline' | 'over-sampling' | 'under-sampling' | 'cleaning' | 'combined' | 'cost-sensitive' | 'loss' | 'sampling' | 'two-stage' | 'post-hoc';

export interface MethodText {
  family: MethodFamily;
  summary: string;
  /** The method only makes sense on data with categorical columns (SMOTE-NC, SMOTEN). */
  requires?: 'categorical';
}

export const METHOD_TEXT: Record<string, MethodText> = {
  'random-over': {
    family: 'over-sampling',
    summary:
      'Duplicates randomly chosen minority rows (drawn with replacement) until the classes are as large as the sampling strategy asks. Nothing new is learned from the copies, and the model can over-fit to the repeated points, but no information is thrown away. With shrinkage > 0 each copy is jittered by a Gaussian whose width follows the class spread (the smoothed bootstrap of ROSE).',
  },
  smote: {
    family: 'over-sampling',
    summary:
      'Creates synthetic minority points on the line segments between a minority sample and one of its k nearest minority neighbours: x_new = x_i + u·(x_nn − x_i) with u uniform in [0, 1). The minority region is filled in rather than copied, which widens the decision region for the minority; in overlapping or noisy data it can also place points inside the majority.',
  },
  'smote-nc': {
    family: 'over-sampling',
    summary:
      'SMOTE for mixed data: continuous columns are interpolated as in SMOTE, while each categorical column of a new point takes the most frequent value among the k nearest neighbours. Differing categories add a fixed penalty (derived from the median standard deviation of the continuous columns) to the distance, so categorical codes are never averaged into meaningless values.',
    requires: 'categorical',
  },
  smoten: {
    family: 'over-sampling',
    summary:
      'SMOTE for purely categorical data: neighbours are found with the Value Difference Metric (two categories are close when they predict the classes alike), and every column of a new point takes the most frequent category among the k nearest neighbours.',
    requires: 'categorical',
  },
  'borderline-smote-1': {
    family: 'over-sampling',
    summary:
      'Only minority points on the border generate new points: a point is "in danger" when at least half (but not all) of its m nearest neighbours belong to other classes. Safe points deep inside the minority and noise points surrounded by the majority are left alone, so synthetic points concentrate where the classifier needs them. Variant 1 interpolates towards minority neighbours.',
  },
  'borderline-smote-2': {
    family: 'over-sampling',
    summary:
      'Borderline-SMOTE that also interpolates from danger points towards their nearest neighbours of other classes, with the step limited to u in [0, 0.5) so new points stay closer to the minority point. It pushes the minority region further into the border than variant 1.',
  },
  'svm-smote': {
    family: 'over-sampling',
    summary:
      'Uses the support vectors of a support vector machine to locate the border: minority support vectors generate new points, interpolating towards minority neighbours where the majority dominates the neighbourhood and extrapolating outwards where the minority dominates, which extends the minority region towards the majority.',
  },
  'kmeans-smote': {
    family: 'over-sampling',
    summary:
      'Clusters the data with k-means, keeps the clusters where the minority is well represented, and runs SMOTE inside them, giving sparse clusters more new points. Interpolating within clusters avoids generating minority points in majority regions between distant minority groups.',
  },
  adasyn: {
    family: 'over-sampling',
    summary:
      'Adaptive synthetic sampling: each minority point generates a number of new points proportional to how many of its k nearest neighbours belong to other classes, so hard-to-learn minority points near the border get most of the synthetic data. It shifts the decision boundary towards the difficult examples.',
  },
  'random-under': {
    family: 'under-sampling',
    summary:
      'Keeps a random subset of the majority rows so that each class is as small as the sampling strategy asks. Training is faster and the classes are balanced, but most of the majority data is discarded, so the decision boundary can become noisy.',
  },
  'near-miss-1': {
    family: 'under-sampling',
    summary:
      'Keeps the majority points whose average distance to their k nearest minority points is smallest: the majority points closest to the minority. It focuses the majority on the border but is sensitive to noise.',
  },
  'near-miss-2': {
    family: 'under-sampling',
    summary:
      'Keeps the majority points whose average distance to their k farthest minority points is smallest, i.e. majority points close to the minority as a whole rather than to a few minority points.',
  },
  'near-miss-3': {
    family: 'under-sampling',
    summary:
      'First keeps, for every minority point, its nearest majority neighbours; among those it keeps the majority points with the largest average distance to their nearest minority points. A two-step selection that guarantees every minority point stays surrounded by some majority.',
  },
  'cluster-centroids': {
    family: 'under-sampling',
    summary:
      'Replaces the majority class by the centroids of a k-means clustering with as many clusters as majority points to keep (or, with hard voting, by the real point nearest each centroid). The majority keeps its shape with far fewer points.',
  },
  'tomek-links': {
    family: 'cleaning',
    summary:
      'A Tomek link is a pair of points of different classes that are each other’s nearest neighbour: either one is noise or both sit on the border. Removing the majority member of every link cleans the border and widens the gap between classes; it removes only a few points, so it rarely balances the data by itself.',
  },
  'edited-nearest-neighbours': {
    family: 'cleaning',
    summary:
      'Removes majority points whose k nearest neighbours disagree with their class (all of them must agree with "all", most of them with "mode"). It deletes noisy and borderline majority points and smooths the decision boundary.',
  },
  'repeated-edited-nearest-neighbours': {
    family: 'cleaning',
    summary:
      'Applies edited nearest neighbours again and again until no more points are removed (or the classes would flip order), cleaning the border more aggressively than a single pass.',
  },
  'all-knn': {
    family: 'cleaning',
    summary:
      'Runs edited nearest neighbours with k = 1, 2, … up to k, removing at each step the points misclassified by their neighbours. Cleaning with growing neighbourhoods removes isolated noise first and then thins the border.',
  },
  'neighbourhood-cleaning-rule': {
    family: 'cleaning',
    summary:
      'Removes majority points misclassified by their three nearest neighbours (edited nearest neighbours) and, for minority points that are misclassified, removes the majority neighbours responsible. It cleans the neighbourhood of the minority rather than balancing counts.',
  },
  'one-sided-selection': {
    family: 'cleaning',
    summary:
      'Starts from all minority points and one majority point, adds the majority points that a 1-nearest-neighbour rule gets wrong (condensing away redundant majority points far from the border), then removes Tomek links to clean the border.',
  },
  'condensed-nearest-neighbour': {
    family: 'cleaning',
    summary:
      'Builds the smallest subset of the majority that still classifies the training data correctly with a 1-nearest-neighbour rule: points far from the border are redundant and dropped, points near it are kept. The result depends on the order points are visited.',
  },
  'instance-hardness-threshold': {
    family: 'cleaning',
    summary:
      'Estimates how hard each point is to classify (one minus the cross-validated probability of its own class) and removes the hardest majority points until the class reaches the requested size. Overlapping and mislabelled majority points go first.',
  },
  'smote-tomek': {
    family: 'combined',
    summary:
      'Over-samples with SMOTE, then removes Tomek links from all classes. SMOTE can push synthetic points into the majority region; the Tomek step cleans the resulting overlap at the border.',
  },
  'smote-enn': {
    family: 'combined',
    summary:
      'Over-samples with SMOTE, then cleans every class with edited nearest neighbours. It removes more points than SMOTE + Tomek and gives a cleaner, more separated border.',
  },
  'smote-rus': {
    family: 'combined',
    summary:
      'The SMOTE paper’s own combination: create N % new minority points with SMOTE (200 % = two per minority point), then randomly under-sample the majority until the enlarged minority is U % of it (200 % leaves half as many majority as minority points). Sweeping N and U traces the curve of operating points the paper compares in ROC space.',
  },
};
