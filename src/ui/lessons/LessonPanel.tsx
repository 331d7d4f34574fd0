import { useEffect } from 'react';
import { findLesson, LESSONS as LESSON_LINKS } from '../../lessons/lessons';
import { useLab } from '../storeContext';

/** True when a key press belongs to a form control (sliders and fields keep their arrow keys). */
const inControl = (t: EventTarget | null) => t instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName);

/**
 * The open lesson's step: what it shows, what to look at, next / back (also the arrow keys and
 * Page Up / Down of a presenter's clicker), and presenter mode.
 */
export function LessonPanel() {
  const open = useLab((s) => s.lesson);
  const presenting = useLab((s) => s.presenting);
  const moveLesson = useLab((s) => s.moveLesson);
  const closeLesson = useLab((s) => s.closeLesson);
  const setPresenting = useLab((s) => s.setPresenting);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (inControl(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') moveLesson(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') moveLesson(-1);
      else if (e.key === 'Escape' && presenting) setPresenting(false);
      else return;
      e.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [open, presenting, moveLesson, setPresenting]);
  if (!open) return null;
  const lesson = findLesson(open.id);
  if (!lesson) return null;
  const step = lesson.steps[open.step];
  const last = open.step === lesson.steps.length - 1;
  return (
    <aside className="lesson-panel" aria-labelledby="lesson-h" data-testid="lesson-panel" data-lesson={lesson.id} data-step={open.step + 1}>
      <p className="lesson-kicker">
        Lesson: {lesson.title} · step {open.step + 1} of {lesson.steps.length}
      </p>
      <h2 id="lesson-h" data-testid="lesson-step-title">
        {step.title}
      </h2>
      {step.text.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p className="lesson-look" data-testid="lesson-look">
        <b>Look at:</b> {step.look}
      </p>
      {last && (
        <details className="lesson-sources">
          <summary>Sources</summary>
          <ul>
            {lesson.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="lesson-nav">
        <button type="button" data-testid="lesson-back" disabled={open.step === 0} onClick={() => moveLesson(-1)}>
          ← Back
        </button>
        <button type="button" data-testid="lesson-next" disabled={last} onClick={() => moveLesson(1)}>
          Next →
        </button>
        <button type="button" data-testid="lesson-present" aria-pressed={presenting} onClick={() => setPresenting(!presenting)}>
          {presenting ? 'Leave presenter mode' : 'Presenter mode'}
        </button>
        <button type="button" data-testid="lesson-close" onClick={closeLesson}>
          Close lesson
        </button>
      </div>
    </aside>
  );
}

/** The lessons, as links (a lesson opens by its link: `#lesson/<id>/1`). */
export function LessonMenu() {
  return (
    <details className="lesson-menu" data-testid="lesson-menu">
      <summary>Lessons</summary>
      <ul>
        {LESSON_LINKS.map((l) => (
          <li key={l.id}>
            <a href={`#lesson/${l.id}/1`} data-testid={`lesson-link-${l.id}`}>
              {l.title}
            </a>
            <span className="hint"> — {l.summary}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
