import { ConfusionMatrices } from './ConfusionMatrices';
import { DecisionRegions } from './DecisionRegions';
import { LossCurves } from './LossCurves';
import { MetricsTable } from './MetricsTable';
import { RecallBars } from './RecallBars';
import { ClassifierNorms } from './ClassifierNorms';
import { CalibrationView } from './evaluation/CalibrationView';
import { HeadToTailView } from './evaluation/HeadToTailView';
import { MetricRankingView } from './evaluation/MetricRankingView';
import { PrView } from './evaluation/PrView';
import { RocView } from './evaluation/RocView';
import { SignificanceNote } from './evaluation/SignificanceNote';
import { ThresholdExplorer } from './evaluation/ThresholdExplorer';

/** Every result view, in reading order. Loaded lazily: charting code is not needed for the first paint. */
export default function Results() {
  return (
    <>
      <MetricsTable />
      <SignificanceNote />
      <MetricRankingView />
      <LossCurves />
      <RecallBars />
      <HeadToTailView />
      <RocView />
      <PrView />
      <ThresholdExplorer />
      <ConfusionMatrices />
      <CalibrationView />
      <ClassifierNorms />
      <DecisionRegions />
    </>
  );
}
