import type { EvaluationTab } from '../../../state/evaluationOptions';
import { useLab } from '../../storeContext';
import { CalibrationView } from './CalibrationView';
import { HeadToTailView } from './HeadToTailView';
import { MetricRankingView } from './MetricRankingView';
import { PrView } from './PrView';
import { RocView } from './RocView';
import { ThresholdExplorer } from './ThresholdExplorer';

const TABS: { id: EvaluationTab; label: string }[] = [
  { id: 'ranking', label: 'Do the metrics agree?' },
  { id: 'head-to-tail', label: 'Head → tail' },
  { id: 'roc', label: 'ROC & hull' },
  { id: 'pr', label: 'Precision–recall' },
  { id: 'threshold', label: 'Threshold explorer' },
  { id: 'calibration', label: 'Calibration' },
];

/**
 * The evaluation views, one at a time, once the run has finished: each is a chart whose first
 * mount is one main-thread task, so none mounts while training, and at most one mounts at a time.
 */
export function EvaluationTabs() {
  const tab = useLab((s) => s.evaluation.tab);
  const finished = useLab((s) => s.run.status === 'done' || s.run.status === 'cancelled');
  const anyDone = useLab((s) => s.run.methods.some((m) => m.status === 'done'));
  const setEvaluation = useLab((s) => s.setEvaluation);
  if (!finished || !anyDone) return null;
  return (
    <section className="evaluation" aria-label="Evaluation views">
      <div className="eval-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`eval-tab-${t.id}`} className={tab === t.id ? 'active' : undefined} onClick={() => setEvaluation({ tab: t.id })}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'ranking' && <MetricRankingView />}
      {tab === 'head-to-tail' && <HeadToTailView />}
      {tab === 'roc' && <RocView />}
      {tab === 'pr' && <PrView />}
      {tab === 'threshold' && <ThresholdExplorer />}
      {tab === 'calibration' && <CalibrationView />}
    </section>
  );
}
